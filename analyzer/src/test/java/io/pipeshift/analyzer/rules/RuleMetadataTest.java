package io.pipeshift.analyzer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.analyzer.TestFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule catalogue is consistent: ids, names, summaries, registration, docs and tests. */
class RuleMetadataTest {

  @Test
  void idsAndNamesAreWellFormedAndUnique() {
    Set<String> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (Rule r : Rules.metadata()) {
      assertTrue(r.id().matches("PS\\d{3}"), "id " + r.id());
      assertTrue(r.name().matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"), "kebab-case name " + r.name());
      assertTrue(ids.add(r.id()), "duplicate id " + r.id());
      assertTrue(names.add(r.name()), "duplicate name " + r.name());
      assertFalse(r.summary().endsWith("."), r.id() + ": summaries have no trailing period");
      assertTrue(r.summary().length() <= 110, r.id() + ": summary fits one line");
      for (String tag : r.tags()) {
        assertTrue(tag.matches("[a-z][a-z0-9-]*"), r.id() + " tag " + tag);
      }
    }
  }

  @Test
  void rulesAreRegisteredInIdOrder() {
    List<String> ids = Rules.metadata().stream().map(Rule::id).toList();
    assertEquals(ids.stream().sorted().toList(), ids);
  }

  @Test
  void everyRuleClassIsRegistered() throws IOException, URISyntaxException {
    Path dir = Path.of(Rule.class.getResource("Rule.class").toURI()).getParent();
    Set<String> annotated = new TreeSet<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$")).toList()) {
        String name = Rule.class.getPackageName() + "." + p.getFileName().toString().replace(".class", "");
        try {
          if (Class.forName(name).isAnnotationPresent(Rule.class)) {
            annotated.add(name);
          }
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
      }
    }
    Set<String> registered = new TreeSet<>();
    Rules.ALL.forEach(r -> registered.add(r.getClass().getName()));
    assertEquals(annotated, registered, "every @Rule class is listed in Rules.ALL, and only those");
  }

  @Test
  void everyRuleHasDocsAndAPositiveAndANegativeTest() throws IOException {
    Path tests = TestFiles.resource("rules");
    for (Rule r : Rules.metadata()) {
      RuleDoc doc = RuleDoc.of(r.id()).orElseThrow(() -> new AssertionError("no sidecar docs/" + r.id() + ".md"));
      assertFalse(doc.rationale().isBlank(), r.id() + " rationale");
      assertFalse(doc.bad().isBlank(), r.id() + " bad example");
      assertFalse(doc.good().isBlank(), r.id() + " good example");
      assertFalse(doc.rationale().toLowerCase().contains(r.summary().toLowerCase()),
          r.id() + ": the summary lives in @Rule only; the sidecar must not repeat it");
      Path dir = tests.resolve(r.id());
      assertTrue(Files.isDirectory(dir), "no test folder rules/" + r.id());
      try (Stream<Path> s = Files.list(dir)) {
        List<String> files = s.map(p -> p.getFileName().toString()).toList();
        assertTrue(files.stream().anyMatch(f -> f.startsWith("bad")), r.id() + " has no bad-*.yaml test");
        assertTrue(files.stream().anyMatch(f -> f.startsWith("good")), r.id() + " has no good-*.yaml test");
      }
    }
  }

  @Test
  void testFoldersBelongToRules() throws IOException {
    try (Stream<Path> s = Files.list(TestFiles.resource("rules"))) {
      for (Path p : s.toList()) {
        assertTrue(Rules.byId(p.getFileName().toString()).isPresent(), "test folder for an unknown rule: " + p);
      }
    }
  }
}
