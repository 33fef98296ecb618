package io.pipeshift.to.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PyCodeTest {

  @Test
  void placeholdersWriteNamesLiteralsAndExpressions() {
    PyCode c = new PyCode();
    c.add("$N = $S", new PyName("x"), "it's \"quoted\"\n");
    c.add("$N($L, $L, $L)", new PyName("f"), 1, true, 0.5);
    c.indent().add("return $E", PyExpr.str("a")).dedent();
    assertEquals("x = 'it\\'s \"quoted\"\\n'\nf(1, True, 0.5)\n    return \"a\"\n".replace("'it\\'s \"quoted\"\\n'",
        PyLiteral.string("it's \"quoted\"\n")), c.toString());
  }

  @Test
  void userTextCannotEnterThroughTheFormat() {
    PyCode c = new PyCode();
    assertThrows(IllegalArgumentException.class, () -> c.add("x = \"text\""));
    assertThrows(IllegalArgumentException.class, () -> c.add("x = 'text'"));
    assertThrows(IllegalArgumentException.class, () -> c.add("$N", "not a name"));
    assertThrows(IllegalArgumentException.class, () -> c.add("$S", new PyName("x")));
    assertThrows(IllegalArgumentException.class, () -> c.add("$N $N", new PyName("x")));
    assertThrows(IllegalArgumentException.class, () -> c.add("$N", new PyName("x"), new PyName("y")));
    assertThrows(IllegalArgumentException.class, () -> c.add("$E $E", PyExpr.none(), PyExpr.none()));
    assertThrows(IllegalArgumentException.class, () -> PyExpr.code("os.system('x')"));
    assertThrows(IllegalArgumentException.class, () -> PyExpr.kw("not a keyword", PyExpr.none()));
    assertThrows(IllegalArgumentException.class, () -> PyExpr.attr(PyExpr.none(), "a.b"));
  }

  @Test
  void expressionsPrintTheSameInJinjaWithoutSpaces() {
    PyExpr e = PyExpr.subscript(PyExpr.call(PyExpr.attr(PyExpr.code("ti"), "xcom_pull"), List.of(),
        List.of(PyExpr.kw("task_ids", PyExpr.str("a b")))), "k");
    assertEquals("ti.xcom_pull(task_ids=\"a b\")[\"k\"]", e.flat());
    assertEquals("ti.xcom_pull(task_ids='a\\x20b')['k']", e.flat(PyExpr.Dialect.JINJA));
  }
}
