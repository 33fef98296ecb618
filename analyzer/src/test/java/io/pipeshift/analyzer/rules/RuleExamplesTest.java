package io.pipeshift.analyzer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.analyzer.Analysis;
import io.pipeshift.analyzer.Analyzer;
import io.pipeshift.analyzer.Finding;
import io.pipeshift.analyzer.TestFiles;
import io.pipeshift.diag.Diagnostic;
import io.pipeshift.validate.PipelineValidator;
import io.pipeshift.yaml.LoadedPipeline;
import io.pipeshift.yaml.PipelineReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under src/test/resources/rules/PSxxx/: a {@code # EXPECT: PSxxx} line says the rule of that
 * folder reports the next line; the rule must report exactly those lines. {@code bad-*} files need at least
 * one marker, {@code good-*} files none. Files must be valid IR unless their first line says
 * {@code # pipeshift-test: unvalidated}.
 */
class RuleExamplesTest {

  static final Pattern EXPECT = Pattern.compile("^\\s*# EXPECT: (PS\\d{3}(?:[ ,]+PS\\d{3})*)\\s*$");

  static Stream<Path> files() {
    return TestFiles.yamlFiles(TestFiles.resource("rules")).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void ruleReportsExactlyTheMarkedLines(Path file) throws IOException {
    String ruleId = file.getParent().getFileName().toString();
    List<String> lines = Files.readAllLines(file);
    TreeMap<Integer, TreeSet<String>> expected = new TreeMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = EXPECT.matcher(lines.get(i));
      if (m.matches()) {
        for (String id : m.group(1).split("[ ,]+")) {
          expected.computeIfAbsent(i + 2, k -> new TreeSet<>()).add(id);
        }
      }
    }
    String name = file.getFileName().toString();
    assertTrue(name.startsWith("bad") || name.startsWith("good"), "name test files bad-* or good-*: " + file);
    if (name.startsWith("bad")) {
      assertFalse(expected.isEmpty(), "a bad-* file needs at least one '# EXPECT: " + ruleId + "' line");
    } else {
      assertTrue(expected.isEmpty(), "a good-* file has no EXPECT lines");
    }
    LoadedPipeline loaded = new PipelineReader().read(file.getFileName().toString(), Files.readString(file));
    if (!lines.get(0).startsWith("# pipeshift-test: unvalidated")) {
      List<Diagnostic> problems = new PipelineValidator().validate(loaded).stream().filter(Diagnostic::isError).toList();
      assertEquals(List.of(), problems, "test inputs must be valid IR");
    }
    Analysis analysis = Analyzer.analyze(loaded);
    TreeMap<Integer, TreeSet<String>> actual = new TreeMap<>();
    for (Finding f : analysis.findings()) {
      if (f.ruleId().equals(ruleId)) {
        actual.computeIfAbsent(f.location().line(), k -> new TreeSet<>()).add(f.ruleId());
      }
    }
    assertEquals(expected, actual, () -> "findings of " + ruleId + " (line -> rules); all findings:\n"
        + String.join("\n", analysis.findings().stream().map(Finding::render).toList()));
  }
}
