package io.pipeshift.to.sagemaker;

import static io.pipeshift.to.sagemaker.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.fidelity.Translation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rejoin: steps after a condition step. DependsOn on steps of both branches would never run (a step
 * in the branch not taken never succeeds), so each encoding is checked here by name; the property test
 * checks their meaning on random pipelines.
 */
class RejoinTest {

  static final String JOB = "kind: training, image: i:1, instanceType: ml.m5.large, outputPath: s3://b/m";

  private static String step(String id) {
    return "{id: " + id + ", " + JOB + "}";
  }

  private static List<Object> names(Object steps) {
    return Fixtures.list(steps).stream().map(s -> Fixtures.map(s).get("Name")).toList();
  }

  @Test
  void whenTheOtherBranchFailsTheContinuationFollowsTheLiveBranchsLastSteps() {
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml("""
        parameters: [{name: Ok, type: boolean, default: true}]
        steps:
          - id: gate
            kind: condition
            branches:
              - when: {eq: [{param: Ok}, true]}
                steps: [%s, %s]
            otherwise:
              - {id: stop, kind: fail, message: not ok}
          - %s
          - {id: last, %s, after: [next, gate]}
        """.formatted(step("a"), step("b"), step("next").replace("}", ", after: [gate]}"), JOB)));
    Map<String, Map<String, Object>> steps = Fixtures.steps(t.artifact());
    assertEquals(List.of("a", "b"), steps.get("next").get("DependsOn"));
    assertEquals(List.of("next", "a", "b"), steps.get("last").get("DependsOn"));
    assertTrue(Fixtures.codes(t, "gate").contains(SageMakerNote.REJOIN_AFTER_LIVE_BRANCH.code()));
    assertEquals(List.of("gate", "next", "last"), names(t.artifact().definition().get("Steps")));
  }

  @Test
  void whenBothBranchesCanFinishEachGetsARenamedCopyOfTheContinuation() {
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml("""
        parameters: [{name: Ok, type: boolean, default: true}]
        steps:
          - id: gate
            kind: condition
            branches:
              - when: {eq: [{param: Ok}, true]}
                steps: [%s]
            otherwise: [%s]
          - {id: cleanup, %s, after: [gate]}
        """.formatted(step("a"), step("b"), JOB)));
    Map<String, Object> gate = Fixtures.steps(t.artifact()).get("gate");
    assertEquals(List.of("a", "cleanup-if"), names(at(gate, "Arguments.IfSteps")));
    assertEquals(List.of("b", "cleanup-else"), names(at(gate, "Arguments.ElseSteps")));
    assertEquals(List.of("a"), Fixtures.steps(t.artifact()).get("cleanup-if").get("DependsOn"));
    assertEquals(List.of("cleanup-if", "cleanup-else"), t.artifact().stepNames().get("cleanup"));
    assertTrue(Fixtures.codes(t, "gate").contains(SageMakerNote.REJOIN_COPIED.code()));
    assertEquals(List.of("gate"), names(t.artifact().definition().get("Steps")));
  }

  @Test
  void anEmptyBranchStillRunsTheContinuation() {
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml("""
        parameters: [{name: Ok, type: boolean, default: true}]
        steps:
          - id: gate
            kind: condition
            branches:
              - when: {eq: [{param: Ok}, true]}
                steps: [%s]
          - {id: after, %s, after: [gate]}
        """.formatted(step("extra"), JOB)));
    Map<String, Object> gate = Fixtures.steps(t.artifact()).get("gate");
    assertEquals(List.of("extra", "after-if"), names(at(gate, "Arguments.IfSteps")));
    assertEquals(List.of("after-else"), names(at(gate, "Arguments.ElseSteps")));
    assertFalse(Fixtures.steps(t.artifact()).get("after-else").containsKey("DependsOn"));
  }

  @Test
  void anNaryConditionBecomesGuardedSiblingConditionSteps() {
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml("""
        parameters: [{name: Size, type: string, default: s}]
        steps:
          - id: size
            kind: condition
            branches:
              - when: {eq: [{param: Size}, s]}
                steps: [%s]
              - when: {eq: [{param: Size}, m]}
                steps: [%s]
            otherwise: [%s]
        """.formatted(step("small"), step("medium"), step("large"))));
    List<Object> top = Fixtures.list(t.artifact().definition().get("Steps"));
    assertEquals(List.of("size", "size-branch-2", "size-else"), names(top));
    assertEquals("[{'Type':'Not','Condition':{'Type':'Equals','LeftValue':{'Get':'Parameters.Size'},'RightValue':'s'}},"
        .replace('\'', '"') + "{\"Type\":\"Equals\",\"LeftValue\":{\"Get\":\"Parameters.Size\"},\"RightValue\":\"m\"}]",
        Fixtures.json(at(Fixtures.map(top.get(1)), "Arguments.Conditions")));
    assertEquals(2, Fixtures.list(at(Fixtures.map(top.get(2)), "Arguments.Conditions")).size());
    assertTrue(Fixtures.codes(t, "size").contains(SageMakerNote.CONDITION_LOWERED.code()));
  }

  @Test
  void aConditionInsideABranchIsHoistedWithTheBranchsGuard() {
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml("""
        parameters: [{name: A, type: boolean, default: true}, {name: B, type: boolean, default: true}]
        steps:
          - id: outer
            kind: condition
            branches:
              - when: {eq: [{param: A}, true]}
                steps:
                  - id: inner
                    kind: condition
                    branches:
                      - when: {eq: [{param: B}, true]}
                        steps: [%s]
        """.formatted(step("deep"))));
    Map<String, Map<String, Object>> steps = Fixtures.steps(t.artifact());
    assertEquals(List.of("outer", "inner"), names(t.artifact().definition().get("Steps")));
    assertEquals(List.of("outer"), steps.get("inner").get("DependsOn"));
    assertEquals(2, Fixtures.list(at(steps.get("inner"), "Arguments.Conditions")).size());
    assertEquals(List.of("deep"), names(at(steps.get("inner"), "Arguments.IfSteps")));
  }

  @Test
  void twoConditionsWithOneContinuationAreSerialised() {
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml("""
        parameters: [{name: A, type: boolean, default: true}, {name: B, type: boolean, default: true}]
        steps:
          - id: first
            kind: condition
            branches: [{when: {eq: [{param: A}, true]}, steps: [%s]}]
          - id: second
            kind: condition
            branches: [{when: {eq: [{param: B}, true]}, steps: [%s]}]
          - {id: join, %s, after: [first, second]}
        """.formatted(step("x"), step("y"), JOB)));
    assertTrue(Fixtures.codes(t, "second").contains(SageMakerNote.REJOIN_SERIALISED.code()));
    assertEquals(4, t.artifact().stepNames().get("join").size(), "one copy per path through both conditions");
  }

  @Test
  void aContinuationTooLargeToCopyStartsAtEvaluationWithAWarning() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      items.append(i == 0 ? "" : ", ").append(i);
    }
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml("""
        parameters: [{name: A, type: boolean, default: true}]
        steps:
          - id: gate
            kind: condition
            branches: [{when: {eq: [{param: A}, true]}, steps: [%s]}]
            otherwise: [%s]
          - id: fan
            kind: for-each
            after: [gate]
            items: [%s]
            steps: [%s]
        """.formatted(step("a"), step("b"), items, step("work"))));
    assertTrue(Fixtures.codes(t, "gate").contains(SageMakerNote.REJOIN_APPROXIMATED.code()));
    assertEquals(List.of("gate"), Fixtures.steps(t.artifact()).get("work-1").get("DependsOn"));
  }
}
