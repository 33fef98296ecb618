package io.pipeshift.aws.imports;

import io.pipeshift.aws.AwsFailure;
import io.pipeshift.aws.blueprint.ResourceNames;
import io.pipeshift.aws.deploy.Account;
import io.pipeshift.aws.deploy.AwsClients;
import io.pipeshift.aws.deploy.AwsErrors;
import io.pipeshift.aws.deploy.Deployer;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Trigger;
import io.pipeshift.spi.PipelineSource;
import io.pipeshift.yaml.LoadedPipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.model.DescribePipelineResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTagsResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/**
 * A deployed SageMaker pipeline or state machine back into the IR: the definition is read by the
 * registered importer ({@link PipelineSource} {@code sagemaker} or {@code asl}), then the account adds
 * what a definition does not hold: the name, description and tags, and the triggers found in EventBridge
 * ({@link TriggerFinder}: Scheduler schedules and rules whose target is the pipeline).
 */
public final class AwsImporter {

  private final AwsClients clients;

  public AwsImporter(AwsClients clients) {
    this.clients = clients;
  }

  /** {@code pipeshift import aws --pipeline NAME}. */
  public Translation<Pipeline> pipeline(String name) {
    DescribePipelineResponse d;
    try {
      d = clients.sageMaker().describePipeline(b -> b.pipelineName(name));
    } catch (AwsServiceException e) {
      if (AwsErrors.isNotFound(e)) {
        throw new AwsFailure(AwsFailure.Kind.NOT_FOUND, "no SageMaker pipeline named '" + name + "' in "
            + clients.region().id(), e);
      }
      throw AwsErrors.of(e, "describe sagemaker pipeline " + name);
    } catch (SdkException e) {
      throw AwsErrors.of(e, "describe sagemaker pipeline " + name);
    }
    Translation<LoadedPipeline> read = read("sagemaker", d.pipelineName(), d.pipelineDefinition());
    Map<String, String> tags = call("list the tags of sagemaker pipeline " + name, () -> sageMakerTags(d.pipelineArn()));
    Optional<String> description = Optional.ofNullable(d.pipelineDescription()).filter(s -> !s.isBlank());
    return complete(read, d.pipelineName(), description, tags, d.pipelineArn());
  }

  /** {@code pipeshift import aws --state-machine ARN} (a bare name is looked up in this account and region). */
  public Translation<Pipeline> stateMachine(String arnOrName) {
    String arn = arnOrName;
    if (!arnOrName.startsWith("arn:")) {
      Account a = Deployer.account(clients);
      arn = "arn:" + a.partition() + ":states:" + a.region() + ":" + a.id() + ":stateMachine:" + arnOrName;
    }
    String machine = arn;
    DescribeStateMachineResponse d;
    try {
      d = clients.sfn().describeStateMachine(b -> b.stateMachineArn(machine));
    } catch (StateMachineDoesNotExistException e) {
      throw new AwsFailure(AwsFailure.Kind.NOT_FOUND, "no state machine " + machine, e);
    } catch (SdkException e) {
      throw AwsErrors.of(e, "describe state machine " + machine);
    }
    Translation<LoadedPipeline> read = read("asl", d.name(), d.definition());
    Map<String, String> tags = call("list the tags of state machine " + d.name(), () -> {
      Map<String, String> t = new LinkedHashMap<>();
      clients.sfn().listTagsForResource(b -> b.resourceArn(machine)).tags().stream()
          .filter(tag -> !tag.key().startsWith("aws:")).forEach(tag -> t.put(tag.key(), tag.value()));
      return t;
    });
    return complete(read, d.name(), Optional.ofNullable(d.description()).filter(s -> !s.isBlank()), tags, machine);
  }

  private Translation<Pipeline> complete(Translation<LoadedPipeline> read, String name, Optional<String> description,
      Map<String, String> tags, String arn) {
    List<FidelityNote> notes = new ArrayList<>(read.notes());
    List<Trigger> triggers = call("find the triggers of " + name, () -> new TriggerFinder(clients, notes::add).triggers(arn));
    Pipeline p = read.artifact().pipeline();
    Pipeline out = new Pipeline(name, description.or(p::description), tags.isEmpty() ? p.tags() : tags,
        p.parameters(), triggers, p.defaults(), p.steps(), p.extensions());
    return new Translation<>(out, notes);
  }

  /** Runs the registered importer on the definition, written to a file named after the resource. */
  private static Translation<LoadedPipeline> read(String sourceId, String name, String definition) {
    PipelineSource source = ServiceLoader.load(PipelineSource.class, AwsImporter.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get).filter(s -> s.id().equals(sourceId)).findFirst()
        .orElseThrow(() -> new AwsFailure(AwsFailure.Kind.NOT_AVAILABLE, "the '" + sourceId
            + "' importer is not part of this build, so this definition cannot be read"));
    Path dir = null;
    try {
      dir = Files.createTempDirectory("pipeshift-import-");
      Path file = dir.resolve(ResourceNames.stateMachine(name) + ".json");
      Files.writeString(file, definition == null ? "" : definition, StandardCharsets.UTF_8);
      return source.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  private Map<String, String> sageMakerTags(String arn) {
    Map<String, String> tags = new LinkedHashMap<>();
    String token = null;
    do {
      String t = token;
      ListTagsResponse page = clients.sageMaker().listTags(b -> b.resourceArn(arn).nextToken(t));
      page.tags().stream().filter(tag -> !tag.key().startsWith("aws:") && !tag.key().startsWith("sagemaker:"))
          .forEach(tag -> tags.put(tag.key(), tag.value()));
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return tags;
  }

  private static <T> T call(String action, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw AwsErrors.of(e, action);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory
    }
  }
}
