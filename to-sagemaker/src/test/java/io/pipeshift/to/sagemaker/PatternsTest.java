package io.pipeshift.to.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.diag.Severity;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Steps SageMaker cannot run: a documented pattern with a warning, otherwise an error-level note. */
class PatternsTest {

  @Test
  void everyStepOfTheHybridExampleSageMakerCannotRunHasANoteAtWarningOrAbove() {
    Translation<SageMakerDefinition> t = Fixtures.write(new PipelineLoader().load(Examples.file("hybrid.yaml")).pipeline());
    for (String step : List.of("fetch", "load", "prepare", "sweep", "train-candidate", "pick-best", "publish", "alert",
        "cleanup")) {
      assertTrue(t.notes().stream().anyMatch(n -> n.step().orElse("").equals(step)
          && n.severity().atLeast(Severity.WARNING)), step + " has no warning: " + t.notes());
    }
    assertTrue(t.hasNotesAtLeast(Severity.WARNING));
  }

  @Test
  void theRetrainingExampleNeedsNoWarning() {
    Translation<SageMakerDefinition> t = Fixtures.write(
        new PipelineLoader().load(Examples.file("retraining.yaml")).pipeline());
    assertTrue(!t.hasNotesAtLeast(Severity.WARNING), t.notes().toString());
  }

  @Test
  void awsAndNonAwsKindsRunAsCallbackStepsThatReadTheirOutputs() {
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml("""
        extensions: {sagemaker: {callbackQueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/work'}}
        steps:
          - {id: glue, kind: glue, jobName: etl, arguments: {--day: '1'}}
          - id: py
            kind: python
            function: score
            code: "def score():\\n    return {'auc': 0.9}\\n"
          - id: gate
            kind: condition
            branches:
              - when: {gte: [{output: {step: py, name: auc}}, 0.8]}
                steps: [{id: ok, kind: fail, message: fine}]
        """));
    Map<String, Map<String, Object>> steps = Fixtures.steps(t.artifact());
    assertEquals("Callback", steps.get("glue").get("Type"));
    Map<String, Object> args = Fixtures.map(steps.get("glue").get("Arguments"));
    assertEquals("glue", args.get("pipeshift.kind"));
    assertEquals("1", args.get("arguments.--day"));
    assertEquals("https://sqs.us-east-1.amazonaws.com/123456789012/work", steps.get("py").get("SqsQueueUrl"));
    assertEquals("[{\"OutputName\":\"auc\",\"OutputType\":\"Float\"}]", Fixtures.json(steps.get("py").get("OutputParameters")));
    assertEquals(List.of(SageMakerNote.PATTERN_CALLBACK.code()), Fixtures.codes(t, "glue"));
  }

  @Test
  void waitExternalAndDynamicForEachAreErrors() {
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml("""
        parameters: [{name: Items, type: string, default: '[]'}]
        steps:
          - {id: pause, kind: wait, duration: 5m}
          - {id: custom, kind: external, format: airflow, type: my.Operator, arguments: {x: 1}}
          - id: each
            kind: for-each
            itemsFrom: {param: Items}
            steps: [{id: body, kind: fail, message: x}]
        """));
    for (String step : List.of("pause", "custom", "each")) {
      assertTrue(t.notes().stream().anyMatch(n -> n.step().orElse("").equals(step) && n.severity() == Severity.ERROR),
          step);
      assertEquals("Callback", Fixtures.steps(t.artifact()).get(step).get("Type"));
    }
  }

  @Test
  void anExternalSageMakerStepIsKeptVerbatim() {
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml("""
        steps:
          - {id: automl, kind: external, format: sagemaker, type: AutoML, arguments: {AutoMLJobConfig: {x: 1}}}
        """));
    assertEquals("AutoML", Fixtures.steps(t.artifact()).get("automl").get("Type"));
    assertEquals(List.of(), t.notes().stream().map(FidelityNote::code).toList());
  }

  @Test
  void aStepReachedOnlyThroughACatchIsLeftOutWithAnError() {
    Translation<SageMakerDefinition> t = Fixtures.write(
        new PipelineLoader().load(Examples.file("multi-service.yaml")).pipeline());
    assertTrue(!Fixtures.steps(t.artifact()).containsKey("compensate"));
    assertTrue(Fixtures.codes(t, "compensate").contains(SageMakerNote.ERROR_PATH_DROPPED.code()));
    assertTrue(Fixtures.codes(t, "features").contains(SageMakerNote.CATCH_DROPPED.code()));
  }

  @Test
  void aForEachOverLiteralItemsIsUnrolledWithTheItemsSubstituted() {
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml("""
        steps:
          - id: sweep
            kind: for-each
            items: [{lr: 0.1}, {lr: 0.2}]
            steps:
              - id: fit
                kind: training
                image: i:1
                instanceType: ml.m5.large
                outputPath: s3://b/m
                role: arn:aws:iam::123456789012:role/Role
                hyperparameters: {lr: {item: lr}}
          - {id: done, kind: fail, message: x, after: [sweep]}
        """));
    Map<String, Map<String, Object>> steps = Fixtures.steps(t.artifact());
    assertEquals("0.2", Fixtures.at(steps.get("fit-2"), "Arguments.HyperParameters.lr"));
    assertEquals(List.of("fit-1", "fit-2"), steps.get("done").get("DependsOn"));
  }
}
