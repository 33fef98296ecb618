package io.pipeshift.oracles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The sagemaker SDK (2.x) builds the one-step fixture pipeline offline. */
class SageMakerSdkSmokeTest {

  @Test
  void sdkBuildsOneStepPipelineDefinition() {
    JsonNode def = OracleCalls.sdkDefinition(Oracles.script("fixtures/one_step_pipeline.py"));

    assertEquals("2020-12-01", def.path("Version").asText(), def::toPrettyString);
    assertEquals(1, def.path("Steps").size(), def::toPrettyString);
    JsonNode step = def.path("Steps").path(0);
    assertEquals("Processing", step.path("Type").asText());
    assertEquals("Preprocess", step.path("Name").asText());
    assertEquals(
        "Parameters.InstanceCount",
        step.at("/Arguments/ProcessingResources/ClusterConfig/InstanceCount/Get").asText());
  }
}
