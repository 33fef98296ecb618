package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.diag.Severity;
import io.pipeshift.diag.Suggestions;
import io.pipeshift.ir.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@code {param: Name}} that names no declared parameter. The validator rejects this in IR files (IR204);
 * the rule covers pipelines handed to the analyzer without validation, e.g. straight from an importer.
 */
@Rule(
    id = "PS113",
    name = "undeclared-parameter",
    summary = "a step uses a parameter that is not declared",
    severity = Severity.ERROR,
    tags = {"correctness"})
public final class UndeclaredParameter implements LintRule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    Set<String> declared = ctx.pipeline().parameters().stream().map(Parameter::name).collect(Collectors.toSet());
    List<Finding> out = new ArrayList<>();
    for (ParameterUse.Use u : ParameterUse.all(ctx.pipeline())) {
      String name = u.ref().name();
      if (declared.contains(name)) {
        continue;
      }
      String hint = Suggestions.didYouMean(name, declared).map(s -> " (" + s + ")").orElse("");
      out.add(ctx.findingAt(
          ctx.sourceMap().ofValue(u.ref()).or(() -> ctx.sourceMap().ofValue(u.outer()))
              .orElse(ctx.sourceMap().ofStep(u.step().id())),
          Optional.of(u.step().id()),
          "step '" + u.step().id() + "' uses parameter '" + name + "', which is not declared" + hint
              + ": every target rejects it. Declare it under parameters"));
    }
    return out;
  }
}
