package io.pipeshift.to.asl;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place state names and data keys are made. State names: letters, digits, '-' and '_' only
 * (anything else becomes '-'), at most {@value #MAX_STATE_NAME} characters, unique across the whole machine
 * (nested branches included) with a {@code -2}, {@code -3}... suffix. Data keys (fields of the execution
 * document, e.g. {@code $.results.<key>}): letters, digits and '_', starting with a letter, unique per kind.
 */
final class AslNames {

  static final int MAX_STATE_NAME = 80;

  private final Set<String> states = new HashSet<>();
  private final Set<String> keys = new HashSet<>();
  private final Map<String, String> keyOf = new HashMap<>();

  /** A fresh state name as close to {@code suggestion} as the rules allow. */
  String state(String suggestion) {
    String base = clean(suggestion, true);
    if (base.length() > MAX_STATE_NAME) {
      base = base.substring(0, MAX_STATE_NAME);
    }
    String name = base;
    for (int i = 2; !states.add(name); i++) {
      String suffix = "-" + i;
      name = base.substring(0, Math.min(base.length(), MAX_STATE_NAME - suffix.length())) + suffix;
    }
    return name;
  }

  /** Whether {@code name} is already a state name. */
  boolean taken(String name) {
    return states.contains(name);
  }

  /** The data key of an IR id (the same id always gets the same key). */
  String key(String id) {
    return keyOf.computeIfAbsent(id, x -> {
      String base = clean(x, false);
      String key = base;
      for (int i = 2; !keys.add(key); i++) {
        key = base + "_" + i;
      }
      return key;
    });
  }

  /** A JSONPath-safe field name for an output or property (not unique: used inside one step's fields). */
  private static final java.util.regex.Pattern NOT_NAME_CHARS = java.util.regex.Pattern.compile("[^a-z0-9]+");
  private static final java.util.regex.Pattern EDGE_DASHES = java.util.regex.Pattern.compile("^-+|-+$");
  private static final java.util.regex.Pattern TRAILING_DASHES = java.util.regex.Pattern.compile("-+$");

  static String field(String name) {
    return clean(name, false);
  }

  /** A SageMaker-style resource name prefix: lower-case letters, digits and '-', at most {@code max} long. */
  static String resourcePrefix(String id, int max) {
    String s = NOT_NAME_CHARS.matcher(id.toLowerCase(Locale.ROOT)).replaceAll("-");
    s = EDGE_DASHES.matcher(s).replaceAll("");
    if (s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0))) {
      s = "step" + s;
    }
    s = s.length() > max ? s.substring(0, max) : s;
    return TRAILING_DASHES.matcher(s).replaceAll("");
  }

  private static String clean(String text, boolean stateName) {
    StringBuilder out = new StringBuilder();
    char replacement = stateName ? '-' : '_';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
          || (stateName && c == '-');
      if (ok) {
        out.append(c);
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != replacement) {
        out.append(replacement);
      }
    }
    while (out.length() > 0 && out.charAt(out.length() - 1) == replacement) {
      out.setLength(out.length() - 1);
    }
    if (out.length() == 0) {
      out.append(stateName ? "State" : "v");
    }
    if (!stateName && !Character.isLetter(out.charAt(0))) {
      out.insert(0, "v_");
    }
    return out.toString();
  }
}
