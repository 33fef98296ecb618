package io.pipeshift.to.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.oracles.ProcessRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property test with the real Python and Airflow's own Jinja: for seeded random strings full of quotes,
 * backslashes, newlines, triple quotes, braces, Jinja delimiters, template-file suffixes, NUL, control,
 * bidi, non-BMP characters and lone surrogates (a Java string may hold one; the literal keeps it), every
 * emitted literal evaluates to exactly the input, and every templated argument renders to exactly the
 * input. All cases go to one Python process.
 */
class LiteralOracleTest {

  static final int CASES = 3000;
  static final long SEED = Long.getLong("pipeshift.seed", 7L);

  private static final String[] PIECES = {
      "\"", "'", "\\", "\n", "\r", "\t", "\r\n", "\u0000", "\u0001", "\u001f", "\u007f", "\u0085", "\"\"\"", "'''",
      "{", "}", "{{", "}}", "{%", "%}", "{#", "#}", "{% raw %}", "{% endraw %}", "{%- endraw -%}", "{{ params.X }}",
      "\uD83D\uDE80", "\uD801\uDC37", "\u00e9", "\u4e2d", "\u202e", "\u2066", "\u2028", "\u2029", "\ufeff",
      "\u0301", "\u00a0", "\uD800", "\uDFFF", ".sh", ".sql", ".json", ".bash", " ", "  ", "a", "Z", "0", "$", "%",
      "\\N{BULLET}", "\\x41", "\\u0041", "#", "~", "|", "`", "\u0000\u0000"};

  static String randomString(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(12);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(4) == 0) {
        sb.appendCodePoint(0x20 + r.nextInt(0x5f));
      } else if (r.nextInt(10) == 0) {
        sb.appendCodePoint(r.nextInt(0x110000));
      } else {
        sb.append(PIECES[r.nextInt(PIECES.length)]);
      }
    }
    if (r.nextInt(5) == 0) {
      sb.append("x".repeat(r.nextInt(120))).append(' ').append("y ".repeat(r.nextInt(60)));
    }
    return sb.toString();
  }

  @Test
  void literalsEvaluateAndTemplatesRenderToTheInputInRealPythonAndJinja() {
    Random random = new Random(SEED);
    AirflowFile file = new AirflowFile(Pipeline.of("literals", List.of()), AirflowVersion.V3);
    AirflowValues values = new AirflowValues(file);
    StringBuilder stdin = new StringBuilder();
    for (int i = 0; i < CASES; i++) {
      String s = randomString(random);
      values.extensions(Set.of(".sh", ".bash"));
      String bash = values.protect(s).flat();
      AirflowTemplate t = AirflowTemplate.text(s)
          .then(AirflowTemplate.expression(PyExpr.attr(PyExpr.code("params"), "X")))
          .then(AirflowTemplate.text(s));
      String template = PyLiteral.string(t.source(Set.of(".sql", ".json")));
      String chunks = "(" + String.join(" ", PyLiteral.chunks(s, 20 + random.nextInt(60))) + ")";
      stdin.append("{")
          .append("\"expected\": ").append(JsonText.string(s))
          .append(", \"literal\": ").append(JsonText.string(PyLiteral.string(s)))
          .append(", \"jinja\": ").append(JsonText.string(PyLiteral.jinjaString(s)))
          .append(", \"chunks\": ").append(JsonText.string(chunks))
          .append(", \"bash\": ").append(JsonText.string(bash))
          .append(", \"template\": ").append(JsonText.string(template))
          .append("}\n");
    }
    ProcessRun.Result r = AirflowOracles.python("check_literals.py", stdin.toString(), List.of(), Map.of(),
        Duration.ofMinutes(3)).requireSuccess();
    JsonNode result = AirflowOracles.parse(r.stdout());
    assertEquals(CASES, result.get("checked").asInt(), r::describe);
    assertTrue(result.get("failures").isEmpty(), () -> "seed " + SEED + ": " + result.get("failures").toPrettyString());
  }
}
