package io.pipeshift.to.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PythonSourceTest {

  static boolean copies(String code) {
    return PythonSource.check(code, "f").definition().isPresent();
  }

  @Test
  void aPlainDefinitionIsCopiedWithItsParameters() {
    PythonSource.Check c = PythonSource.check("""
        def f(a, b=1, *args, c="x", d=-2.5, **kw):
            \"\"\"Doc with {{ braces }}.

        A column-0 line inside a docstring is still the body.\"\"\"
            if a:
                return {"v": f"{a}"}  # comment
            return [
        1, 2]
        """, "f");
    assertTrue(c.definition().isPresent(), c.reason());
    assertEquals(List.of("a", "b", "c", "d"), c.definition().get().parameters());
    assertEquals(List.of("a"), c.definition().get().required());
    assertTrue(c.definition().get().acceptsAnyKeyword());
    assertTrue(copies("def f(): return 1\n"));
    assertTrue(copies("    def f(x):\n        return x\n")); // common indentation removed
  }

  @Test
  void anythingThatRunsAtImportOrIsNotOneDefinitionIsRefused() {
    assertFalse(copies("@decorator\ndef f():\n    pass\n"));
    assertFalse(copies("import os\ndef f():\n    pass\n"));
    assertFalse(copies("def f():\n    pass\nos.system('x')\n"));
    assertFalse(copies("def f(a=print('x')):\n    pass\n"));
    assertFalse(copies("def f(a=[]):\n    pass\n"));
    assertFalse(copies("def f(a: int):\n    pass\n"));
    assertFalse(copies("def f() -> int:\n    pass\n"));
    assertFalse(copies("async def f():\n    pass\n"));
    assertFalse(copies("def g():\n    pass\n"));
    assertFalse(copies("def f():\n    return f\"{x['k']}\"\n"));
    assertFalse(copies("def f():\n\treturn 1\n"));
    assertFalse(copies("def f():\n    return '\u202e'\n"));
    assertFalse(copies("def f():\n    return (1\n"));
    assertFalse(copies("def f():\n    return 'open\n"));
    assertFalse(copies("def f():\n  x = 1\n    y = 2\n"));
    assertFalse(copies("def f():\n"));
    assertFalse(copies("def f():\n    return t'x'\n"));
    assertFalse(copies(""));
    assertFalse(copies("class f:\n    pass\n"));
  }

  @Test
  void renamingChangesOnlyTheHeader() {
    PythonSource.Definition d = PythonSource.check("def f(x):\n    return f(x)\n", "f").definition().orElseThrow();
    assertEquals(List.of("def g(x):", "    return f(x)"), d.renamed("g").lines());
  }
}
