package io.pipeshift.benchmarks.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pipeshift.time.CronExpression;
import io.pipeshift.time.EventBridgeCron;
import java.util.List;

/**
 * Cron: the IR dialect ({@link CronExpression}) and EventBridge's ({@link EventBridgeCron}). Both refuse
 * bad text with {@link IllegalArgumentException} (their documented diagnostic). An accepted IR cron must
 * convert to EventBridge without an exception, and each EventBridge expression must read back.
 */
class CronFuzzTest {

  @FuzzTest
  void unixCron(byte[] data) {
    String text = Hostile.text(data);
    Hostile.run("cron", data, () -> {
      CronExpression cron;
      try {
        cron = CronExpression.parse(text);
      } catch (IllegalArgumentException refused) {
        return null;
      }
      List<String> expressions = EventBridgeCron.expressions(cron);
      for (String e : expressions) {
        EventBridgeCron.toUnix(e);
      }
      return expressions;
    });
  }

  @FuzzTest
  void eventBridgeCron(byte[] data) {
    String text = Hostile.text(data);
    Hostile.run("eventbridge cron", data, () -> {
      try {
        if (text.trim().startsWith("rate(")) {
          return EventBridgeCron.rateDuration(text);
        }
        CronExpression unix = EventBridgeCron.toUnix(text);
        return EventBridgeCron.expressions(unix);
      } catch (IllegalArgumentException refused) {
        return null;
      }
    });
  }
}
