package io.pipeshift.to.sagemaker;

import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test pipelines of this module (src/test/resources/pipelines) and helpers to read definitions. */
final class Fixtures {

  private Fixtures() {}

  static Path dir() {
    Path module = Path.of("").toAbsolutePath();
    if (!Files.isDirectory(module.resolve("src/test/resources"))) {
      module = module.resolve("to-sagemaker");
    }
    return module.resolve("src/test/resources/pipelines");
  }

  /** Every fixture pipeline, sorted. */
  static List<Path> all() {
    try (java.util.stream.Stream<Path> s = Files.list(dir())) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Pipeline load(String name) {
    return new PipelineLoader().load(dir().resolve(name)).pipeline();
  }

  static Translation<SageMakerDefinition> write(Pipeline p) {
    return new SageMakerWriter().write(p);
  }

  /** Every step of a definition, nested ones included, by name. */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> steps(SageMakerDefinition d) {
    Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
    collect((List<Object>) d.definition().get("Steps"), out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void collect(List<Object> steps, Map<String, Map<String, Object>> out) {
    for (Object o : steps) {
      Map<String, Object> s = (Map<String, Object>) o;
      out.put((String) s.get("Name"), s);
      if ("Condition".equals(s.get("Type"))) {
        Map<String, Object> args = (Map<String, Object>) s.get("Arguments");
        collect((List<Object>) args.get("IfSteps"), out);
        collect((List<Object>) args.get("ElseSteps"), out);
      }
    }
  }
}
