package io.pipeshift.from.airflow.mapping;

import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepTree;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.StepSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A branch test that reads a property of a JSON file under a processing step's output location (the
 * SageMaker JsonGet pattern, e.g. {@code read_json_property("s3://b/eval/evaluation.json", "metrics.auc")})
 * becomes a property reference; the processing step gets the property file it implies (named after its
 * output) when its config did not declare one (Airflow's config has no such field).
 */
final class PropertyFiles {

  private final MappingContext ctx;
  private final Map<String, List<ProcessingSpec.PropertyFile>> added = new LinkedHashMap<>();

  PropertyFiles(MappingContext ctx) {
    this.ctx = ctx;
  }

  Optional<Value> reference(String uri, String path) {
    for (Map.Entry<String, StepSpec> e : ctx.specs.entrySet()) {
      if (!(e.getValue() instanceof ProcessingSpec p)) {
        continue;
      }
      for (ProcessingSpec.ProcessingOutput o : p.outputs()) {
        if (!(o.destination() instanceof Value.Literal l) || !(l.value() instanceof String dest)) {
          continue;
        }
        String base = dest.endsWith("/") ? dest : dest + "/";
        if (!uri.startsWith(base) || uri.length() == base.length()) {
          continue;
        }
        String file = uri.substring(base.length());
        List<ProcessingSpec.PropertyFile> all = new ArrayList<>(p.propertyFiles());
        all.addAll(added.getOrDefault(e.getKey(), List.of()));
        for (ProcessingSpec.PropertyFile f : all) {
          if (f.output().equals(o.name()) && f.path().equals(file)) {
            return Optional.of(new Value.PropertyRef(e.getKey(), f.name(), path));
          }
        }
        String name = o.name();
        int n = 2;
        while (nameTaken(all, name)) {
          name = o.name() + "_" + n++;
        }
        added.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new ProcessingSpec.PropertyFile(name, o.name(), file));
        return Optional.of(new Value.PropertyRef(e.getKey(), name, path));
      }
    }
    return Optional.empty();
  }

  private static boolean nameTaken(List<ProcessingSpec.PropertyFile> files, String name) {
    return files.stream().anyMatch(f -> f.name().equals(name));
  }

  /** The steps with the property files the branch tests imply added to their processing steps. */
  List<Step> apply(List<Step> steps) {
    if (added.isEmpty()) {
      return steps;
    }
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      Step x = s;
      if (s.spec() instanceof ProcessingSpec p && added.containsKey(s.id())) {
        List<ProcessingSpec.PropertyFile> files = new ArrayList<>(p.propertyFiles());
        files.addAll(added.get(s.id()));
        x = s.withSpec(new ProcessingSpec(p.image(), p.instanceType(), p.instanceCount(), p.volumeSizeGb(),
            p.entrypoint(), p.arguments(), p.environment(), p.inputs(), p.outputs(), files, p.role(), p.maxRuntime()));
      } else if (s.spec() instanceof ConditionSpec c) {
        List<ConditionSpec.Branch> branches = new ArrayList<>();
        c.branches().forEach(b -> branches.add(new ConditionSpec.Branch(b.when(), apply(b.steps()))));
        x = s.withSpec(new ConditionSpec(branches, apply(c.otherwise())));
      } else if (s.spec() instanceof ForEachSpec f) {
        x = s.withSpec(new ForEachSpec(f.items(), f.itemsFrom(), f.maxConcurrency(), apply(f.steps())));
      }
      out.add(x);
    }
    return out;
  }

  static List<Step> all(List<Step> steps) {
    return StepTree.flatten(steps);
  }
}
