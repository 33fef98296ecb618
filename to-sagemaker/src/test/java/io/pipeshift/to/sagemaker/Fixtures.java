package io.pipeshift.to.sagemaker;

import io.pipeshift.document.JsonText;
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

  /** A pipeline from IR YAML text ({@code pipeshift: 1} and a name are added), validated. */
  static Pipeline yaml(String steps) {
    String text = "pipeshift: 1\nname: test\n" + steps;
    Pipeline p = new io.pipeshift.yaml.PipelineReader().read("test.yaml", text).pipeline();
    var diagnostics = new io.pipeshift.validate.PipelineValidator().validate(p, "test.yaml");
    if (io.pipeshift.validate.PipelineValidator.hasErrors(diagnostics)) {
      throw new IllegalArgumentException("invalid test pipeline: " + diagnostics + "\n" + text);
    }
    return p;
  }

  /** The codes of a translation's notes about one step (null: pipeline-level notes). */
  static List<String> codes(Translation<?> t, String step) {
    return t.notes().stream().filter(n -> java.util.Objects.equals(n.step().orElse(null), step))
        .map(n -> n.code()).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  /** The value at a dotted path of maps ("Arguments.AppSpecification.ImageUri"); [n] indexes lists. */
  static Object at(Map<String, Object> tree, String path) {
    Object cur = tree;
    for (String part : path.split("\\.")) {
      String key = part;
      Integer index = null;
      int bracket = part.indexOf('[');
      if (bracket >= 0) {
        key = part.substring(0, bracket);
        index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
      }
      if (!key.isEmpty()) {
        cur = map(cur).get(key);
      }
      if (index != null) {
        cur = list(cur).get(index);
      }
    }
    return cur;
  }

  /** Compact JSON of a tree, for readable assertions. */
  static String json(Object tree) {
    return JsonText.compact(tree);
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
