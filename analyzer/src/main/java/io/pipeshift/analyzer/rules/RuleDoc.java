package io.pipeshift.analyzer.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's hand-written sidecar, the resource {@code docs/<id>.md} next to the rule classes: a rationale
 * (Markdown paragraphs), then a {@code ```yaml bad} block and a {@code ```yaml good} block. The summary,
 * severity and tags live only in {@link Rule}; RulesDocTest fails if the sidecar repeats the summary.
 */
public record RuleDoc(String rationale, String bad, String good) {

  private static final Pattern BLOCK = Pattern.compile("```yaml (bad|good)\\n(.*?)```", Pattern.DOTALL);

  /** The sidecar of a rule, or empty when it has none (RuleMetadataTest makes that a failure). */
  public static Optional<RuleDoc> of(String ruleId) {
    try (InputStream in = RuleDoc.class.getResourceAsStream("docs/" + ruleId + ".md")) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RuleDoc parse(String text) {
    String normalized = text.replace("\r\n", "\n");
    Matcher m = BLOCK.matcher(normalized);
    String bad = null;
    String good = null;
    int firstBlock = -1;
    while (m.find()) {
      if (firstBlock < 0) {
        firstBlock = m.start();
      }
      if (m.group(1).equals("bad")) {
        bad = m.group(2);
      } else {
        good = m.group(2);
      }
    }
    if (bad == null || good == null) {
      throw new IllegalStateException("a rule sidecar needs a ```yaml bad block and a ```yaml good block");
    }
    return new RuleDoc(normalized.substring(0, firstBlock).trim(), bad, good);
  }

  /** The first paragraph of the rationale, for one-paragraph places (SARIF fullDescription). */
  public String firstParagraph() {
    int cut = rationale.indexOf("\n\n");
    return (cut < 0 ? rationale : rationale.substring(0, cut)).replace('\n', ' ').trim();
  }
}
