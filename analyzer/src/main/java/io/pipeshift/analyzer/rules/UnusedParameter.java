package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.diag.Severity;
import io.pipeshift.ir.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A declared parameter that no step value, condition or fan-out list refers to. */
@Rule(
    id = "PS112",
    name = "unused-parameter",
    summary = "a parameter is declared but never used",
    severity = Severity.WARNING,
    tags = {"maintainability"})
public final class UnusedParameter implements LintRule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    Set<String> used = new HashSet<>();
    ParameterUse.all(ctx.pipeline()).forEach(u -> used.add(u.ref().name()));
    List<Finding> out = new ArrayList<>();
    List<Parameter> params = ctx.pipeline().parameters();
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      if (!used.contains(p.name())) {
        out.add(ctx.findingAt("parameters[" + i + "]", "parameter '" + p.name() + "' is declared but no step uses"
            + " it: a run can set it and nothing changes. Use it ({param: " + p.name() + "}) or remove it"));
      }
    }
    return out;
  }
}
