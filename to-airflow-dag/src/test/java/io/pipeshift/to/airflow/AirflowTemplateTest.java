package io.pipeshift.to.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AirflowTemplateTest {

  @Test
  void textJinjaWouldChangeIsNotInert() {
    Set<String> sh = Set.of(".sh");
    assertTrue(AirflowTemplate.isInert("echo ${HOME} {a} }} %}", sh));
    assertFalse(AirflowTemplate.isInert("{{ x }}", sh));
    assertFalse(AirflowTemplate.isInert("{% if %}", sh));
    assertFalse(AirflowTemplate.isInert("{# c #}", sh));
    assertFalse(AirflowTemplate.isInert("a\r\nb", sh));
    assertFalse(AirflowTemplate.isInert("line\n", sh));
    assertFalse(AirflowTemplate.isInert("run.sh", sh));
    assertTrue(AirflowTemplate.isInert("run.sh", Set.of()));
  }

  @Test
  void unsafeTextNextToAnExpressionBecomesAJinjaStringExpression() {
    AirflowTemplate t = AirflowTemplate.text("a{")
        .then(AirflowTemplate.expression(PyExpr.attr(PyExpr.code("params"), "X")))
        .then(AirflowTemplate.text(" {{b}}.sql"));
    assertEquals("{{'a{'}}{{params.X}}{{'\\x20{{b}}.sql'}}", t.source(Set.of(".sql")));
    assertEquals("plain {{params.X}}", AirflowTemplate.text("plain ")
        .then(AirflowTemplate.expression(PyExpr.attr(PyExpr.code("params"), "X"))).source(Set.of()));
  }
}
