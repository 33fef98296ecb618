package io.pipeshift.time;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Converts an IR cron (Unix dialect) to EventBridge {@code cron(min hour dom month dow year)}
 * expressions. The rules, in one place:
 * <ul>
 *   <li>EventBridge day-of-week is 1-7 with 1 = Sunday: every Unix day number is shifted by one (and
 *       Unix 7 = Sunday becomes 1).
 *   <li>One of day-of-month / day-of-week must be {@code ?}: the unrestricted one becomes {@code ?}
 *       (day-of-week when both are {@code *}).
 *   <li>When both are restricted, Unix cron runs when EITHER matches; EventBridge cannot say that in
 *       one expression, so two schedules are returned (one per field).
 *   <li>Steps in day-of-week ({@code *&#47;2}) are expanded to explicit lists.
 * </ul>
 * The way back ({@link #toUnix}, {@link #rateDuration}) reads what AWS holds (schedules and rules made by
 * pipeshift or by hand) into the IR dialect; what Unix cron cannot say ({@code L}, {@code W}, {@code #},
 * a restricted year) is refused with the reason.
 */
public final class EventBridgeCron {

  private EventBridgeCron() {}

  /** One expression, or two when both day fields are restricted (OR semantics). */
  public static List<String> expressions(CronExpression cron) {
    CronExpression.Fields f = cron.fields();
    if (f.restrictsDayOfMonth() && f.restrictsDayOfWeek()) {
      return List.of(
          format(f.minute(), f.hour(), f.dayOfMonth(), f.month(), "?"),
          format(f.minute(), f.hour(), "?", f.month(), dayOfWeek(f.dayOfWeek())));
    }
    if (f.restrictsDayOfWeek()) {
      return List.of(format(f.minute(), f.hour(), "?", f.month(), dayOfWeek(f.dayOfWeek())));
    }
    return List.of(format(f.minute(), f.hour(), f.dayOfMonth(), f.month(), "?"));
  }

  private static String format(String min, String hour, String dom, String month, String dow) {
    return "cron(" + min + " " + hour + " " + dom + " " + month + " " + dow + " *)";
  }

  /** Unix day-of-week field (already numeric) to EventBridge's 1-7, Sunday = 1. */
  static String dayOfWeek(String unix) {
    TreeSet<Integer> days = new TreeSet<>();
    for (String item : unix.split(",")) {
      String range = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        step = Integer.parseInt(item.substring(slash + 1));
      }
      int lo;
      int hi;
      if (range.equals("*")) {
        lo = 0;
        hi = 6;
      } else if (range.contains("-")) {
        lo = Integer.parseInt(range.substring(0, range.indexOf('-')));
        hi = Integer.parseInt(range.substring(range.indexOf('-') + 1));
      } else {
        lo = Integer.parseInt(range);
        hi = slash >= 0 ? 7 : lo; // "N/step" runs to the field's maximum, 7 (Sunday again): "7/4" is Sunday
      }
      for (int d = lo; d <= hi; d += step) {
        days.add(d % 7 + 1);
      }
    }
    return compress(new ArrayList<>(days));
  }

  /** 2,3,4,5,6 -> 2-6; keeps lists short and readable. */
  private static String compress(List<Integer> days) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < days.size()) {
      int j = i;
      while (j + 1 < days.size() && days.get(j + 1) == days.get(j) + 1) {
        j++;
      }
      parts.add(j - i >= 2 ? days.get(i) + "-" + days.get(j) : days.get(i).toString());
      if (j - i == 1) {
        parts.add(days.get(j).toString());
      }
      i = j + 1;
    }
    return String.join(",", parts);
  }

  /** EventBridge {@code rate(...)} for a fixed interval of whole minutes. */
  public static String rate(java.time.Duration every) {
    long minutes = every.toMinutes();
    if (minutes < 1 || every.toSeconds() % 60 != 0) {
      throw new IllegalArgumentException("EventBridge rates are whole minutes, at least 1 minute");
    }
    if (minutes % (60 * 24) == 0) {
      long days = minutes / (60 * 24);
      return "rate(" + days + (days == 1 ? " day)" : " days)");
    }
    if (minutes % 60 == 0) {
      long hours = minutes / 60;
      return "rate(" + hours + (hours == 1 ? " hour)" : " hours)");
    }
    return "rate(" + minutes + (minutes == 1 ? " minute)" : " minutes)");
  }

  /**
   * An EventBridge {@code cron(min hour dom month dow year)} as an IR cron: {@code ?} becomes {@code *},
   * day-of-week 1-7 (or SUN-SAT, Sunday = 1) becomes 0-6, month names become numbers. Throws
   * {@link IllegalArgumentException} saying why when Unix cron cannot express it.
   */
  public static CronExpression toUnix(String expression) {
    String e = expression.trim();
    if (!e.startsWith("cron(") || !e.endsWith(")")) {
      throw new IllegalArgumentException("'" + expression + "' is not an EventBridge cron(...) expression");
    }
    String[] f = e.substring(5, e.length() - 1).trim().split("\\s+");
    if (f.length != 6) {
      throw new IllegalArgumentException("'" + expression + "' has " + f.length + " fields; EventBridge cron has 6");
    }
    if (!f[5].equals("*") && !f[5].equals("?")) {
      throw new IllegalArgumentException("'" + expression + "' restricts the year, which Unix cron cannot");
    }
    for (int i = 0; i < 5; i++) {
      String field = f[i].toUpperCase(java.util.Locale.ROOT);
      if (field.contains("L") && !(i == 3 && field.contains("JUL")) || field.contains("W") && i == 2 || field.contains("#")) {
        throw new IllegalArgumentException("'" + expression + "' uses L, W or #, which Unix cron cannot express");
      }
    }
    String dom = f[2].equals("?") ? "*" : f[2];
    String dow = f[4].equals("?") ? "*" : unixDayOfWeek(f[4], expression);
    return CronExpression.parse(f[0] + " " + f[1] + " " + dom + " " + f[3] + " " + dow);
  }

  /** EventBridge day-of-week items (1-7 or SUN-SAT, Sunday = 1) as Unix 0-6. */
  private static String unixDayOfWeek(String field, String expression) {
    if (field.equals("*")) {
      return "*";
    }
    List<String> out = new ArrayList<>();
    for (String item : field.split(",")) {
      String range = item;
      String step = "";
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        step = item.substring(slash);
      }
      if (range.equals("*")) {
        out.add(range + step);
        continue;
      }
      int dash = range.indexOf('-');
      if (dash > 0) {
        out.add(day(range.substring(0, dash), expression) + "-" + day(range.substring(dash + 1), expression) + step);
      } else {
        out.add(day(range, expression) + step);
      }
    }
    return String.join(",", out);
  }

  private static int day(String token, String expression) {
    int idx = CronExpression.DAYS.indexOf(token.toUpperCase(java.util.Locale.ROOT));
    if (idx >= 0) {
      return idx;
    }
    try {
      int n = Integer.parseInt(token);
      if (n >= 1 && n <= 7) {
        return n - 1;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the message below
    }
    throw new IllegalArgumentException("'" + token + "' is not an EventBridge day of week (1-7 or SUN-SAT) in '" + expression + "'");
  }

  /** {@code rate(5 minutes)} (minute, minutes, hour, hours, day, days) as a duration. */
  public static java.time.Duration rateDuration(String expression) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)")
        .matcher(expression.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + expression + "' is not an EventBridge rate(N minutes|hours|days) expression");
    }
    // at most nine digits: a rate of a billion days is already far beyond any schedule, and larger numbers
    // would overflow a Duration (the fuzz smoke run found rate(5999999999999999999 minute))
    String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
    if (digits.length() > 9 || Long.parseLong(digits) < 1) {
      throw new IllegalArgumentException("'" + expression + "': N in rate(N ...) must be between 1 and 999999999");
    }
    long n = Long.parseLong(digits);
    return switch (m.group(2).charAt(0)) {
      case 'm' -> java.time.Duration.ofMinutes(n);
      case 'h' -> java.time.Duration.ofHours(n);
      default -> java.time.Duration.ofDays(n);
    };
  }
}
