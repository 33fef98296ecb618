package io.pipeshift.to.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PyLayoutTest {

  @Test
  void shortExpressionsStayOnOneLine() {
    assertEquals(List.of("    x = f(a=1)"),
        PyLayout.lines(4, "x = ", PyExpr.call(PyExpr.code("f"), List.of(), List.of(PyExpr.kw("a", PyExpr.number(1)))), ""));
  }

  @Test
  void longKeywordStringIsWrappedInParentheses() {
    String url = "https://api.partner.example.com/v1/catalog?partner={{params.Partner}}";
    List<String> lines = PyLayout.lines(8, "endpoint=", PyExpr.str(url), ",");
    lines.forEach(l -> assertTrue(PyLayout.width(l) <= PyLayout.WIDTH || l.trim().split("\\s+").length == 1, l));
    assertEquals("        endpoint=(", lines.get(0));
  }

  @Test
  void longTextIsSplitAtSpacesWithinTheWidth() {
    String sql = "INSERT INTO staging.interactions\nSELECT user_id, item_id, event_time FROM raw.events WHERE"
        + " event_time > now() - interval '7 days';\n";
    List<String> lines = PyLayout.lines(12, "", PyExpr.str(sql), ",");
    lines.forEach(l -> assertTrue(PyLayout.width(l) <= PyLayout.WIDTH, l));
  }

  @Test
  void chunksConcatenateBackToTheText() {
    String text = "a b\nc " + "x".repeat(100) + " tail \\ \" end";
    StringBuilder sb = new StringBuilder();
    List<String> chunks = PyLiteral.chunks(text, 30);
    char quote = chunks.get(0).charAt(0);
    for (String c : chunks) {
      assertTrue(c.charAt(0) == quote && c.charAt(c.length() - 1) == quote, c);
      sb.append(c, 1, c.length() - 1);
    }
    assertEquals(PyLiteral.string(text), quote + sb.toString() + quote);
  }
}
