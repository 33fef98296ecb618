package io.pipeshift.to.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.diag.Diagnostic;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.StepKind;
import io.pipeshift.oracles.ProcessRun;
import io.pipeshift.testing.Examples;
import io.pipeshift.testing.RandomPipelines;
import io.pipeshift.validate.PipelineLoader;
import io.pipeshift.validate.PipelineValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real tools on every example and on 250 seeded random pipelines (core-model's generator and this
 * module's hostile-text generator), written once into one folder per Airflow version:
 * the pinned Airflow 3 loads all of them with DagBag and no import error, the loaded graph equals the IR's
 * (ids, upstream edges, retries, retry delays, trigger rules), ruff passes with the pinned rules, the Airflow 2
 * files compile, and no file runs anything at import but imports and DAG construction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AirflowOracleTest {

  static final int RANDOM_CORE = 150;
  static final int RANDOM_HOSTILE = 100;
  static final long SEED = Long.getLong("pipeshift.seed", 20240601L);

  private Path v3;
  private Path v2;
  private final Map<String, Pipeline> pipelines = new LinkedHashMap<>();
  private final Map<String, AirflowWriter> writers = new LinkedHashMap<>();
  private JsonNode dump;

  @BeforeAll
  void emitEverything(@TempDir Path temp) throws IOException {
    // -Dpipeshift.airflow.out=DIR keeps the generated files for inspection
    Path root = System.getProperty("pipeshift.airflow.out") == null ? temp : Path.of(System.getProperty("pipeshift.airflow.out"));
    v3 = root.resolve("airflow3");
    v2 = root.resolve("airflow2");
    for (Path example : Examples.valid()) {
      add(example.getFileName().toString().replace(".yaml", "").replace('-', '_'),
          new PipelineLoader().load(example).pipeline());
    }
    Random seeds = new Random(SEED);
    for (int i = 0; i < RANDOM_CORE; i++) {
      long seed = seeds.nextLong();
      RandomPipelines.Shape shape = switch (i % 3) {
        case 0 -> RandomPipelines.Shape.everything(12);
        case 1 -> RandomPipelines.Shape.only(8, StepKind.BASH, StepKind.PYTHON).withConditions(true).withCatches(true);
        default -> RandomPipelines.Shape.everything(25).withForEach(true);
      };
      add("core_" + i, valid(RandomPipelines.generate(seed, shape), seed));
    }
    for (int i = 0; i < RANDOM_HOSTILE; i++) {
      long seed = seeds.nextLong();
      add("hostile_" + i, valid(HostilePipelines.generate(seed), seed));
    }
    Map<String, String> files3 = new LinkedHashMap<>();
    Map<String, String> files2 = new LinkedHashMap<>();
    for (Map.Entry<String, Pipeline> e : pipelines.entrySet()) {
      AirflowWriter w = new AirflowWriter(e.getValue(), AirflowVersion.V3, e.getKey() + ".yaml");
      files3.put(e.getKey() + ".py", w.write().artifact().main());
      writers.put(e.getKey(), w);
      files2.put(e.getKey() + ".py", new AirflowWriter(e.getValue(), AirflowVersion.V2, e.getKey()).write()
          .artifact().main());
    }
    AirflowOracles.write(v3, files3);
    AirflowOracles.write(v2, files2);
    Files.deleteIfExists(Path.of("/tmp/pwned"));
    dump = AirflowOracles.dagbag(v3);
  }

  private void add(String name, Pipeline p) {
    pipelines.put(name, p);
  }

  private static Pipeline valid(Pipeline p, long seed) {
    List<Diagnostic> d = new PipelineValidator().validate(p, "seed " + seed);
    if (PipelineValidator.hasErrors(d)) {
      fail("generator made an invalid pipeline (seed " + seed + "): " + d);
    }
    return p;
  }

  @Test
  void airflowLoadsEveryDagWithoutImportErrors() {
    JsonNode errors = dump.get("import_errors");
    assertTrue(errors.isEmpty(), () -> "import errors: " + errors.toPrettyString());
    assertEquals(pipelines.size(), dump.get("dags").size(), "one DAG per file");
    assertTrue(pipelines.size() >= 3 + 200, "examples and at least 200 random pipelines");
  }

  @Test
  void retrainingExampleLoadsWithSageMakerTasksABranchARegisterAndAFailingTask() {
    JsonNode tasks = dump.get("dags").get("churn-retraining").get("tasks");
    assertEquals("SageMakerProcessingOperator", tasks.get("preprocess").get("operator").asText());
    assertEquals("SageMakerTrainingOperator", tasks.get("train").get("operator").asText());
    assertEquals("SageMakerProcessingOperator", tasks.get("evaluate").get("operator").asText());
    assertTrue(tasks.get("check_accuracy").get("operator").asText().contains("Branch"),
        tasks.get("check_accuracy").toString());
    assertEquals("SageMakerRegisterModelVersionOperator", tasks.get("register_model").get("operator").asText());
    assertEquals(List.of("check_accuracy"), List.of(tasks.get("accuracy_too_low").get("upstream").get(0).asText()));
    assertEquals("none_failed_min_one_success", tasks.get("check_accuracy_join").get("trigger_rule").asText());
  }

  @Test
  void loadedGraphEqualsTheIr() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Pipeline> e : pipelines.entrySet()) {
      String dagId = AirflowWriter.dagIdOf(e.getValue().name());
      JsonNode dag = dump.get("dags").get(dagId);
      if (dag == null) {
        problems.add(e.getKey() + ": no DAG " + dagId);
        continue;
      }
      ExpectedDag expected = new ExpectedDag(e.getValue(), writers.get(e.getKey()));
      JsonNode tasks = dag.get("tasks");
      Set<String> actualIds = new TreeSet<>();
      tasks.fieldNames().forEachRemaining(actualIds::add);
      if (!actualIds.equals(expected.upstream.keySet())) {
        problems.add(e.getKey() + ": task ids " + actualIds + " != " + expected.upstream.keySet());
        continue;
      }
      for (Iterator<String> it = tasks.fieldNames(); it.hasNext(); ) {
        String id = it.next();
        JsonNode t = tasks.get(id);
        Set<String> up = new TreeSet<>();
        t.get("upstream").forEach(u -> up.add(u.asText()));
        check(problems, e.getKey(), id, "upstream", expected.upstream.get(id), up);
        check(problems, e.getKey(), id, "retries", expected.retries.get(id), t.get("retries").asInt());
        if (expected.retries.get(id) > 0) {
          check(problems, e.getKey(), id, "retry_delay", expected.delay.get(id), t.get("retry_delay_seconds").asDouble());
        }
        check(problems, e.getKey(), id, "trigger_rule", expected.rule.get(id), t.get("trigger_rule").asText());
      }
    }
    assertTrue(problems.isEmpty(), () -> problems.size() + " differences:\n" + String.join("\n", problems.subList(0,
        Math.min(40, problems.size()))));
  }

  private static void check(List<String> problems, String dag, String task, String what, Object want, Object got) {
    if (!want.equals(got)) {
      problems.add(dag + " " + task + " " + what + ": expected " + want + ", Airflow has " + got);
    }
  }

  @Test
  void ruffPassesOnEveryAirflow3Dag() {
    ProcessRun.Result r = AirflowOracles.ruff(v3, AirflowOracles.RUFF_AIRFLOW3);
    assertEquals(0, r.exitCode(), r::describe);
  }

  @Test
  void ruffPassesOnEveryAirflow2Dag() {
    ProcessRun.Result r = AirflowOracles.ruff(v2, AirflowOracles.RUFF_AIRFLOW2);
    assertEquals(0, r.exitCode(), r::describe);
  }

  @Test
  void airflow2DagsCompile() throws IOException {
    List<String> args = new ArrayList<>(List.of("-c",
        "import py_compile, sys\nfor f in sys.argv[1:]:\n    py_compile.compile(f, doraise=True, cfile=f + 'c')"));
    try (var files = Files.list(v2)) {
      files.filter(f -> f.toString().endsWith(".py")).sorted().forEach(f -> args.add(f.toString()));
    }
    List<String> cmd = new ArrayList<>(List.of(io.pipeshift.oracles.Oracles.airflowPython().toString()));
    cmd.addAll(args);
    ProcessRun.Result r = ProcessRun.of(cmd).timeout(Duration.ofMinutes(2)).run();
    assertEquals(0, r.exitCode(), r::describe);
  }

  @Test
  void aVeryLongChainIsCutIntoStatementsThatCPythonCanCompile(@TempDir Path dir) throws IOException {
    // CPython nests `a >> b >> c ...` and stops with RecursionError after a few thousand operands.
    StringBuilder yaml = new StringBuilder("name: long-chain\nsteps:\n");
    for (int i = 0; i < 5000; i++) {
      yaml.append("  - id: s").append(i).append("\n    kind: bash\n    command: echo ").append(i).append('\n');
      if (i > 0) {
        yaml.append("    after: [s").append(i - 1).append("]\n");
      }
    }
    Pipeline p = new io.pipeshift.yaml.PipelineReader().read("long-chain.yaml", yaml.toString()).pipeline();
    String python = new AirflowWriter(p, AirflowVersion.V3, "long-chain.yaml").write().artifact().main();
    Path file = dir.resolve("long_chain.py");
    Files.writeString(file, python);
    assertEquals(4999, python.lines().filter(l -> l.trim().startsWith(">> ")).count(), "every link is written once");
    ProcessRun.Result r = ProcessRun.of(List.of(io.pipeshift.oracles.Oracles.airflowPython().toString(), "-c",
        "import sys\ncompile(open(sys.argv[1]).read(), sys.argv[1], 'exec')", file.toString()))
        .timeout(Duration.ofMinutes(2)).run();
    assertEquals(0, r.exitCode(), r::describe);
  }

  @Test
  void filesRunNothingButImportsAndDagConstruction() throws IOException {
    List<String> args = new ArrayList<>();
    for (Path dir : List.of(v3, v2)) {
      try (var files = Files.list(dir)) {
        files.filter(f -> f.toString().endsWith(".py")).sorted().forEach(f -> args.add(f.toString()));
      }
    }
    ProcessRun.Result r = AirflowOracles.python("check_dag_structure.py", "", args, Map.of(), Duration.ofMinutes(2))
        .requireSuccess();
    JsonNode result = AirflowOracles.parse(r.stdout());
    List<String> problems = new ArrayList<>();
    result.fieldNames().forEachRemaining(f -> result.get(f).forEach(p -> problems.add(f + ": " + p.asText())));
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
    assertFalse(Files.exists(Path.of("/tmp/pwned")), "loading the DAGs ran injected code");
  }

  /** java.util.Random under a short name. */
  private static final class Random extends java.util.Random {
    Random(long seed) {
      super(seed);
    }
  }
}
