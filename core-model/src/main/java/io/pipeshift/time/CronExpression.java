package io.pipeshift.time;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cron schedule in the IR's one dialect: Unix / Airflow (croniter) five fields
 * {@code minute hour day-of-month month day-of-week}, day-of-week 0-7 with 0 and 7 = Sunday, names
 * (JAN, MON) allowed, lists, ranges and steps; or one of the presets {@code @hourly @daily @weekly
 * @monthly @yearly @annually @midnight}. When both day-of-month and day-of-week are restricted, either
 * may match (OR), as in cron. Every target converts from this one record.
 *
 * @param text the expression exactly as written (kept so a round trip prints it unchanged)
 */
public record CronExpression(String text) {

  private static final Map<String, String> PRESETS =
      Map.of(
          "@hourly", "0 * * * *",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@weekly", "0 0 * * 0",
          "@monthly", "0 0 1 * *",
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *");

  static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  /** The five cron fields, with names replaced by numbers and presets expanded. */
  public record Fields(String minute, String hour, String dayOfMonth, String month, String dayOfWeek) {
    public boolean restrictsDayOfMonth() {
      return !dayOfMonth.equals("*");
    }

    public boolean restrictsDayOfWeek() {
      return !dayOfWeek.equals("*");
    }
  }

  public CronExpression {
    text = text.trim();
    fields(text); // validates
  }

  /** Parses and validates; throws {@link IllegalArgumentException} with a user-facing reason. */
  public static CronExpression parse(String text) {
    return new CronExpression(text);
  }

  public boolean isPreset() {
    return text.startsWith("@");
  }

  public Fields fields() {
    return fields(text);
  }

  private static Fields fields(String text) {
    String expanded = text.startsWith("@") ? PRESETS.get(text.toLowerCase(Locale.ROOT)) : text;
    if (expanded == null) {
      throw new IllegalArgumentException("unknown preset; expected one of @hourly @daily @weekly @monthly @yearly");
    }
    String[] parts = expanded.trim().split("\\s+");
    if (parts.length != 5) {
      throw new IllegalArgumentException(
          "expected 5 fields (minute hour day-of-month month day-of-week), found " + parts.length);
    }
    return new Fields(
        field(parts[0], "minute", 0, 59, List.of()),
        field(parts[1], "hour", 0, 23, List.of()),
        field(parts[2], "day-of-month", 1, 31, List.of()),
        field(parts[3], "month", 1, 12, MONTHS),
        field(parts[4], "day-of-week", 0, 7, DAYS));
  }

  /** Validates one field and returns it with names replaced by numbers (MON -> 1, JAN -> 1). */
  private static String field(String raw, String what, int min, int max, List<String> names) {
    List<String> out = new ArrayList<>();
    for (String item : raw.split(",", -1)) {
      if (item.isEmpty()) {
        throw new IllegalArgumentException("empty list item in the " + what + " field");
      }
      String range = item;
      String step = null;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        step = item.substring(slash + 1);
        int s = number(step, what, 1, max == 7 ? 7 : max, List.of());
        step = Integer.toString(s);
      }
      String normalized;
      if (range.equals("*")) {
        normalized = "*";
      } else {
        int dash = range.indexOf('-');
        if (dash > 0) {
          int lo = number(range.substring(0, dash), what, min, max, names);
          int hi = number(range.substring(dash + 1), what, min, max, names);
          if (hi < lo) {
            throw new IllegalArgumentException("range " + range + " in the " + what + " field runs backwards");
          }
          normalized = lo + "-" + hi;
        } else {
          normalized = Integer.toString(number(range, what, min, max, names));
        }
      }
      out.add(step == null ? normalized : normalized + "/" + step);
    }
    return String.join(",", out);
  }

  private static int number(String token, String what, int min, int max, List<String> names) {
    int idx = names.indexOf(token.toUpperCase(Locale.ROOT));
    if (idx >= 0) {
      return names == MONTHS ? idx + 1 : idx;
    }
    int value;
    try {
      value = Integer.parseInt(token);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + token + "' is not a number" + (names.isEmpty() ? "" : " or a name") + " in the " + what + " field");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          value + " is out of range " + min + "-" + max + " in the " + what + " field");
    }
    return value;
  }

  @Override
  public String toString() {
    return text;
  }
}
