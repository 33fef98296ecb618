package io.pipeshift.aws.blueprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Every naming rule of the resources pipeshift creates, in one place: the services' allowed characters
 * and lengths, and the derived names of roles, schedules and rules. Too-long names are cut and given a
 * short hash of the full name, so they stay stable and distinct.
 */
public final class ResourceNames {

  /** SageMaker pipeline names: {@code ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}}. */
  static final int PIPELINE_MAX = 256;
  /** State machine names: 1-80 characters, none of whitespace, brackets, wildcards, punctuation below. */
  static final int STATE_MACHINE_MAX = 80;
  /** IAM role names: 64 characters of {@code [\w+=,.@-]}. */
  static final int ROLE_MAX = 64;
  /** Scheduler schedule and EventBridge rule names: 64 characters of {@code [0-9a-zA-Z-_.]}. */
  static final int TRIGGER_MAX = 64;

  private static final Pattern NOT_PIPELINE_CHAR = Pattern.compile("[^A-Za-z0-9]+");
  private static final Pattern NOT_STATE_MACHINE_CHAR =
      Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]+");
  private static final Pattern NOT_TRIGGER_CHAR = Pattern.compile("[^0-9A-Za-z_.-]+");

  private ResourceNames() {}

  /** A valid SageMaker pipeline name for {@code name}: other characters become {@code -}. */
  public static String pipeline(String name) {
    String s = trimDashes(NOT_PIPELINE_CHAR.matcher(name).replaceAll("-"));
    return fit(s.isEmpty() ? "pipeline" : s, "", PIPELINE_MAX);
  }

  /** A valid state machine name for {@code name}. */
  public static String stateMachine(String name) {
    String s = trimDashes(NOT_STATE_MACHINE_CHAR.matcher(name).replaceAll("-"));
    return fit(s.isEmpty() ? "state-machine" : s, "", STATE_MACHINE_MAX);
  }

  /** The role the pipeline or state machine runs with. */
  public static String executionRole(String base) {
    return fit(triggerSafe(base), "-execution", ROLE_MAX);
  }

  /** The role schedules and rules use to start the pipeline. */
  public static String triggerRole(String base) {
    return fit(triggerSafe(base), "-triggers", ROLE_MAX);
  }

  /** Prefix of every schedule name of {@code base}. */
  public static String schedulePrefix(String base) {
    return fit(triggerSafe(base), "-schedule-", TRIGGER_MAX - 3);
  }

  /** Prefix of every rule name of {@code base}. */
  public static String rulePrefix(String base) {
    return fit(triggerSafe(base), "-rule-", TRIGGER_MAX - 3);
  }

  private static String triggerSafe(String base) {
    return trimDashes(NOT_TRIGGER_CHAR.matcher(base).replaceAll("-"));
  }

  /** {@code base + suffix}, with base cut and hashed when the whole would exceed {@code max}. */
  static String fit(String base, String suffix, int max) {
    if (base.length() + suffix.length() <= max) {
      return base + suffix;
    }
    String hash = hash(base);
    int keep = max - suffix.length() - hash.length() - 1;
    return trimDashes(base.substring(0, keep)) + "-" + hash + suffix;
  }

  private static String trimDashes(String s) {
    return s.replaceAll("^-+|-+$", "");
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4).toLowerCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
