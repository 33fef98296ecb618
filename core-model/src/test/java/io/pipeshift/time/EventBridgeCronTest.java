package io.pipeshift.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventBridgeCronTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "0 3 * * 1        | cron(0 3 ? * 2 *)",
    "0 3 * * MON      | cron(0 3 ? * 2 *)",
    "0 3 * * 0        | cron(0 3 ? * 1 *)",
    "0 3 * * 7        | cron(0 3 ? * 1 *)",
    "0 3 * * 1-5      | cron(0 3 ? * 2-6 *)",
    "0 3 * * 5-7      | cron(0 3 ? * 1,6,7 *)",
    "30 1 * * *       | cron(30 1 * * ? *)",
    "0 */6 * * *      | cron(0 */6 * * ? *)",
    "0 0 1 * *        | cron(0 0 1 * ? *)",
    "15 10 * JAN-MAR * | cron(15 10 * 1-3 ? *)",
    "0 0 * * */2      | cron(0 0 ? * 1,3,5,7 *)",
    "0 3 * * 5/2      | cron(0 3 ? * 1,6 *)",
    "0 3 * * 7/4      | cron(0 3 ? * 1 *)",
    "@daily           | cron(0 0 * * ? *)",
    "@weekly          | cron(0 0 ? * 1 *)",
    "@hourly          | cron(0 * * * ? *)",
  })
  void convertsTheDayOfWeekAndPutsTheQuestionMarkInTheUnrestrictedDayField(String unix, String eventBridge) {
    assertEquals(List.of(eventBridge), EventBridgeCron.expressions(CronExpression.parse(unix)));
  }

  @Test
  void aCronRestrictingBothDayFieldsBecomesTwoSchedulesBecauseUnixCronOrsThem() {
    assertEquals(List.of("cron(0 9 1,15 * ? *)", "cron(0 9 ? * 2 *)"),
        EventBridgeCron.expressions(CronExpression.parse("0 9 1,15 * 1")));
  }

  @Test
  void ratesAreWholeMinutesHoursOrDays() {
    assertEquals("rate(5 minutes)", EventBridgeCron.rate(Duration.ofMinutes(5)));
    assertEquals("rate(1 hour)", EventBridgeCron.rate(Duration.ofHours(1)));
    assertEquals("rate(2 days)", EventBridgeCron.rate(Duration.ofDays(2)));
    assertThrows(IllegalArgumentException.class, () -> EventBridgeCron.rate(Duration.ofSeconds(90)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "0 25 * * *   | out of range 0-23 in the hour field",
    "* * * *      | expected 5 fields",
    "0 0 31-1 * * | runs backwards",
    "0 0 * FOO *  | not a number or a name",
    "@often       | unknown preset",
    "0 0 * * 8    | out of range 0-7",
  })
  void invalidCronSaysWhy(String text, String reason) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CronExpression.parse(text));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "cron(0 3 ? * 2 *)          | 0 3 * * 1",
    "cron(0 3 ? * MON *)        | 0 3 * * 1",
    "cron(0 3 ? * SUN-SAT *)    | 0 3 * * 0-6",
    "cron(0 3 ? * 1,6,7 *)      | 0 3 * * 0,5,6",
    "cron(30 1 * * ? *)         | 30 1 * * *",
    "cron(15 10 * JAN-MAR ? *)  | 15 10 * JAN-MAR *",
    "cron(0 9 1,15 * ? *)       | 0 9 1,15 * *",
  })
  void readsEventBridgeCronBackIntoTheIrDialect(String eventBridge, String unix) {
    assertEquals(unix, EventBridgeCron.toUnix(eventBridge).text());
  }

  @Test
  void everyConvertedCronReadsBackToTheSameSchedule() {
    for (String unix : List.of("0 3 * * 1", "0 3 * * 1-5", "30 1 * * *", "0 */6 * * *", "0 0 1 * *", "0 0 * * */2", "5 4 * * 0")) {
      for (String eb : EventBridgeCron.expressions(CronExpression.parse(unix))) {
        assertEquals(List.of(eb), EventBridgeCron.expressions(EventBridgeCron.toUnix(eb)), unix);
      }
    }
  }

  @Test
  void whatUnixCronCannotSayIsRefusedWithTheReason() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> EventBridgeCron.toUnix("cron(0 3 L * ? *)"))
        .getMessage().contains("L, W or #"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> EventBridgeCron.toUnix("cron(0 3 ? * 6#3 *)"))
        .getMessage().contains("L, W or #"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> EventBridgeCron.toUnix("cron(0 3 * * ? 2030)"))
        .getMessage().contains("year"));
    assertThrows(IllegalArgumentException.class, () -> EventBridgeCron.toUnix("rate(5 minutes)"));
  }

  @Test
  void ratesReadBack() {
    assertEquals(Duration.ofMinutes(5), EventBridgeCron.rateDuration("rate(5 minutes)"));
    assertEquals(Duration.ofHours(1), EventBridgeCron.rateDuration("rate(1 hour)"));
    assertEquals(Duration.ofDays(2), EventBridgeCron.rateDuration(EventBridgeCron.rate(Duration.ofDays(2))));
    assertThrows(IllegalArgumentException.class, () -> EventBridgeCron.rateDuration("rate(0 minutes)"));
  }
  @Test
  void aRateTooLargeForADurationIsRefusedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EventBridgeCron.rateDuration("rate(5999999999999999999 minute)"));
    assertTrue(e.getMessage().contains("between 1 and 999999999"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EventBridgeCron.rateDuration("rate(0 days)"));
    assertEquals(Duration.ofDays(999_999_999), EventBridgeCron.rateDuration("rate(999999999 days)"));
  }

}
