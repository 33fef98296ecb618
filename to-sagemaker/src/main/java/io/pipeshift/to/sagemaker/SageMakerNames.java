package io.pipeshift.to.sagemaker;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SageMaker step names: the one place that knows their limits (at most 64 characters of
 * {@code [A-Za-z0-9-_]}), makes every name unique, and remembers which IR step each name came from.
 *
 * <p>A step keeps its IR id when the id is already legal. Otherwise every illegal character becomes
 * {@code -}; a name too long is cut (keeping room for a suffix); a name taken by another step gets
 * {@code -2}, {@code -3}, ... Each name remembers its IR step ({@link #stepIdOf}), for the IR-id -> names map
 * kept with the definition: one IR step may have several SageMaker steps (a condition lowered to sibling
 * conditions, a step copied into each branch of a rejoin, a for-each body unrolled).
 */
public final class SageMakerNames {

  /** SageMaker's step name limit. */
  public static final int MAX_LENGTH = 64;

  /** SageMaker's step name pattern. */
  public static final Pattern LEGAL = Pattern.compile("^[A-Za-z0-9\\-_]{1,64}$");

  private final Set<String> taken = new HashSet<>();
  private final Map<String, String> stepIdByName = new LinkedHashMap<>();

  /**
   * A new unique name for IR step {@code stepId}, built from {@code base} (sanitised) and a {@code suffix}
   * that is kept whole (e.g. {@code -RegisterModel}; empty for none).
   */
  public String allocate(String stepId, String base, String suffix) {
    String cleanSuffix = sanitise(suffix);
    String stem = sanitise(base);
    if (stem.isEmpty()) {
      stem = "step";
    }
    String name = fit(stem, cleanSuffix);
    for (int n = 2; taken.contains(name); n++) {
      name = fit(stem, "-" + n + cleanSuffix);
    }
    taken.add(name);
    stepIdByName.put(name, stepId);
    return name;
  }

  /** Every illegal character becomes {@code -}. */
  static String sanitise(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      out.append(ok ? c : '-');
    }
    return out.toString();
  }

  private static String fit(String stem, String suffix) {
    int room = MAX_LENGTH - suffix.length();
    return (stem.length() > room ? stem.substring(0, Math.max(1, room)) : stem) + suffix;
  }

  /** The IR step a SageMaker step name was made for. */
  public String stepIdOf(String name) {
    String id = stepIdByName.get(name);
    if (id == null) {
      throw new IllegalArgumentException("no SageMaker step named '" + name + "'");
    }
    return id;
  }
}
