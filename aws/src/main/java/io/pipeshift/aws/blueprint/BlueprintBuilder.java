package io.pipeshift.aws.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.aws.AwsFailure;
import io.pipeshift.aws.DeployTarget;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Trigger;
import io.pipeshift.spi.EmittedFiles;
import io.pipeshift.spi.PipelineTarget;
import io.pipeshift.spi.TargetOptions;
import io.pipeshift.time.EventBridgeCron;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Builds the {@link Blueprint} of a pipeline for a target: emits the definition with the target's
 * emitter (through {@link PipelineTarget}, with {@code infra=true} so companions such as the state
 * machine's IAM policy are written), names every resource ({@link ResourceNames}), derives the roles'
 * policies and turns triggers into Scheduler schedules (cron and rate, keeping the time zone; crons
 * converted by {@link EventBridgeCron}) and EventBridge rules (event patterns as written).
 */
public final class BlueprintBuilder {

  public static final String EXECUTION_ROLE = "ExecutionRole";
  public static final String TRIGGER_ROLE = "TriggerRole";
  public static final String PIPELINE = "Pipeline";
  public static final String STATE_MACHINE = "StateMachine";
  /** Marks the schedules and rules pipeshift manages, at the start of their description. */
  public static final String MANAGED_MARK = "pipeshift:";

  private BlueprintBuilder() {}

  public static Blueprint build(Pipeline pipeline, DeployTarget target, BlueprintOptions options) {
    PipelineTarget emitter = emitter(target);
    Map<String, String> o = new LinkedHashMap<>();
    o.put("infra", "true");
    o.put("source", pipeline.name());
    Translation<EmittedFiles> emitted = emitter.emit(pipeline, new TargetOptions(o));
    List<FidelityNote> notes = new ArrayList<>(emitted.notes());
    JsonNode definition = Json.parse(emitted.artifact().main());

    String wanted = options.name().orElse(pipeline.name());
    String base = target == DeployTarget.SAGEMAKER ? ResourceNames.pipeline(wanted) : ResourceNames.stateMachine(wanted);
    if (!base.equals(wanted)) {
      notes.add(BlueprintNote.NAME_ADJUSTED.at(null, "'" + wanted + "' is not a valid " + target.resourceLabel()
          + " name; deployed as '" + base + "' (choose another with --name)"));
    }

    List<ResourceSpec> resources = new ArrayList<>();
    String roleArn;
    if (options.roleArn().isPresent()) {
      roleArn = options.roleArn().get();
    } else {
      resources.add(executionRole(target, base, definition, emitted.artifact().companions(), notes));
      roleArn = Arns.of(EXECUTION_ROLE);
    }
    String mainId = target == DeployTarget.SAGEMAKER ? PIPELINE : STATE_MACHINE;
    if (target == DeployTarget.SAGEMAKER) {
      placeholders(definition, notes);
      resources.add(new ResourceSpec.SageMakerPipeline(PIPELINE, base, pipeline.description(), roleArn, definition, pipeline.tags()));
    } else {
      AslCompanions asl = new AslCompanions(emitted.artifact().companions());
      Map<String, String> substitutions = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      for (String placeholder : asl.substitutions()) {
        String value = options.substitutions().getOrDefault(placeholder, "");
        substitutions.put(placeholder, value);
        if (value.isEmpty()) {
          missing.add("${" + placeholder + "}");
        }
      }
      for (String given : options.substitutions().keySet()) {
        if (!substitutions.containsKey(given)) {
          throw new AwsFailure(AwsFailure.Kind.VALIDATION, "--substitute " + given + ": the definition has no ${"
              + given + "}" + (substitutions.isEmpty() ? "" : "; it has " + String.join(", ", substitutions.keySet())));
        }
      }
      if (!missing.isEmpty()) {
        notes.add(BlueprintNote.PLACEHOLDER_IN_DEFINITION.at(null, "the definition refers to " + String.join(", ", missing)
            + " (activities, connections): give each with --substitute NAME=VALUE, or the state machine cannot run"));
      }
      resources.add(new ResourceSpec.StateMachine(STATE_MACHINE, base, asl.type(), roleArn, definition, pipeline.tags(),
          substitutions));
    }

    List<ResourceSpec> triggers = triggers(pipeline, target, base, mainId, notes);
    if (!triggers.isEmpty()) {
      String start = target == DeployTarget.SAGEMAKER ? "sagemaker:StartPipelineExecution" : "states:StartExecution";
      JsonNode policy = new PolicyDocument().allow("StartTarget", List.of(start), List.of(Arns.of(mainId))).build();
      resources.add(new ResourceSpec.Role(TRIGGER_ROLE, ResourceNames.triggerRole(base),
          "Lets EventBridge start " + target.resourceLabel() + " " + base + " (pipeshift)",
          PolicyDocument.trust("scheduler.amazonaws.com", "events.amazonaws.com"), "start-" + mainId.toLowerCase(java.util.Locale.ROOT), policy));
      resources.addAll(triggers);
    }
    return new Blueprint(target, base, resources,
        List.of(ResourceNames.schedulePrefix(base), ResourceNames.rulePrefix(base)), notes);
  }

  /** The emitter registered for the target, or a clear failure when this build does not include it. */
  public static PipelineTarget emitter(DeployTarget target) {
    for (PipelineTarget t : ServiceLoader.load(PipelineTarget.class, BlueprintBuilder.class.getClassLoader())) {
      if (t.id().equals(target.emitterId())) {
        return t;
      }
    }
    throw new AwsFailure(AwsFailure.Kind.NOT_AVAILABLE, "the '" + target.emitterId()
        + "' emitter is not part of this build, so --target " + target.cliName() + " is not available");
  }

  private static ResourceSpec.Role executionRole(DeployTarget target, String base, JsonNode definition,
      Map<String, String> companions, List<FidelityNote> notes) {
    if (target == DeployTarget.SAGEMAKER) {
      return new ResourceSpec.Role(EXECUTION_ROLE, ResourceNames.executionRole(base),
          "Runs SageMaker pipeline " + base + " (pipeshift)", PolicyDocument.trust("sagemaker.amazonaws.com"),
          "pipeline-steps", SageMakerPipelinePolicy.of(definition, notes::add));
    }
    JsonNode policy = new AslCompanions(companions).rolePolicy().orElseGet(() -> {
      notes.add(BlueprintNote.NO_POLICY.at(null, "the asl emitter wrote no IAM policy: the state machine role"
          + " may only write its own logs; give a role with --role"));
      return new PolicyDocument().allow("Logs", List.of("logs:CreateLogDelivery", "logs:GetLogDelivery"),
          List.of("*")).build();
    });
    return new ResourceSpec.Role(EXECUTION_ROLE, ResourceNames.executionRole(base),
        "Runs state machine " + base + " (pipeshift)", PolicyDocument.trust("states.amazonaws.com"),
        "state-machine-tasks", policy);
  }

  private static List<ResourceSpec> triggers(Pipeline p, DeployTarget target, String base, String mainId,
      List<FidelityNote> notes) {
    List<ResourceSpec> out = new ArrayList<>();
    String schedulePrefix = ResourceNames.schedulePrefix(base);
    String rulePrefix = ResourceNames.rulePrefix(base);
    String what = target.resourceLabel() + " " + base;
    int schedules = 0;
    int rules = 0;
    for (Trigger t : p.triggers()) {
      if (t instanceof Trigger.Cron c) {
        List<String> expressions = EventBridgeCron.expressions(c.cron());
        if (expressions.size() > 1) {
          notes.add(BlueprintNote.TWO_SCHEDULES.at(null, "cron '" + c.cron().text()
              + "' restricts both day-of-month and day-of-week (either may match): schedules " + expressions));
        }
        for (String e : expressions) {
          schedules++;
          out.add(new ResourceSpec.Schedule("Schedule" + schedules, schedulePrefix + schedules,
              MANAGED_MARK + " starts " + what + " on cron '" + c.cron().text() + "' (" + c.timezone() + ")",
              e, c.timezone(), Arns.of(mainId), Arns.of(TRIGGER_ROLE)));
        }
      } else if (t instanceof Trigger.Rate r) {
        Duration every = r.every();
        long minutes = Math.max(1, (every.toSeconds() + 59) / 60);
        if (every.toSeconds() % 60 != 0 || every.getNano() != 0 || every.toSeconds() < 60) {
          notes.add(BlueprintNote.RATE_ROUNDED.at(null, "rate " + every + " rounded up to " + minutes + " minute(s)"));
        }
        schedules++;
        String e = EventBridgeCron.rate(Duration.ofMinutes(minutes));
        out.add(new ResourceSpec.Schedule("Schedule" + schedules, schedulePrefix + schedules,
            MANAGED_MARK + " starts " + what + " every " + io.pipeshift.time.Durations.format(every),
            e, "UTC", Arns.of(mainId), Arns.of(TRIGGER_ROLE)));
      } else if (t instanceof Trigger.Event ev) {
        rules++;
        out.add(new ResourceSpec.Rule("Rule" + rules, rulePrefix + rules,
            MANAGED_MARK + " starts " + what + " on matching events", Json.tree(ev.pattern()),
            "start-" + mainId.toLowerCase(java.util.Locale.ROOT), Arns.of(mainId), Arns.of(TRIGGER_ROLE)));
      } else {
        notes.add(BlueprintNote.MANUAL_TRIGGER.at(null, "manual trigger: start runs by API or console; nothing to create"));
      }
    }
    return out;
  }

  /** Callback queue URLs the emitter left as placeholders do not work in an account: say so. */
  private static void placeholders(JsonNode definition, List<FidelityNote> notes) {
    for (JsonNode url : definition.findValues("SqsQueueUrl")) {
      if (url.isTextual() && (url.asText().contains("REGION") || url.asText().contains("ACCOUNT_ID"))) {
        notes.add(BlueprintNote.PLACEHOLDER_IN_DEFINITION.at(null, "callback steps send to the placeholder queue "
            + url.asText() + ": runs wait until the URL names a real queue read by a worker"));
        return;
      }
    }
  }
}
