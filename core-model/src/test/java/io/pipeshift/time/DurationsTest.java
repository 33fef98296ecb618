package io.pipeshift.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({"PT30S,30", "90s,90", "15m,900", "2h,7200", "1d,86400", "1h30m,5400", "P30D,2592000", "P1DT2H,93600", "P1W,604800"})
  void parsesIsoAndShortForms(String text, long seconds) {
    assertEquals(Duration.ofSeconds(seconds), Durations.parse(text));
  }

  @Test
  void printsIsoWithWholeDays() {
    assertEquals("P30D", Durations.format(Duration.ofDays(30)));
    assertEquals("PT1H30M", Durations.format(Duration.ofMinutes(90)));
    assertEquals("PT0S", Durations.format(Duration.ZERO));
  }

  @Test
  void monthsAreRejectedBecauseTheyHaveNoFixedLength() {
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("P1M"));
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon"));
    assertThrows(IllegalArgumentException.class, () -> Durations.parse(""));
  }
}
