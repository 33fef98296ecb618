package io.pipeshift.aws.deploy;

import io.pipeshift.aws.blueprint.Json;
import io.pipeshift.aws.blueprint.ResourceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribePipelineResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/** SageMaker pipelines: definition (compared as JSON), role, description and tags. */
final class SageMakerPipelineHandler implements ResourceHandler<ResourceSpec.SageMakerPipeline> {

  private final SageMakerClient sageMaker;
  private final Duration roleSettleTime;

  SageMakerPipelineHandler(SageMakerClient sageMaker, Duration roleSettleTime) {
    this.sageMaker = sageMaker;
    this.roleSettleTime = roleSettleTime;
  }

  @Override
  public Planned plan(ResourceSpec.SageMakerPipeline spec, Resolver r) {
    DescribePipelineResponse d;
    try {
      d = sageMaker.describePipeline(b -> b.pipelineName(spec.name()));
    } catch (AwsServiceException e) {
      if (AwsErrors.isNotFound(e)) {
        return Planned.create(r.arn("sagemaker", "pipeline/" + spec.name().toLowerCase(Locale.ROOT), true));
      }
      throw e;
    }
    List<String> reasons = new ArrayList<>();
    if (d.pipelineDefinition() == null || !Json.sameValue(Json.parse(d.pipelineDefinition()), spec.definition())) {
      reasons.add("definition");
    }
    if (!Objects.equals(d.roleArn(), r.resolve(spec.roleArn()))) {
      reasons.add("role");
    }
    if (!Objects.equals(blankToNull(d.pipelineDescription()), spec.description().orElse(null))) {
      reasons.add("description");
    }
    if (!tags(d.pipelineArn()).equals(spec.tags())) {
      reasons.add("tags");
    }
    return Planned.compare(reasons, d.pipelineArn());
  }

  @Override
  public String apply(ResourceSpec.SageMakerPipeline spec, Resolver r, Planned planned, Progress progress) {
    String role = r.resolve(spec.roleArn());
    String definition = Json.compact(spec.definition());
    if (planned.action() == ChangeAction.CREATE) {
      List<Tag> tags = new ArrayList<>();
      spec.tags().forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
      String arn = RoleSettling.call(() -> sageMaker.createPipeline(b -> {
        b.pipelineName(spec.name()).pipelineDefinition(definition).roleArn(role);
        spec.description().ifPresent(b::pipelineDescription);
        if (!tags.isEmpty()) {
          b.tags(tags);
        }
      }).pipelineArn(), role, r, roleSettleTime);
      progress.did("created sagemaker pipeline " + spec.name());
      return arn;
    }
    if (planned.differs("definition") || planned.differs("role") || planned.differs("description")) {
      RoleSettling.call(() -> sageMaker.updatePipeline(b -> {
        b.pipelineName(spec.name()).pipelineDefinition(definition).roleArn(role);
        spec.description().ifPresent(b::pipelineDescription);
      }), role, r, roleSettleTime);
      progress.did("updated sagemaker pipeline " + spec.name());
    }
    if (planned.differs("tags")) {
      Map<String, String> current = tags(planned.arn());
      List<String> removed = current.keySet().stream().filter(k -> !spec.tags().containsKey(k)).toList();
      if (!removed.isEmpty()) {
        sageMaker.deleteTags(b -> b.resourceArn(planned.arn()).tagKeys(removed));
      }
      List<Tag> changed = new ArrayList<>();
      spec.tags().forEach((k, v) -> {
        if (!v.equals(current.get(k))) {
          changed.add(Tag.builder().key(k).value(v).build());
        }
      });
      if (!changed.isEmpty()) {
        sageMaker.addTags(b -> b.resourceArn(planned.arn()).tags(changed));
      }
      progress.did("updated the tags of sagemaker pipeline " + spec.name());
    }
    return planned.arn();
  }

  /** The pipeline's own tags (those AWS adds, {@code aws:} and {@code sagemaker:}, left out). */
  Map<String, String> tags(String arn) {
    Map<String, String> tags = new LinkedHashMap<>();
    String token = null;
    do {
      String t = token;
      ListTagsResponse page = sageMaker.listTags(b -> b.resourceArn(arn).nextToken(t));
      for (Tag tag : page.tags()) {
        if (!tag.key().startsWith("aws:") && !tag.key().startsWith("sagemaker:")) {
          tags.put(tag.key(), tag.value());
        }
      }
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return tags;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
