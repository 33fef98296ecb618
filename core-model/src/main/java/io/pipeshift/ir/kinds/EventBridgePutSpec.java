package io.pipeshift.ir.kinds;

import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.util.Map;

/** Puts one event on an EventBridge bus. */
public record EventBridgePutSpec(
    @DefaultValue("default") String eventBus, String source, String detailType, Map<String, Value> detail)
    implements StepSpec {

  public EventBridgePutSpec {
    detail = Immutables.map(detail);
  }
}
