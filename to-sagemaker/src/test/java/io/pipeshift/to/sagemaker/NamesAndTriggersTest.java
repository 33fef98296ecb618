package io.pipeshift.to.sagemaker;

import static io.pipeshift.to.sagemaker.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.fidelity.Translation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Step names within SageMaker's limits, and triggers as the CloudFormation companion. */
class NamesAndTriggersTest {

  @Test
  void namesAreSanitisedCutToSixtyFourCharactersAndUnique() {
    SageMakerNames names = new SageMakerNames();
    String longId = "x".repeat(70);
    String a = names.allocate("a", longId, "-RegisterModel");
    String b = names.allocate("b", longId, "-RegisterModel");
    String c = names.allocate("c", "has.dots and spaces", "");
    assertEquals(64, a.length());
    assertTrue(a.endsWith("-RegisterModel") && b.endsWith("-2-RegisterModel") && b.length() == 64, b);
    assertEquals("has-dots-and-spaces", c);
    for (String n : List.of(a, b, c)) {
      assertTrue(SageMakerNames.LEGAL.matcher(n).matches(), n);
    }
    assertEquals("b", names.stepIdOf(b));
  }

  @Test
  void everyEmittedNameIsLegalAndUnique() {
    for (long seed = 1; seed <= 60; seed++) {
      SageMakerDefinition d = Fixtures.write(RandomNativePipelines.generate(seed, true)).artifact();
      Set<String> seen = new HashSet<>();
      for (String name : Fixtures.steps(d).keySet()) {
        assertTrue(SageMakerNames.LEGAL.matcher(name).matches(), name);
        assertTrue(seen.add(name), name);
      }
    }
  }

  @Test
  void aStepIdLongerThanTheLimitIsRenamedWithAnInfoNote() {
    String id = "a" + "b".repeat(70);
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml(
        "steps:\n  - {id: " + id + ", kind: fail, message: x}\n"));
    assertEquals(List.of("a" + "b".repeat(63)), t.artifact().stepNames().get(id));
    assertEquals(List.of(SageMakerNote.NAME_CHANGED.code()), Fixtures.codes(t, id));
  }

  private static JsonNode template(String triggers) throws Exception {
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml(
        "triggers:\n" + triggers + "steps:\n  - {id: f, kind: fail, message: x}\n"));
    return new ObjectMapper().readTree(t.artifact().companions().get(SageMakerTriggers.FILE));
  }

  @Test
  void aCronInATimeZoneBecomesASchedulerScheduleInThatZone() throws Exception {
    JsonNode r = template("  - {cron: '0 3 * * 1', timezone: Europe/Berlin}\n").get("Resources");
    assertEquals("cron(0 3 ? * 2 *)", r.get("Schedule1").get("Properties").get("ScheduleExpression").asText());
    assertEquals("Europe/Berlin", r.get("Schedule1").get("Properties").get("ScheduleExpressionTimezone").asText());
    assertEquals("AWS::IAM::Role", r.get("TriggerRole").get("Type").asText());
  }

  @Test
  void aCronRestrictingBothDayFieldsBecomesTwoSchedules() throws Exception {
    JsonNode r = template("  - {cron: '0 6 1 * 1'}\n").get("Resources");
    assertEquals("cron(0 6 1 * ? *)", r.get("Schedule1").get("Properties").get("ScheduleExpression").asText());
    assertEquals("cron(0 6 ? * 2 *)", r.get("Schedule2").get("Properties").get("ScheduleExpression").asText());
  }

  @Test
  void ratesAndEventsBecomeAScheduleAndARule() throws Exception {
    JsonNode r = template("  - {rate: 2h}\n  - {event: {source: [aws.s3]}}\n  - {manual: true}\n").get("Resources");
    assertEquals("rate(2 hours)", r.get("Schedule1").get("Properties").get("ScheduleExpression").asText());
    assertEquals("aws.s3", r.get("Rule1").get("Properties").get("EventPattern").get("source").get(0).asText());
    assertEquals("AWS::SageMaker::Pipeline", r.get("Pipeline").get("Type").asText());
  }

  @Test
  void theTemplateEmbedsTheDefinition() throws Exception {
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.load("every-kind.yaml"));
    JsonNode body = new ObjectMapper().readTree(t.artifact().companions().get(SageMakerTriggers.FILE))
        .get("Resources").get("Pipeline").get("Properties").get("PipelineDefinition").get("PipelineDefinitionBody");
    assertEquals(new ObjectMapper().readTree(t.artifact().json()), new ObjectMapper().readTree(body.asText()));
    assertEquals("2020-12-01", at(t.artifact().definition(), "Version"));
  }
}
