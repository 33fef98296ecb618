package io.pipeshift.from.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Trigger;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.BashSpec;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ExternalSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import io.pipeshift.ir.kinds.GlueSpec;
import io.pipeshift.ir.kinds.PythonSpec;
import io.pipeshift.ir.kinds.TrainingSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour of the static import, one construct at a time. */
class StaticImportTest {

  private static final String HEADER = String.join("\n",
      "import pendulum",
      "from datetime import timedelta",
      "from airflow.sdk import DAG, dag, task, task_group, TaskGroup, chain, Label, Param",
      "from airflow.providers.standard.operators.bash import BashOperator",
      "from airflow.providers.standard.operators.empty import EmptyOperator",
      "");

  private static FileImport read(String source) {
    return new AirflowDagReader().read(Path.of("dags/test_dag.py"), "dags/test_dag.py", HEADER + source);
  }

  private static Pipeline only(String source) {
    FileImport f = read(source);
    assertTrue(f.failure().isEmpty(), f.failure().orElse(""));
    assertEquals(1, f.dags().size(), "DAGs: " + f.dags());
    return f.dags().get(0).pipeline();
  }

  private static Step step(Pipeline p, String id) {
    return p.allSteps().stream().filter(s -> s.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no step " + id + " in " + p.allSteps().stream().map(Step::id).toList()));
  }

  @Test
  void nothingInTheFileRunsWhileItIsImported() throws Exception {
    Path marker = Path.of("/tmp/pipeshift-side-effect-marker");
    Path keep = Path.of(marker + ".dir");
    for (String suffix : List.of("", ".system", ".subprocess")) {
      Files.deleteIfExists(Path.of(marker + suffix));
    }
    Files.createDirectories(keep);
    try {
      FileImport f = new AirflowDagReader().read(Path.of("src/test/resources/dags/side_effects.py"));
      assertFalse(Files.exists(marker), "the file's open(...).write(...) ran");
      assertFalse(Files.exists(Path.of(marker + ".system")), "os.system ran");
      assertFalse(Files.exists(Path.of(marker + ".subprocess")), "subprocess.run ran");
      assertTrue(Files.isDirectory(keep), "shutil.rmtree ran");
      assertEquals(List.of("side_effects"), f.dags().stream().map(ImportedDag::dagId).toList());
      assertTrue(f.notes().stream().anyMatch(n -> n.message().contains("side_effects.py:17:1")
          && n.message().contains("would end the file here")), f.notes().toString());
    } finally {
      Files.deleteIfExists(keep);
    }
  }

  @Test
  void unresolvedValuesAreMarkedInTheIrWithALocatedWarning() {
    FileImport f = read(String.join("\n",
        "from airflow.models import Variable",
        "with DAG(dag_id='v', schedule=None):",
        "    BashOperator(task_id='run', bash_command=Variable.get('cmd'))",
        ""));
    Pipeline p = f.dags().get(0).pipeline();
    BashSpec bash = (BashSpec) step(p, "run").spec();
    assertEquals(Value.Literal.of("${unresolved: Variable.get('cmd')}"), bash.command());
    FidelityNote n = f.dags().get(0).notes().get(0);
    assertEquals(ImportNote.UNRESOLVED.code(), n.code());
    assertTrue(n.message().startsWith("dags/test_dag.py:8:46: "), n.message());
    assertEquals(FileImport.Status.WARNINGS, f.status());
    assertEquals(List.of("Variable.get"), f.dags().get(0).constructs());
  }

  @Test
  void severalDagsPerFileAndOneDagPerLoopIteration() {
    FileImport f = read(String.join("\n",
        "for name in ['a', 'b']:",
        "    with DAG(dag_id=f'copy_{name}', schedule='@hourly'):",
        "        BashOperator(task_id=name, bash_command=f'echo {name}')",
        "@dag(schedule=None)",
        "def decorated():",
        "    EmptyOperator(task_id='only')",
        "decorated()",
        ""));
    assertEquals(List.of("copy_a", "copy_b", "decorated"), f.dags().stream().map(ImportedDag::dagId).toList());
    assertEquals(FileImport.Status.CLEAN, f.status(), f.allNotes().toString());
  }

  @Test
  void defaultArgsAreThePipelineDefaultsAndATaskOwnRetryOverridesThem() {
    Pipeline p = only(String.join("\n",
        "args = {'retries': 2, 'retry_delay': timedelta(seconds=30), 'retry_exponential_backoff': True,",
        "        'execution_timeout': timedelta(hours=1), 'owner': 'data'}",
        "with DAG(dag_id='r', default_args=args, schedule=None):",
        "    a = BashOperator(task_id='a', bash_command='true')",
        "    b = BashOperator(task_id='b', bash_command='true', retries=0)",
        "    c = BashOperator(task_id='c', bash_command='true', retries=5, max_retry_delay=timedelta(minutes=10))",
        "    a >> b >> c",
        ""));
    RetryPolicy dflt = p.defaults().retry().orElseThrow();
    assertEquals(2, dflt.retries());
    assertEquals(Duration.ofSeconds(30), dflt.interval());
    assertEquals(2.0, dflt.backoffRate());
    assertEquals(Optional.of(Duration.ofHours(1)), p.defaults().timeout());
    assertEquals(Optional.empty(), step(p, "a").retry());
    assertEquals(0, step(p, "b").retry().orElseThrow().retries());
    assertEquals(5, p.retryOf(step(p, "c")).orElseThrow().retries());
    assertEquals(Optional.of(Duration.ofMinutes(10)), p.retryOf(step(p, "c")).orElseThrow().maxInterval());
    assertEquals(List.of("b"), step(p, "c").after());
    assertEquals(Map.of("owner", "data"), ((Map<?, ?>) p.extensions().get("airflow")).get("default_args"));
  }

  @Test
  void taskFlowCallsMakeEdgesAndKeepTheFunctionSource() {
    Pipeline p = only(String.join("\n",
        "@dag(schedule=None)",
        "def flow():",
        "    @task",
        "    def extract():",
        "        return {'n': 1}",
        "    @task",
        "    def load(data, mode='append'):",
        "        print(data, mode)",
        "    load(extract(), mode='replace')",
        "    load.override(task_id='load_again')(extract())",
        "flow()",
        ""));
    assertEquals(List.of("extract", "load", "extract__1", "load_again"), p.steps().stream().map(Step::id).toList());
    PythonSpec load = (PythonSpec) step(p, "load").spec();
    assertEquals("load", load.function());
    assertTrue(load.code().orElseThrow().startsWith("def load(data, mode='append'):\n    print(data, mode)"),
        load.code().orElseThrow());
    assertEquals(new Value.StepOutputRef("extract", "return_value"), load.arguments().get("data"));
    assertEquals(Value.Literal.of("replace"), load.arguments().get("mode"));
    assertEquals(List.of("extract__1"), step(p, "load_again").after());
  }

  @Test
  void groupsPrefixIdsAndEdgesToAGroupReachItsRootsAndLeaves() {
    Pipeline p = only(String.join("\n",
        "with DAG(dag_id='g', schedule=None):",
        "    start = EmptyOperator(task_id='start')",
        "    with TaskGroup('section') as section:",
        "        a = EmptyOperator(task_id='a')",
        "        with TaskGroup('inner'):",
        "            b = EmptyOperator(task_id='b')",
        "        a >> b",
        "    end = EmptyOperator(task_id='end')",
        "    start >> section >> end",
        ""));
    assertEquals(List.of("start", "section__a", "section__inner__b", "end"), p.steps().stream().map(Step::id).toList());
    assertEquals("section.inner.b", step(p, "section__inner__b").extension("airflow").get("task_id"));
    assertEquals(List.of("start"), step(p, "section__a").after());
    assertEquals(List.of("section__inner__b"), step(p, "end").after());
  }

  @Test
  void chainListsLabelsAndSetUpstream() {
    Pipeline p = only(String.join("\n",
        "with DAG(dag_id='c', schedule=None):",
        "    t = [EmptyOperator(task_id=f't{i}') for i in range(4)]",
        "    chain(t[0], Label('go'), [t[1], t[2]], t[3])",
        "    extra = EmptyOperator(task_id='extra')",
        "    extra.set_upstream(t[3])",
        "    t[0] << EmptyOperator(task_id='first')",
        ""));
    assertEquals(List.of("first"), step(p, "t0").after());
    assertEquals(List.of("t0"), step(p, "t1").after());
    assertEquals(List.of("t0"), step(p, "t2").after());
    assertEquals(List.of("t1", "t2"), step(p, "t3").after());
    assertEquals(List.of("t3"), step(p, "extra").after());
  }

  @Test
  void constantsHelpersComprehensionsAndFormatting() {
    Pipeline p = only(String.join("\n",
        "ENVS = {'dev': 1, 'prod': 3}",
        "def make(env, n):",
        "    return BashOperator(task_id='deploy_%s' % env, bash_command='deploy {} x{:02d}'.format(env, n))",
        "with DAG(dag_id='h', schedule=timedelta(hours=6)):",
        "    tasks = [make(e, n) for e, n in sorted(ENVS.items()) if n > 0]",
        "    tasks[0] >> tasks[-1]",
        ""));
    assertEquals("deploy prod x03", ((Value.Literal) ((BashSpec) step(p, "deploy_prod").spec()).command()).asText());
    assertEquals(List.of("deploy_dev"), step(p, "deploy_prod").after());
    assertEquals(List.of(new Trigger.Rate(Duration.ofHours(6))), p.triggers());
  }

  @Test
  void scheduleTimeZoneParamsAndAssets() {
    FileImport f = read(String.join("\n",
        "from airflow.sdk import Asset",
        "with DAG(dag_id='s', schedule='0 6 * * 1-5', start_date=pendulum.datetime(2024, 1, 1, tz='America/New_York'),",
        "         params={'limit': Param(5, type='integer', minimum=1), 'flag': True, 'bad-name': 'x'}):",
        "    BashOperator(task_id='a', bash_command='echo {{ params.limit }}')",
        "with DAG(dag_id='t', schedule=[Asset('s3://bucket/in')]):",
        "    EmptyOperator(task_id='b')",
        ""));
    Pipeline s = f.dags().get(0).pipeline();
    Trigger.Cron cron = (Trigger.Cron) s.triggers().get(0);
    assertEquals("0 6 * * 1-5", cron.cron().text());
    assertEquals("America/New_York", cron.timezone());
    assertEquals(List.of("limit", "flag", "bad_name"), s.parameters().stream().map(x -> x.name()).toList());
    assertEquals(new Value.ParameterRef("limit"), ((BashSpec) step(s, "a").spec()).command() instanceof Value.Join j
        ? j.values().get(1) : null);
    Trigger.Event event = (Trigger.Event) f.dags().get(1).pipeline().triggers().get(0);
    assertEquals(List.of("airflow.asset"), event.pattern().get("source"));
  }

  @Test
  void sageMakerConfigBecomesATypedTrainingStepAndGlueAGlueStep() {
    Pipeline p = only(String.join("\n",
        "from airflow.providers.amazon.aws.operators.sagemaker import SageMakerTrainingOperator",
        "from airflow.providers.amazon.aws.operators.glue import GlueJobOperator",
        "with DAG(dag_id='sm', schedule=None):",
        "    GlueJobOperator(task_id='prep', job_name='prep-job', script_args={'--day': '{{ ds }}'},",
        "                    run_job_kwargs={'WorkerType': 'G.1X', 'NumberOfWorkers': 4})",
        "    SageMakerTrainingOperator(task_id='train', config={",
        "        'TrainingJobName': 'x',",
        "        'AlgorithmSpecification': {'TrainingImage': 'img:1', 'TrainingInputMode': 'File'},",
        "        'RoleArn': 'arn:aws:iam::1:role/r',",
        "        'OutputDataConfig': {'S3OutputPath': 's3://b/out'},",
        "        'ResourceConfig': {'InstanceType': 'ml.m5.large', 'InstanceCount': 2, 'VolumeSizeInGB': 50},",
        "        'StoppingCondition': {'MaxRuntimeInSeconds': 7200},",
        "        'HyperParameters': {'epochs': '10'}})",
        ""));
    TrainingSpec t = assertInstanceOf(TrainingSpec.class, step(p, "train").spec());
    assertEquals("img:1", t.image());
    assertEquals(2, t.instanceCount());
    assertEquals(Duration.ofHours(2), t.maxRuntime());
    GlueSpec g = assertInstanceOf(GlueSpec.class, step(p, "prep").spec());
    assertEquals(Optional.of(4), g.numberOfWorkers());
    assertEquals(Value.Literal.of("{{ ds }}"), g.arguments().get("--day"));
  }

  @Test
  void anUnknownOperatorIsKeptAsAnExternalStep() {
    Pipeline p = only(String.join("\n",
        "from acme.operators import WarehouseOperator",
        "with DAG(dag_id='e', schedule=None):",
        "    WarehouseOperator(task_id='w', table='sales', partitions=[1, 2], retries=1)",
        ""));
    ExternalSpec e = assertInstanceOf(ExternalSpec.class, step(p, "w").spec());
    assertEquals("acme.operators.WarehouseOperator", e.type());
    assertEquals(Map.of("table", "sales", "partitions", List.of(1L, 2L)), e.arguments());
    assertEquals(1, p.retryOf(step(p, "w")).orElseThrow().retries());
  }

  @Test
  void aBranchOverParamsWithAJoinBecomesACondition() {
    Pipeline p = only(String.join("\n",
        "@dag(schedule=None, params={'n': 3})",
        "def b():",
        "    @task.branch",
        "    def pick(**context):",
        "        if context['params']['n'] >= 5 and context['params']['n'] != 7:",
        "            return ['big']",
        "        return 'small'",
        "    start = EmptyOperator(task_id='start')",
        "    big = BashOperator(task_id='big', bash_command='echo big')",
        "    small = BashOperator(task_id='small', bash_command='echo small')",
        "    join = EmptyOperator(task_id='join', trigger_rule='none_failed_min_one_success')",
        "    end = EmptyOperator(task_id='end')",
        "    start >> pick() >> [big, small] >> join >> end",
        "b()",
        ""));
    ConditionSpec c = assertInstanceOf(ConditionSpec.class, step(p, "pick").spec());
    assertEquals(new Condition.All(List.of(
        new Condition.Comparison(Condition.Operator.GTE, new Value.ParameterRef("n"), Value.Literal.of(5L)),
        new Condition.Not(new Condition.Comparison(Condition.Operator.EQ, new Value.ParameterRef("n"), Value.Literal.of(7L))))),
        c.branches().get(0).when());
    assertEquals("big", c.branches().get(0).steps().get(0).id());
    assertEquals("small", c.otherwise().get(0).id());
    assertEquals(List.of("pick"), step(p, "end").after());
    assertTrue(p.allSteps().stream().noneMatch(s -> s.id().equals("join")));
  }

  @Test
  void aBranchDecidedByArbitraryCodeStaysPlainTasksWithANote() {
    FileImport f = read(String.join("\n",
        "import random",
        "@dag(schedule=None)",
        "def b():",
        "    @task.branch",
        "    def pick():",
        "        return random.choice(['x', 'y'])",
        "    pick() >> [EmptyOperator(task_id='x'), EmptyOperator(task_id='y')]",
        "b()",
        ""));
    Pipeline p = f.dags().get(0).pipeline();
    assertInstanceOf(PythonSpec.class, step(p, "pick").spec());
    assertTrue(f.dags().get(0).notes().stream().anyMatch(n -> n.code().equals(ImportNote.BRANCH_KEPT.code())));
  }

  @Test
  void aMappedTaskGroupOverLiteralsBecomesAForEach() {
    Pipeline p = only(String.join("\n",
        "@dag(schedule=None)",
        "def m():",
        "    @task_group",
        "    def per_region(region):",
        "        BashOperator(task_id='sync', bash_command='sync')",
        "    EmptyOperator(task_id='start') >> per_region.expand(region=['eu', 'us'])",
        "m()",
        ""));
    ForEachSpec f = assertInstanceOf(ForEachSpec.class, step(p, "per_region").spec());
    assertEquals(List.of("eu", "us"), f.items());
    assertEquals("sync", f.steps().get(0).id());
    assertEquals(List.of("start"), step(p, "per_region").after());
  }

  @Test
  void aSyntaxErrorFailsTheFileWithItsLocation() {
    FileImport f = read("with DAG(dag_id='x') as d\n    pass\n");
    assertEquals(FileImport.Status.FAILED, f.status());
    assertTrue(f.failure().orElseThrow().startsWith("dags/test_dag.py:6:26: syntax error"), f.failure().orElseThrow());
  }

  @Test
  void sourceBytesAreDecodedAsPythonDoes() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '=', '1'};
    assertEquals("x=1", AirflowDagReader.decode(bom));
    byte[] latin1 = "# -*- coding: latin-1 -*-\nname = 'caf\u00e9'\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(AirflowDagReader.decode(latin1).contains("caf\u00e9"));
    byte[] bad = {'x', '=', (byte) 0xFF};
    assertThrows(java.nio.charset.CharacterCodingException.class, () -> AirflowDagReader.decode(bad));
  }

  @Test
  void aFileWithoutDagsIsNotAFailure() {
    FileImport f = read("def helper():\n    return 1\n");
    assertEquals(FileImport.Status.NO_DAG, f.status());
  }

  @Test
  void theSourceIsSureOfDagFilesAndReadsTheFirstDag(@TempDir Path dir) throws Exception {
    AirflowDagSource source = new AirflowDagSource();
    assertEquals(95, source.confidence(Path.of("x.py"), "from airflow.sdk import DAG\nwith DAG('x'):"));
    assertEquals(10, source.confidence(Path.of("x.py"), "print(1)"));
    assertEquals(0, source.confidence(Path.of("x.yaml"), "name: x"));
    Path file = dir.resolve("two.py");
    Files.writeString(file, HEADER + "with DAG('one'):\n    EmptyOperator(task_id='a')\nwith DAG('two'):\n    pass\n");
    var read = source.read(file);
    assertEquals("one", read.artifact().pipeline().name());
    assertTrue(read.notes().stream().anyMatch(n -> n.message().contains("defines 2 DAGs")));
    Path bad = dir.resolve("bad.py");
    Files.writeString(bad, "def (:\n");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> source.read(bad));
    assertEquals(1, e.diagnostics().get(0).location().line());
  }
}
