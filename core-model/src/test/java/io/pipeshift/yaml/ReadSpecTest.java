package io.pipeshift.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.HttpSpec;
import io.pipeshift.ir.kinds.StepSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadSpecTest {

  @Test
  void fieldsWithValueLeavesBindLikeTheYamlWould() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("method", "post");
    fields.put("url", new Value.Join("", List.of(Value.Literal.of("https://x/"), new Value.ParameterRef("P"))));
    fields.put("headers", Map.of("Accept", "application/json"));
    StepSpec spec = new PipelineReader().readSpec("test", "http", fields);
    assertEquals(new HttpSpec(HttpSpec.Method.POST,
        new Value.Join("", List.of(Value.Literal.of("https://x/"), new Value.ParameterRef("P"))),
        Map.of("Accept", Value.Literal.of("application/json")), Optional.empty(), Optional.empty()), spec);
  }

  @Test
  void unknownFieldsAreLocatedProblems() {
    assertThrows(InvalidInputException.class, () -> new PipelineReader().readSpec("test", "http", Map.of("nope", 1)));
  }
}
