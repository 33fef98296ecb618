package io.pipeshift.analyzer.features;

import io.pipeshift.ir.Trigger;
import io.pipeshift.time.CronExpression;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * How often a pipeline runs, from its cron and rate triggers: runs in a 30-day month. Event and manual
 * triggers add runs nobody can count, so they are left out (the caller states that).
 */
public final class Schedules {

  static final int DAYS = 30;

  private Schedules() {}

  /** Runs per 30-day month from cron and rate triggers, or empty when the pipeline has neither. */
  public static Optional<Double> runsPerMonth(List<Trigger> triggers) {
    double total = 0;
    boolean any = false;
    for (Trigger t : triggers) {
      if (t instanceof Trigger.Cron c) {
        total += cronRunsPerMonth(c.cron());
        any = true;
      } else if (t instanceof Trigger.Rate r && !r.every().isZero() && !r.every().isNegative()) {
        total += (DAYS * 24.0 * 3600.0) / r.every().toSeconds();
        any = true;
      }
    }
    return any ? Optional.of(total) : Optional.empty();
  }

  /**
   * Matches of a cron in 30 consecutive days starting on a Monday the 1st (days of month 1-30, every
   * weekday 4 or 5 times, every month once in 12 months: the month field scales the result by its share
   * of the year). Day-of-month and day-of-week restricted together match on either, as in cron.
   */
  static double cronRunsPerMonth(CronExpression cron) {
    CronExpression.Fields f = cron.fields();
    BitSet minutes = parse(f.minute(), 0, 59);
    BitSet hours = parse(f.hour(), 0, 23);
    BitSet dom = parse(f.dayOfMonth(), 1, 31);
    BitSet months = parse(f.month(), 1, 12);
    BitSet dow = parse(f.dayOfWeek(), 0, 7);
    if (dow.get(7)) {
      dow.set(0);
    }
    int days = 0;
    for (int day = 1; day <= DAYS; day++) {
      int weekday = day % 7; // day 1 is a Monday (1), day 7 a Sunday (0)
      boolean domMatch = dom.get(day);
      boolean dowMatch = dow.get(weekday);
      boolean match;
      if (f.restrictsDayOfMonth() && f.restrictsDayOfWeek()) {
        match = domMatch || dowMatch;
      } else {
        match = domMatch && dowMatch;
      }
      if (match) {
        days++;
      }
    }
    double monthShare = months.cardinality() / 12.0;
    return (double) days * hours.cardinality() * minutes.cardinality() * monthShare;
  }

  /** A normalised cron field (numbers, lists, ranges, steps, {@code *}) as the set of values it matches. */
  static BitSet parse(String field, int min, int max) {
    BitSet set = new BitSet(max + 1);
    for (String item : field.split(",")) {
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
        lo = min;
        hi = max == 7 ? 6 : max;
      } else if (range.indexOf('-') > 0) {
        lo = Integer.parseInt(range.substring(0, range.indexOf('-')));
        hi = Integer.parseInt(range.substring(range.indexOf('-') + 1));
      } else {
        lo = Integer.parseInt(range);
        hi = slash >= 0 ? max : lo;
      }
      for (int v = lo; v <= hi; v += step) {
        set.set(v);
      }
    }
    return set;
  }
}
