package io.pipeshift.to.asl;

import java.util.List;

/**
 * The one place intrinsic-function text is written. A string literal inside an intrinsic is single-quoted,
 * and the characters {@code ' { }} are escaped with a backslash (in {@code States.Format} templates the
 * braces would otherwise be placeholders). AWS also documents {@code \\} for a backslash, but
 * asl-validator 4.0.0 (its path grammar) rejects it; so text with a backslash never goes into a literal: it
 * is passed as {@code States.Base64Decode('...')}, which both accept. The surrounding JSON string escaping
 * is Jackson's job.
 */
final class AslIntrinsics {

  private AslIntrinsics() {}

  /** {@code text} as an intrinsic argument: {@code 'it\'s'}, or a Base64Decode call when it has a backslash. */
  static String quote(String text) {
    if (!inlinable(text)) {
      return "States.Base64Decode('"
          + java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "')";
    }
    return "'" + escape(text) + "'";
  }

  /** Whether the text can sit in a quoted literal or a Format template (no backslash: see above). */
  static boolean inlinable(String text) {
    return text.indexOf('\\') < 0;
  }

  /** Escapes the characters that are special inside an intrinsic string literal (text must be inlinable). */
  static String escape(String text) {
    if (!inlinable(text)) {
      throw new IllegalArgumentException("text with a backslash must be passed with quote(), not inlined");
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '{' || c == '}') {
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
