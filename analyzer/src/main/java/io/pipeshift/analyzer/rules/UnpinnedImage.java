package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.diag.Severity;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.kinds.ContainerSpec;
import io.pipeshift.ir.kinds.CreateModelSpec;
import io.pipeshift.ir.kinds.NotebookJobSpec;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.RegisterModelSpec;
import io.pipeshift.ir.kinds.TrainingSpec;
import io.pipeshift.ir.kinds.TuningSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Container images without a tag, with {@code :latest}, or with an empty tag. A digest
 * ({@code @sha256:...}) or any other tag counts as pinned.
 */
@Rule(
    id = "PS106",
    name = "unpinned-image",
    summary = "a container image is not pinned to a tag or digest",
    severity = Severity.WARNING,
    tags = {"reproducibility"})
public final class UnpinnedImage implements LintRule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Step s : ctx.flow().steps()) {
      image(s).ifPresent(e -> problem(e.getValue()).ifPresent(why -> out.add(ctx.finding(s, e.getKey(),
          "image '" + e.getValue() + "' of step '" + s.id() + "' " + why + ": a rebuilt image changes what this"
              + " pipeline runs without any change to it. Pin a version tag or, better, a digest (@sha256:...)"))));
    }
    return out;
  }

  /** The image field of a step (source-map field path, image) when its kind has one. */
  static Optional<Map.Entry<String, String>> image(Step s) {
    String image = null;
    String field = "image";
    if (s.spec() instanceof ProcessingSpec p) {
      image = p.image();
    } else if (s.spec() instanceof TrainingSpec t) {
      image = t.image();
    } else if (s.spec() instanceof TuningSpec t) {
      image = t.training().image();
      field = "training.image";
    } else if (s.spec() instanceof CreateModelSpec c) {
      image = c.image();
    } else if (s.spec() instanceof RegisterModelSpec r) {
      image = r.image();
    } else if (s.spec() instanceof NotebookJobSpec n) {
      image = n.image();
    } else if (s.spec() instanceof ContainerSpec c) {
      image = c.image();
    }
    return image == null ? Optional.empty() : Optional.of(Map.entry(field, image));
  }

  /** Why an image reference is not pinned, or empty when it is. */
  static Optional<String> problem(String image) {
    String ref = image.trim();
    if (ref.contains("@sha256:") || ref.contains("@sha512:")) {
      return Optional.empty();
    }
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    if (colon <= slash) {
      return Optional.of("has no tag (it means :latest)");
    }
    String tag = ref.substring(colon + 1);
    if (tag.isEmpty()) {
      return Optional.of("has an empty tag");
    }
    if (tag.equals("latest")) {
      return Optional.of("uses :latest");
    }
    return Optional.empty();
  }
}
