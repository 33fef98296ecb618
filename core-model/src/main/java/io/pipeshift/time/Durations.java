package io.pipeshift.time;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place durations are parsed and printed. Accepts ISO-8601 ({@code PT30S}, {@code P30D},
 * {@code P1DT2H}) and a short form ({@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}, {@code 1h30m}).
 * Prints ISO-8601, using whole days ({@code P30D}) when the duration is a whole number of days.
 */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private Durations() {}

  /** Parses a duration; throws {@link IllegalArgumentException} with a user-facing reason. */
  public static Duration parse(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("empty duration");
    }
    if (t.charAt(0) == 'P' || t.charAt(0) == 'p') {
      return parseIso(t.toUpperCase(Locale.ROOT));
    }
    Matcher m = SHORT.matcher(t.toLowerCase(Locale.ROOT));
    if (!m.matches() || t.chars().noneMatch(Character::isDigit)) {
      throw new IllegalArgumentException("expected ISO-8601 like PT30M or P7D, or a short form like 90s, 15m, 2h, 1d");
    }
    try {
      Duration d = Duration.ZERO;
      if (m.group(1) != null) d = d.plusDays(Long.parseLong(m.group(1)));
      if (m.group(2) != null) d = d.plusHours(Long.parseLong(m.group(2)));
      if (m.group(3) != null) d = d.plusMinutes(Long.parseLong(m.group(3)));
      if (m.group(4) != null) d = d.plusSeconds(Long.parseLong(m.group(4)));
      return d;
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("the number is too large");
    }
  }

  private static Duration parseIso(String t) {
    // java.time.Duration does not accept a day part without 'T' in some forms (P30D works; P1W/P1M don't).
    if (t.matches("P\\d+W")) {
      return Duration.ofDays(7L * Long.parseLong(t.substring(1, t.length() - 1)));
    }
    if (t.matches("P(\\d+Y)?(\\d+M)?(\\d+D)?") && (t.contains("Y") || t.contains("M"))) {
      throw new IllegalArgumentException("years and months have no fixed length; use days (e.g. P30D)");
    }
    try {
      return Duration.parse(t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expected ISO-8601 like PT30M or P7D, or a short form like 90s, 15m, 2h, 1d");
    }
  }

  /** ISO-8601, whole days as {@code PnD}. */
  public static String format(Duration d) {
    if (!d.isZero() && !d.isNegative() && d.toNanos() % Duration.ofDays(1).toNanos() == 0) {
      return "P" + d.toDays() + "D";
    }
    return d.toString();
  }

  /** Seconds, rounded up, for targets that count whole seconds. */
  public static long ceilSeconds(Duration d) {
    return d.getNano() == 0 ? d.getSeconds() : d.getSeconds() + 1;
  }
}
