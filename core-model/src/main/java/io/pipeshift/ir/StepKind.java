package io.pipeshift.ir;

import io.pipeshift.ir.kinds.*;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The closed step taxonomy: each kind's YAML name, its typed-field record and its category. Adding a kind
 * means adding a record in {@code io.pipeshift.ir.kinds}, a constant here, and its mapping in every spoke
 * (each spoke's exhaustive switch fails to compile until it does).
 */
public enum StepKind {
  PROCESSING("processing", ProcessingSpec.class, Category.SAGEMAKER),
  TRAINING("training", TrainingSpec.class, Category.SAGEMAKER),
  TUNING("tuning", TuningSpec.class, Category.SAGEMAKER),
  TRANSFORM("transform", TransformSpec.class, Category.SAGEMAKER),
  CREATE_MODEL("create-model", CreateModelSpec.class, Category.SAGEMAKER),
  REGISTER_MODEL("register-model", RegisterModelSpec.class, Category.SAGEMAKER),
  QUALITY_CHECK("quality-check", QualityCheckSpec.class, Category.SAGEMAKER),
  CLARIFY_CHECK("clarify-check", ClarifyCheckSpec.class, Category.SAGEMAKER),
  EMR("emr", EmrSpec.class, Category.SAGEMAKER),
  NOTEBOOK_JOB("notebook-job", NotebookJobSpec.class, Category.SAGEMAKER),
  MODEL_DEPLOY("model-deploy", ModelDeploySpec.class, Category.SAGEMAKER),
  CONDITION("condition", ConditionSpec.class, Category.CONTROL),
  FAIL("fail", FailSpec.class, Category.CONTROL),
  WAIT("wait", WaitSpec.class, Category.CONTROL),
  FOR_EACH("for-each", ForEachSpec.class, Category.CONTROL),
  APPROVAL("approval", ApprovalSpec.class, Category.CONTROL),
  CALLBACK("callback", CallbackSpec.class, Category.CONTROL),
  LAMBDA("lambda", LambdaSpec.class, Category.AWS),
  GLUE("glue", GlueSpec.class, Category.AWS),
  BATCH("batch", BatchSpec.class, Category.AWS),
  ECS("ecs", EcsSpec.class, Category.AWS),
  SNS("sns", SnsSpec.class, Category.AWS),
  SQS("sqs", SqsSpec.class, Category.AWS),
  EVENTBRIDGE_PUT("eventbridge-put", EventBridgePutSpec.class, Category.AWS),
  ATHENA("athena", AthenaSpec.class, Category.AWS),
  START_STEP_FUNCTIONS("start-step-functions", StartStepFunctionsSpec.class, Category.AWS),
  START_SAGEMAKER_PIPELINE("start-sagemaker-pipeline", StartSageMakerPipelineSpec.class, Category.AWS),
  HTTP("http", HttpSpec.class, Category.NON_AWS),
  PYTHON("python", PythonSpec.class, Category.NON_AWS),
  BASH("bash", BashSpec.class, Category.NON_AWS),
  CONTAINER("container", ContainerSpec.class, Category.NON_AWS),
  SQL("sql", SqlSpec.class, Category.NON_AWS),
  EXTERNAL("external", ExternalSpec.class, Category.NON_AWS);

  /** Where a kind's work runs; the analyzer's decision matrix counts steps by category. */
  public enum Category {
    /** Runs as a SageMaker job or registry call. */
    SAGEMAKER,
    /** Orchestration only: no work of its own. */
    CONTROL,
    /** An AWS service other than SageMaker. */
    AWS,
    /** Outside AWS managed services (code on workers, other systems). */
    NON_AWS
  }

  private final String yamlName;
  private final Class<? extends StepSpec> specType;
  private final Category category;

  StepKind(String yamlName, Class<? extends StepSpec> specType, Category category) {
    this.yamlName = yamlName;
    this.specType = specType;
    this.category = category;
  }

  public String yamlName() {
    return yamlName;
  }

  public Class<? extends StepSpec> specType() {
    return specType;
  }

  public Category category() {
    return category;
  }

  /** Work steps do something; control steps only steer. Approval and callback wait on the outside world. */
  public boolean isWork() {
    return category != Category.CONTROL;
  }

  /** Kind by spec class, looked up once per class (emitters ask for every step, several times). */
  private static final ClassValue<StepKind> BY_SPEC = new ClassValue<>() {
    @Override
    protected StepKind computeValue(Class<?> type) {
      for (StepKind k : values()) {
        if (k.specType == type) {
          return k;
        }
      }
      return null;
    }
  };

  public static StepKind of(StepSpec spec) {
    StepKind k = BY_SPEC.get(spec.getClass());
    if (k == null) {
      throw new IllegalStateException("no kind for " + spec.getClass());
    }
    return k;
  }

  public static Optional<StepKind> byYamlName(String name) {
    return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
  }

  public static List<String> yamlNames() {
    return Arrays.stream(values()).map(StepKind::yamlName).toList();
  }
}
