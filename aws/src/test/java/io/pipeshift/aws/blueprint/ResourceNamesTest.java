package io.pipeshift.aws.blueprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {

  @Test
  void validNamesAreKeptAndInvalidCharactersBecomeDashes() {
    assertEquals("churn-retraining", ResourceNames.pipeline("churn-retraining"));
    assertEquals("my-pipeline-v2", ResourceNames.pipeline("my_pipeline.v2"));
    assertEquals("a-b", ResourceNames.stateMachine("a b"));
    assertEquals("churn-retraining-execution", ResourceNames.executionRole("churn-retraining"));
    assertEquals("churn-retraining-schedule-", ResourceNames.schedulePrefix("churn-retraining"));
  }

  @Test
  void longNamesAreCutWithAStableHashSoTheyStayDistinct() {
    String a = "x".repeat(100) + "a";
    String b = "x".repeat(100) + "b";
    assertEquals(64, ResourceNames.triggerRole(a).length());
    assertTrue(ResourceNames.triggerRole(a).endsWith("-triggers"));
    assertNotEquals(ResourceNames.triggerRole(a), ResourceNames.triggerRole(b));
    assertEquals(ResourceNames.triggerRole(a), ResourceNames.triggerRole(a));
  }

  /** Seeded random names: every derived name fits its service's pattern and length. */
  @Test
  void randomNamesAlwaysFitTheServicesRules() {
    long seed = 20261123L;
    Random random = new Random(seed);
    String alphabet = "abcXYZ019-_. /:#%$&*?<>{}[]\"'\\\u00e9\u4e2d\t";
    for (int i = 0; i < 2000; i++) {
      StringBuilder s = new StringBuilder();
      int n = 1 + random.nextInt(300);
      for (int j = 0; j < n; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String name = s.toString();
      String where = "seed " + seed + ", case " + i + ": '" + name + "'";
      String pipeline = ResourceNames.pipeline(name);
      assertTrue(pipeline.matches("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}"), where + " -> " + pipeline);
      String machine = ResourceNames.stateMachine(name);
      assertTrue(machine.length() <= 80 && !machine.isEmpty() && !machine.matches(".*[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/].*"), where + " -> " + machine);
      for (String role : new String[] {ResourceNames.executionRole(pipeline), ResourceNames.triggerRole(pipeline)}) {
        assertTrue(role.length() <= 64 && role.matches("[\\w+=,.@-]+"), where + " -> " + role);
      }
      String schedule = ResourceNames.schedulePrefix(pipeline) + 10;
      assertTrue(schedule.length() <= 64 && schedule.matches("[0-9a-zA-Z_.-]+"), where + " -> " + schedule);
    }
  }

  @Test
  void placeholdersAreSubstitutedAndReferencesFound() {
    String s = "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:x/${Pipeline.Arn}";
    assertEquals(java.util.Set.of("Pipeline"), Arns.referencedResources(s));
    assertEquals("arn:aws:states:eu-west-1:1:x/P", Arns.substitute(s, Map.of("AWS::Partition", "aws",
        "AWS::Region", "eu-west-1", "AWS::AccountId", "1", "Pipeline.Arn", "P")));
    assertEquals("${Other}", Arns.substitute("${Other}", Map.of()));
  }
}
