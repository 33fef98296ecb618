package io.pipeshift.to.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.ir.Condition;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small pieces: names, intrinsic quoting, error names, Choice rules, queue ARNs. */
class AslPiecesTest {

  @Test
  void stateNamesAreCleanedShortenedAndMadeUnique() {
    AslNames names = new AslNames();
    assertEquals("Train-model-v2", names.state("Train model (v2)"));
    assertEquals("Train-model-v2-2", names.state("Train model v2"));
    String x = "x".repeat(100);
    assertEquals(80, names.state(x).length());
    String second = names.state(x);
    assertEquals(80, second.length());
    assertTrue(second.endsWith("-2"));
    assertEquals("State", names.state("!!!"));
    assertEquals("train_model", names.key("train-model"));
    assertEquals("train_model_2", names.key("train.model"));
    assertEquals("train_model", names.key("train-model"), "the same id keeps its key");
    assertEquals("v_9lives", AslNames.field("9lives"));
    assertEquals("my-step", AslNames.resourcePrefix("My_Step!", 26));
    assertEquals(26, AslNames.resourcePrefix("a".repeat(40), 26).length());
  }

  @Test
  void intrinsicLiteralsEscapeQuotesAndBraces() {
    assertEquals("'it\\'s \\{x\\}'", AslIntrinsics.quote("it's {x}"));
    assertTrue(AslIntrinsics.quote("a\\b").startsWith("States.Base64Decode('"));
    assertEquals("States.Format('job-{}', States.UUID())", AslIntrinsics.uniqueName("job"));
  }

  @Test
  void errorClassesMapPerService() {
    List<String> broad = new ArrayList<>();
    assertEquals(List.of("States.ALL"), AslErrors.names(List.of(ErrorClass.ALL), AslService.LAMBDA, broad::add));
    assertEquals(List.of("States.Timeout", "States.TaskFailed", "States.Permissions"), AslErrors.names(
        List.of(ErrorClass.TIMEOUT, ErrorClass.TASK_FAILED, ErrorClass.PERMISSIONS), AslService.GLUE, broad::add));
    assertTrue(broad.isEmpty());
    assertEquals(List.of("Lambda.TooManyRequestsException", "MyApp.Oops"),
        AslErrors.names(List.of(ErrorClass.THROTTLING, ErrorClass.of("MyApp.Oops")), AslService.LAMBDA, broad::add));
    assertEquals(List.of("States.TaskFailed"), AslErrors.names(List.of(ErrorClass.SERVICE_FAULT), AslService.NONE, broad::add));
    assertEquals(1, broad.size());
  }

  private static Map<String, Object> rule(Condition c) {
    Pipeline p = Pipeline.of("c", List.of()).withParameters(List.of(
        new Parameter("N", Parameter.ParameterType.INTEGER, Optional.empty(), List.of(), Optional.empty()),
        new Parameter("S", Parameter.ParameterType.STRING, Optional.empty(), List.of(), Optional.empty())));
    AslNames names = new AslNames();
    AslValues values = new AslValues(p, new AslOutputs(p, names), names);
    return new AslConditions(p, values).lower(c, x -> { }).rule();
  }

  @Test
  void comparisonsBecomeTypedChoiceRules() {
    Value n = new Value.ParameterRef("N");
    Value s = new Value.ParameterRef("S");
    assertEquals(Map.of("Variable", "$.parameters.N", "NumericGreaterThan", 3L),
        rule(new Condition.Comparison(Condition.Operator.GT, n, Value.Literal.of(3L))));
    assertEquals(Map.of("Variable", "$.parameters.N", "NumericLessThan", 3L),
        rule(new Condition.Comparison(Condition.Operator.GT, Value.Literal.of(3L), n)), "a literal on the left mirrors");
    assertEquals(Map.of("Variable", "$.parameters.S", "StringEqualsPath", "$.parameters.N"),
        rule(new Condition.Comparison(Condition.Operator.EQ, s, n)));
    assertEquals(Map.of("Variable", "$.parameters", "IsPresent", true),
        rule(new Condition.Comparison(Condition.Operator.LT, Value.Literal.of(1L), Value.Literal.of(2L))));
    Map<String, Object> untyped = rule(new Condition.Comparison(Condition.Operator.GTE, new Value.ItemRef("a"), new Value.ItemRef("b")));
    assertTrue(untyped.containsKey("Or"), "untyped operands try numbers then strings: " + untyped);
    assertEquals(Map.of("Or", List.of(Map.of("Variable", "$.parameters.S", "StringEquals", "a"),
        Map.of("Variable", "$.parameters.S", "StringEquals", "b"))),
        rule(new Condition.In(s, List.of(Value.Literal.of("a"), Value.Literal.of("b")))));
    assertEquals(Map.of("Variable", "$.parameters.N", "NumericEquals", 1L),
        rule(new Condition.Not(new Condition.Not(new Condition.Comparison(Condition.Operator.EQ, n, Value.Literal.of(1L))))));
  }

  @Test
  void queueUrlsBecomeQueueArns() {
    assertEquals("arn:aws:sqs:eu-west-1:123456789012:jobs",
        AslIntegrations.queueArn("https://sqs.eu-west-1.amazonaws.com/123456789012/jobs"));
    assertEquals("arn:aws:sqs:*:*:*", AslIntegrations.queueArn("not a url"));
  }
}
