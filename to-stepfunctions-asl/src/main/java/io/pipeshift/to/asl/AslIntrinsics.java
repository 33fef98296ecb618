package io.pipeshift.to.asl;

import java.util.List;

/**
 * The one place intrinsic-function text is written. A string literal inside an intrinsic is single-quoted,
 * and the characters {@code ' { } \} are escaped with a backslash (in {@code States.Format} templates the
 * braces would otherwise be placeholders). The surrounding JSON string escaping is Jackson's job.
 */
final class AslIntrinsics {

  private AslIntrinsics() {}

  /** {@code text} as an intrinsic string literal: {@code 'it\'s'}. */
  static String quote(String text) {
    return "'" + escape(text) + "'";
  }

  /** Escapes the characters that are special inside an intrinsic string literal. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '{' || c == '}' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** {@code States.Format('template', arg1, ...)}; the template already escaped, with {} per argument. */
  static String format(String escapedTemplate, List<String> args) {
    StringBuilder out = new StringBuilder("States.Format('").append(escapedTemplate).append('\'');
    for (String a : args) {
      out.append(", ").append(a);
    }
    return out.append(')').toString();
  }

  /** {@code name(arg1, arg2, ...)}. */
  static String call(String name, List<String> args) {
    return name + "(" + String.join(", ", args) + ")";
  }

  /** A fresh resource name per attempt: {@code States.Format('prefix-{}', States.UUID())}. */
  static String uniqueName(String prefix) {
    return format(escape(prefix) + "-{}", List.of("States.UUID()"));
  }
}
