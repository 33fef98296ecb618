package io.pipeshift.aws.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.ir.Trigger;
import io.pipeshift.time.CronExpression;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerMergeTest {

  static Trigger.Cron cron(String text, String tz) {
    return new Trigger.Cron(CronExpression.parse(text), tz);
  }

  @Test
  void aDayOfMonthAndADayOfWeekScheduleAreOneUnixCron() {
    assertEquals(List.of(cron("0 9 1,15 * 1", "UTC")),
        TriggerFinder.mergeDayFieldPairs(List.of(cron("0 9 1,15 * *", "UTC"), cron("0 9 * * 1", "UTC"))));
  }

  @Test
  void differentTimesOrZonesStaySeparate() {
    List<Trigger> zones = List.of(cron("0 9 1 * *", "UTC"), cron("0 9 * * 1", "Europe/Berlin"));
    assertEquals(zones, TriggerFinder.mergeDayFieldPairs(zones));
    List<Trigger> hours = List.of(cron("0 9 1 * *", "UTC"), cron("0 10 * * 1", "UTC"));
    assertEquals(hours, TriggerFinder.mergeDayFieldPairs(hours));
  }

  @Test
  void namesSortNumerically() {
    assertTrue(TriggerFinder.naturalOrder("x-schedule-2", "x-schedule-10") < 0);
  }
}
