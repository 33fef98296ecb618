package io.pipeshift.oracles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** botocore's ParamValidator accepts a complete CreateTrainingJob request and flags a missing field. */
class BotocoreValidateSmokeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void flagsCreateTrainingJobMissingRequiredField() throws Exception {
    String complete = """
        {"TrainingJobName": "pipeshift-train",
         "RoleArn": "arn:aws:iam::123456789012:role/pipeshift-test",
         "AlgorithmSpecification": {"TrainingImage": "123456789012.dkr.ecr.us-east-1.amazonaws.com/t:1",
                                    "TrainingInputMode": "File"},
         "OutputDataConfig": {"S3OutputPath": "s3://pipeshift-test-bucket/model/"},
         "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 30},
         "StoppingCondition": {"MaxRuntimeInSeconds": 3600}}
        """;
    JsonNode requests = JSON.readTree("""
        [{"service": "sagemaker", "operation": "CreateTrainingJob", "params": %s},
         {"service": "sagemaker", "operation": "CreateTrainingJob", "params": %s}]
        """.formatted(complete, complete.replace("\"RoleArn\"", "\"NotRoleArn\"")));

    JsonNode results = OracleCalls.botocoreValidate(requests);

    assertEquals(2, results.size(), results::toPrettyString);
    assertTrue(results.path(0).path("valid").asBoolean(), results::toPrettyString);
    assertFalse(results.path(1).path("valid").asBoolean(), results::toPrettyString);
    String errors = results.path(1).path("errors").asText();
    assertTrue(errors.contains("Missing required parameter") && errors.contains("RoleArn"), errors);
    assertTrue(errors.contains("Unknown parameter") && errors.contains("NotRoleArn"), errors);
  }
}
