package io.pipeshift.from.airflow.mapping;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Airflow task ids -> IR step ids ({@code [A-Za-z][A-Za-z0-9_-]{0,127}}), unique within a pipeline. A task
 * group's dot becomes {@code __} ({@code section_1.task_2} -> {@code section_1__task_2}); other characters
 * become {@code _}; an id not starting with a letter gets {@code t_}; collisions get {@code _2}, {@code _3}.
 * One place for this rule.
 */
final class StepIds {

  private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,127}");
  private final Set<String> used = new HashSet<>();

  String allocate(String taskId) {
    String id = sanitize(taskId);
    String candidate = id;
    int n = 2;
    while (!used.add(candidate.toLowerCase(Locale.ROOT))) {
      String suffix = "_" + n++;
      candidate = (id.length() + suffix.length() > 128 ? id.substring(0, 128 - suffix.length()) : id) + suffix;
    }
    return candidate;
  }

  static String sanitize(String taskId) {
    if (VALID.matcher(taskId).matches()) {
      return taskId;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < taskId.length(); i++) {
      char c = taskId.charAt(i);
      if (c == '.') {
        b.append("__");
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
        b.append(c);
      } else {
        b.append('_');
      }
    }
    String id = b.length() == 0 || !Character.isLetter(b.charAt(0)) || b.charAt(0) > 'z' ? "t_" + b : b.toString();
    if (id.length() > 128) {
      String hash = Integer.toHexString(taskId.hashCode() & 0xfffffff);
      id = id.substring(0, 127 - hash.length()) + "_" + hash;
    }
    return id;
  }
}
