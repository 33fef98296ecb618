package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.config.RuleLevel;
import java.util.List;
import java.util.Locale;

/**
 * Generates docs/rules.md from the {@link Rule} annotations and the sidecars ({@link RuleDoc}). The page says
 * it is generated; RulesDocTest fails when the committed page differs, and prints the command that
 * regenerates it ({@link #REGENERATE}).
 */
public final class RulesDoc {

  public static final String REGENERATE =
      "mvn -q -f analyzer/pom.xml test -Dtest=RulesDocTest -Dpipeshift.regenerate=true";

  private RulesDoc() {}

  public static String generate() {
    return generate(Rules.ALL);
  }

  static String generate(List<LintRule> rules) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!-- Generated from the @Rule annotations and analyzer/src/main/resources/io/pipeshift/analyzer/rules/docs/*.md.\n")
        .append("     Do not edit: change those and regenerate with\n     ").append(REGENERATE).append(" -->\n");
    sb.append("# Analyzer rules\n\n");
    sb.append("`pipeshift analyze` checks every pipeline against these rules. Each finding names the rule, its\n")
        .append("severity and the file:line:column it is about. `--fail-on error|warning|never` decides which\n")
        .append("severities fail a CI job (exit code 1). In `.pipeshift.yaml` a rule can be switched off or given\n")
        .append("another severity:\n\n```yaml\nanalyzer:\n  rules:\n    PS102: off\n    PS106: error\n```\n\n");
    sb.append("| Id | Name | Severity | Summary |\n|---|---|---|---|\n");
    for (LintRule r : rules) {
      Rule m = r.metadata();
      sb.append("| [").append(m.id()).append("](#").append(anchor(m)).append(") | `").append(m.name()).append("` | ")
          .append(m.severity().label()).append(" | ").append(m.summary()).append(" |\n");
    }
    for (LintRule r : rules) {
      Rule m = r.metadata();
      RuleDoc doc = RuleDoc.of(m.id()).orElseThrow(() -> new IllegalStateException("no sidecar docs/" + m.id() + ".md"));
      sb.append("\n## ").append(m.id()).append(" ").append(m.name()).append("\n\n");
      sb.append("**").append(m.summary().substring(0, 1).toUpperCase(Locale.ROOT)).append(m.summary().substring(1))
          .append(".** Severity: ").append(m.severity().label());
      if (m.tags().length > 0) {
        sb.append(". Tags: ").append(String.join(", ", m.tags()));
      }
      sb.append(".\n\n").append(doc.rationale()).append("\n\n");
      sb.append("Bad:\n\n```yaml\n").append(doc.bad()).append("```\n\n");
      sb.append("Good:\n\n```yaml\n").append(doc.good()).append("```\n");
    }
    sb.append("\n## Levels\n\nA rule's level in `.pipeshift.yaml` is one of: ");
    List<String> levels = java.util.Arrays.stream(RuleLevel.values()).map(l -> "`" + l.name().toLowerCase(Locale.ROOT) + "`").toList();
    sb.append(String.join(", ", levels)).append(".\n");
    return sb.toString();
  }

  /** GitHub's heading anchor for {@code ## PS101 register-model-without-gate}. */
  static String anchor(Rule m) {
    return (m.id() + " " + m.name()).toLowerCase(Locale.ROOT).replace(' ', '-');
  }
}
