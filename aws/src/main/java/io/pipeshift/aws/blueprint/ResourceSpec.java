package io.pipeshift.aws.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.ir.Immutables;
import java.util.Map;
import java.util.Optional;

/**
 * One account-side resource a pipeline needs. ARNs of other resources are written with {@link Arns}
 * placeholders; {@link #logicalId()} is the CloudFormation logical id and the name placeholders use.
 */
public sealed interface ResourceSpec {

  String logicalId();

  /** The resource's name in the account (for CloudFormation only the pipeline's and state machine's are kept). */
  String name();

  /** How reports name the kind, e.g. {@code iam role}, {@code scheduler schedule}. */
  String label();

  /** An IAM role with a trust policy and one inline policy. */
  record Role(String logicalId, String name, String description, JsonNode trustPolicy, String policyName,
      JsonNode policy) implements ResourceSpec {
    @Override
    public String label() {
      return "iam role";
    }
  }

  /** A SageMaker pipeline. */
  record SageMakerPipeline(String logicalId, String name, Optional<String> description, String roleArn,
      JsonNode definition, Map<String, String> tags) implements ResourceSpec {
    public SageMakerPipeline {
      tags = Immutables.map(tags);
    }

    @Override
    public String label() {
      return "sagemaker pipeline";
    }
  }

  /**
   * A Step Functions state machine of type {@code STANDARD} or {@code EXPRESS}.
   *
   * @param substitutions the {@code ${name}} placeholders of the definition and their values ("" when the
   *     user gave none): deploy replaces them, CloudFormation makes them parameters
   */
  record StateMachine(String logicalId, String name, String type, String roleArn, JsonNode definition,
      Map<String, String> tags, Map<String, String> substitutions) implements ResourceSpec {
    public StateMachine {
      tags = Immutables.map(tags);
      substitutions = Immutables.map(substitutions);
    }

    /** The definition with every placeholder that has a value replaced. */
    public JsonNode substitutedDefinition() {
      return Json.mapStrings(definition, s -> {
        String out = s;
        for (Map.Entry<String, String> e : substitutions.entrySet()) {
          if (!e.getValue().isEmpty()) {
            out = out.replace("${" + e.getKey() + "}", e.getValue());
          }
        }
        return out;
      });
    }

    @Override
    public String label() {
      return "state machine";
    }
  }

  /** An EventBridge Scheduler schedule (default group) that starts a target. */
  record Schedule(String logicalId, String name, String description, String expression, String timezone,
      String targetArn, String roleArn) implements ResourceSpec {
    @Override
    public String label() {
      return "scheduler schedule";
    }
  }

  /** An EventBridge rule (default bus) with an event pattern and one target. */
  record Rule(String logicalId, String name, String description, JsonNode eventPattern, String targetId,
      String targetArn, String roleArn) implements ResourceSpec {
    @Override
    public String label() {
      return "events rule";
    }
  }
}
