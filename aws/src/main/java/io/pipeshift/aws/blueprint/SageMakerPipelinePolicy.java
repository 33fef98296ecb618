package io.pipeshift.aws.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipeshift.fidelity.FidelityNote;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The least-privilege policy of the role a SageMaker pipeline runs with, derived from the definition the
 * emitter wrote (so it matches what runs): per step type the Create/Describe/Stop calls on that job type,
 * {@code iam:PassRole} for exactly the job roles named in the steps (only to SageMaker),
 * {@code lambda:InvokeFunction} on the named functions, {@code sqs:SendMessage} on callback queues,
 * {@code sagemaker:CreateModelPackage} in the named model package groups, and {@code s3:GetObject} under
 * the outputs that hold property files (the service reads them for JsonGet). A role or queue written as a
 * reference (not a literal) widens the resource to the account's roles or queues, with a note.
 */
public final class SageMakerPipelinePolicy {

  private static final Pattern QUEUE_URL = Pattern.compile("https://sqs\\.([^.]+)\\.amazonaws\\.com[^/]*/([^/]+)/([^/?]+)");
  private static final Pattern S3_URI = Pattern.compile("s3://([^/]+)/?(.*)");

  private final PolicyDocument policy = new PolicyDocument();
  private final Consumer<FidelityNote> notes;

  private SageMakerPipelinePolicy(Consumer<FidelityNote> notes) {
    this.notes = notes;
  }

  /** The policy for {@code definition}; what could only be granted broadly is reported to {@code notes}. */
  public static ObjectNode of(JsonNode definition, Consumer<FidelityNote> notes) {
    SageMakerPipelinePolicy p = new SageMakerPipelinePolicy(notes);
    p.steps(definition.path("Steps"));
    if (p.policy.isEmpty()) {
      // A pipeline of conditions and fail steps calls nothing; IAM needs at least one statement.
      p.policy.allow("DescribeOwnPipeline", List.of("sagemaker:DescribePipeline"),
          List.of(Arns.regional("sagemaker", "pipeline/*")));
    }
    return p.policy.build();
  }

  private void steps(JsonNode steps) {
    for (JsonNode step : steps) {
      step(step);
    }
  }

  private void step(JsonNode step) {
    String type = step.path("Type").asText();
    String name = step.path("Name").asText();
    JsonNode args = step.path("Arguments");
    switch (type) {
      case "Processing", "QualityCheck", "ClarifyCheck" -> job("Processing", "processing-job");
      case "Training", "NotebookJob" -> job("Training", "training-job");
      case "Tuning" -> {
        job("HyperParameterTuning", "hyper-parameter-tuning-job");
        policy.allow("TrainingJobs", List.of("sagemaker:DescribeTrainingJob", "sagemaker:ListTrainingJobsForHyperParameterTuningJob"),
            List.of(Arns.regional("sagemaker", "training-job/*")));
      }
      case "Transform" -> job("Transform", "transform-job");
      case "CreateModel", "Model" -> policy.allow("Models", List.of("sagemaker:CreateModel", "sagemaker:DescribeModel", "sagemaker:AddTags"),
          List.of(Arns.regional("sagemaker", "model/*")));
      case "RegisterModel" -> registerModel(args, name);
      case "EMR" -> emr(args);
      case "Lambda" -> lambda(step, name);
      case "Callback" -> callback(step, name);
      case "Condition" -> {
        steps(args.path("IfSteps"));
        steps(args.path("ElseSteps"));
      }
      default -> {
        // Fail, and any step type that calls no service with the pipeline's role.
      }
    }
    passRoles(args, name);
    propertyFiles(step, args, name);
  }

  private void job(String api, String resource) {
    policy.allow(api + "Jobs",
        List.of("sagemaker:Create" + api + "Job", "sagemaker:Describe" + api + "Job", "sagemaker:Stop" + api + "Job",
            "sagemaker:AddTags"),
        List.of(Arns.regional("sagemaker", resource + "/*")));
  }

  private void registerModel(JsonNode args, String step) {
    JsonNode group = args.path("ModelPackageGroupName");
    List<String> resources = new ArrayList<>();
    if (group.isTextual()) {
      String g = group.asText().toLowerCase(java.util.Locale.ROOT);
      resources.add(Arns.regional("sagemaker", "model-package-group/" + g));
      resources.add(Arns.regional("sagemaker", "model-package/" + g + "/*"));
    } else {
      resources.add(Arns.regional("sagemaker", "model-package-group/*"));
      resources.add(Arns.regional("sagemaker", "model-package/*"));
      notes.accept(BlueprintNote.BROAD_GRANT.at(step, "model package group is not a literal: the role may register in any group"));
    }
    policy.allow("RegisterModels", List.of("sagemaker:CreateModelPackage", "sagemaker:DescribeModelPackage", "sagemaker:AddTags"), resources);
  }

  private void emr(JsonNode args) {
    JsonNode cluster = args.path("ClusterId");
    String resource = cluster.isTextual()
        ? Arns.regional("elasticmapreduce", "cluster/" + cluster.asText())
        : Arns.regional("elasticmapreduce", "cluster/*");
    policy.allow("EmrSteps", List.of("elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:DescribeStep",
        "elasticmapreduce:CancelSteps", "elasticmapreduce:DescribeCluster"), List.of(resource));
  }

  private void lambda(JsonNode step, String name) {
    JsonNode fn = step.path("FunctionArn");
    if (fn.isTextual()) {
      policy.allow("InvokeFunctions", List.of("lambda:InvokeFunction"), List.of(fn.asText()));
    } else {
      policy.allow("InvokeFunctions", List.of("lambda:InvokeFunction"), List.of(Arns.regional("lambda", "function:*")));
      notes.accept(BlueprintNote.BROAD_GRANT.at(name, "function ARN is not a literal: the role may invoke any function"));
    }
  }

  private void callback(JsonNode step, String name) {
    JsonNode url = step.path("SqsQueueUrl");
    Matcher m = url.isTextual() ? QUEUE_URL.matcher(url.asText()) : null;
    if (m != null && m.matches()) {
      String region = m.group(1).equals("REGION") ? Arns.REGION : m.group(1);
      String account = m.group(2).equals("ACCOUNT_ID") ? Arns.ACCOUNT : m.group(2);
      policy.allow("CallbackQueues", List.of("sqs:SendMessage"),
          List.of("arn:" + Arns.PARTITION + ":sqs:" + region + ":" + account + ":" + m.group(3)));
    } else {
      policy.allow("CallbackQueues", List.of("sqs:SendMessage"), List.of(Arns.regional("sqs", "*")));
      notes.accept(BlueprintNote.BROAD_GRANT.at(name, "callback queue URL is not a literal SQS URL: the role may send to any queue"));
    }
  }

  /** iam:PassRole for every RoleArn in the step's arguments, at any depth. */
  private void passRoles(JsonNode args, String step) {
    List<JsonNode> roles = args.findValues("RoleArn");
    for (JsonNode role : roles) {
      if (role.isTextual()) {
        policy.allow("PassJobRoles", List.of("iam:PassRole"), List.of(role.asText()), passedToSageMaker());
      } else {
        policy.allow("PassJobRoles", List.of("iam:PassRole"), List.of(Arns.global("iam", "role/*")), passedToSageMaker());
        notes.accept(BlueprintNote.BROAD_GRANT.at(step, "job role is not a literal: the role may pass any role of the account to SageMaker"));
      }
    }
  }

  private static JsonNode passedToSageMaker() {
    ObjectNode c = Json.object();
    c.putObject("StringEquals").put("iam:PassedToService", "sagemaker.amazonaws.com");
    return c;
  }

  /** JsonGet reads property files from S3 with the pipeline's role. */
  private void propertyFiles(JsonNode step, JsonNode args, String name) {
    for (JsonNode file : step.path("PropertyFiles")) {
      String output = file.path("OutputName").asText();
      JsonNode uri = null;
      for (JsonNode o : args.path("ProcessingOutputConfig").path("Outputs")) {
        if (o.path("OutputName").asText().equals(output)) {
          uri = o.path("S3Output").path("S3Uri");
        }
      }
      Matcher m = uri != null && uri.isTextual() ? S3_URI.matcher(uri.asText()) : null;
      if (m != null && m.matches()) {
        String prefix = m.group(2).isEmpty() ? "" : m.group(2).replaceAll("/+$", "") + "/";
        policy.allow("ReadPropertyFiles", List.of("s3:GetObject"),
            List.of("arn:" + Arns.PARTITION + ":s3:::" + m.group(1) + "/" + prefix + "*"));
      } else {
        policy.allow("ReadPropertyFiles", List.of("s3:GetObject"), List.of("arn:" + Arns.PARTITION + ":s3:::*/*"));
        notes.accept(BlueprintNote.BROAD_GRANT.at(name, "property file output '" + output
            + "' has no literal S3 URI: the role may read any object"));
      }
    }
  }
}
