package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A step on an EMR cluster: an existing one ({@code clusterId}) or one created from {@code clusterConfig}. */
public record EmrSpec(
    Optional<String> clusterId,
    Map<String, Object> clusterConfig,
    String jar,
    List<Value> args,
    Optional<String> mainClass)
    implements StepSpec {

  public EmrSpec {
    clusterConfig = Immutables.treeMap(clusterConfig);
    args = List.copyOf(args);
  }
}
