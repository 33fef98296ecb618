package io.pipeshift.ir.kinds;

import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.util.Map;
import java.util.Optional;

/**
 * Calls an HTTP API. {@code connection} names the credentials holder (an EventBridge connection ARN for
 * Step Functions, an Airflow connection id for Airflow).
 */
public record HttpSpec(
    @DefaultValue("get") Method method,
    Value url,
    Map<String, Value> headers,
    Optional<Value> body,
    Optional<String> connection)
    implements StepSpec {

  public HttpSpec {
    headers = Immutables.map(headers);
  }

  public enum Method {
    GET,
    POST,
    PUT,
    PATCH,
    DELETE
  }
}
