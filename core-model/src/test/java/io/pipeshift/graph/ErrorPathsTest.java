package io.pipeshift.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.BashSpec;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorPathsTest {

  private static Step bash(String id, String... after) {
    return Step.of(id, new BashSpec(Value.Literal.of("true"), Map.of())).withAfter(List.of(after));
  }

  private static List<String> ids(List<Step> steps) {
    return steps.stream().map(Step::id).toList();
  }

  @Test
  void handlersAndWhatFollowsThemFormTheirOwnPaths() throws Exception {
    Pipeline p = new PipelineLoader().load(Examples.file("multi-service.yaml")).pipeline();
    ErrorPaths paths = ErrorPaths.of(p.steps());
    assertEquals(List.of("extract", "validate", "features", "train", "notify"), ids(paths.normal()));
    assertEquals(List.of("compensate"), List.copyOf(paths.byHandler().keySet()));
    assertEquals(List.of("compensate", "alert-and-fail"), ids(paths.byHandler().get("compensate")));
    assertTrue(paths.crossing().isEmpty());
  }

  @Test
  void aListWithoutCatchesIsAllNormal() {
    ErrorPaths paths = ErrorPaths.of(List.of(bash("a"), bash("b", "a")));
    assertTrue(paths.none());
    assertEquals(List.of("a", "b"), ids(paths.normal()));
  }

  @Test
  void dependenciesBetweenPathsAreReportedAsCrossing() {
    Step risky = bash("risky").withCatches(List.of(new CatchClause(List.of(ErrorClass.ALL), "cleanup")));
    Step other = bash("other").withCatches(List.of(new CatchClause(List.of(ErrorClass.ALL), "alert")));
    ErrorPaths paths = ErrorPaths.of(List.of(risky, other, bash("cleanup", "other"), bash("alert"),
        bash("report", "cleanup", "alert")));
    assertEquals(List.of("risky", "other"), ids(paths.normal()));
    assertEquals(List.of("cleanup", "report"), ids(paths.byHandler().get("cleanup")));
    assertEquals(List.of("alert"), ids(paths.byHandler().get("alert")));
    assertEquals(List.of(List.of("other", "cleanup"), List.of("alert", "report")), paths.crossing());
  }
}
