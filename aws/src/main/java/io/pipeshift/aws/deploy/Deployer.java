package io.pipeshift.aws.deploy;

import io.pipeshift.aws.AwsFailure;
import io.pipeshift.aws.blueprint.Blueprint;
import io.pipeshift.aws.blueprint.BlueprintBuilder;
import io.pipeshift.aws.blueprint.BlueprintNote;
import io.pipeshift.aws.blueprint.ResourceSpec;
import io.pipeshift.fidelity.FidelityNote;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Brings an account to a {@link Blueprint}'s state, resource by resource in the blueprint's order: each
 * is described, compared with what pipeshift would write, and created, updated or left alone. Schedules
 * and rules pipeshift made for triggers the pipeline no longer has are deleted. A second run with the
 * same input changes nothing. A dry run only describes and compares.
 *
 * <p>A failure stops the run with an {@link AwsFailure} that lists every change AWS had accepted and
 * every resource not yet done; running again completes the rest, because every step is idempotent.
 */
public final class Deployer {

  private final AwsClients clients;
  private final DeployOptions options;
  private final Consumer<Change> listener;
  private final List<FidelityNote> notes = new ArrayList<>();

  /** {@code listener} hears each change as it happens (the CLI prints it). */
  public Deployer(AwsClients clients, DeployOptions options, Consumer<Change> listener) {
    this.clients = clients;
    this.options = options;
    this.listener = listener;
  }

  /** Notes of the deployment itself (e.g. a validation API the endpoint lacks). */
  public List<FidelityNote> notes() {
    return List.copyOf(notes);
  }

  /** Who the credentials belong to: the first call, which also proves they work. */
  public static Account account(AwsClients clients) {
    GetCallerIdentityResponse id;
    try {
      id = clients.sts().getCallerIdentity();
    } catch (SdkException e) {
      throw AwsErrors.of(e, "sts:GetCallerIdentity");
    }
    String partition = id.arn() != null && id.arn().startsWith("arn:") ? id.arn().split(":")[1] : "aws";
    return new Account(id.account(), partition, clients.region().id(), id.arn());
  }

  public DeployReport deploy(Blueprint blueprint) {
    Account account = account(clients);
    Resolver resolver = new Resolver(account);
    checkGivenRole(blueprint, account);
    Progress progress = new Progress();
    List<Change> changes = new ArrayList<>();
    List<ResourceSpec> resources = blueprint.resources();
    String mainArn = null;
    for (int i = 0; i < resources.size(); i++) {
      ResourceSpec spec = resources.get(i);
      String action = "describing";
      try {
        Planned planned = plan(spec, resolver);
        String arn = planned.arn();
        if (!options.dryRun() && planned.action() != ChangeAction.UNCHANGED) {
          action = planned.action().planned() + " " + spec.label() + " " + spec.name();
          arn = apply(spec, resolver, planned, progress);
        }
        resolver.arn(spec.logicalId(), arn);
        if (spec == blueprint.main()) {
          mainArn = arn;
        }
        Change c = new Change(planned.action(), spec.label(), spec.name(), planned.reasons());
        changes.add(c);
        listener.accept(c);
      } catch (SdkException | AwsFailure e) {
        throw failure(e, spec, action, progress, resources.subList(i, resources.size()));
      }
    }
    removeStaleTriggers(blueprint, changes, progress);
    return new DeployReport(blueprint.baseName(), options.dryRun(), changes, mainArn);
  }

  private Planned plan(ResourceSpec spec, Resolver r) {
    if (spec instanceof ResourceSpec.Role s) {
      return new RoleHandler(clients.iam()).plan(s, r);
    } else if (spec instanceof ResourceSpec.SageMakerPipeline s) {
      return new SageMakerPipelineHandler(clients.sageMaker(), options.roleSettleTime()).plan(s, r);
    } else if (spec instanceof ResourceSpec.StateMachine s) {
      return new StateMachineHandler(clients.sfn(), options.roleSettleTime(), notes::add).plan(s, r);
    } else if (spec instanceof ResourceSpec.Schedule s) {
      return new ScheduleHandler(clients.scheduler()).plan(s, r);
    }
    return new RuleHandler(clients.events()).plan((ResourceSpec.Rule) spec, r);
  }

  private String apply(ResourceSpec spec, Resolver r, Planned p, Progress progress) {
    if (spec instanceof ResourceSpec.Role s) {
      return new RoleHandler(clients.iam()).apply(s, r, p, progress);
    } else if (spec instanceof ResourceSpec.SageMakerPipeline s) {
      return new SageMakerPipelineHandler(clients.sageMaker(), options.roleSettleTime()).apply(s, r, p, progress);
    } else if (spec instanceof ResourceSpec.StateMachine s) {
      return new StateMachineHandler(clients.sfn(), options.roleSettleTime(), notes::add).apply(s, r, p, progress);
    } else if (spec instanceof ResourceSpec.Schedule s) {
      return new ScheduleHandler(clients.scheduler()).apply(s, r, p, progress);
    }
    return new RuleHandler(clients.events()).apply((ResourceSpec.Rule) spec, r, p, progress);
  }

  /** A role given with --role must exist: checked when it is in the caller's account and IAM lets us look. */
  private void checkGivenRole(Blueprint blueprint, Account account) {
    String role = roleOf(blueprint.main());
    if (role.contains("${")) {
      return; // the blueprint's own role
    }
    String[] parts = role.split(":", 6);
    if (parts.length < 6 || !parts[2].equals("iam") || !parts[5].startsWith("role/")) {
      throw new AwsFailure(AwsFailure.Kind.MISSING_ROLE, "--role '" + role + "' is not an IAM role ARN"
          + " (arn:aws:iam::ACCOUNT:role/NAME)");
    }
    if (!parts[4].equals(account.id())) {
      notes.add(BlueprintNote.ROLE_NOT_CHECKED.at(null, "role " + role + " is in another account; not checked"));
      return;
    }
    String name = parts[5].substring(parts[5].lastIndexOf('/') + 1);
    try {
      clients.iam().getRole(b -> b.roleName(name));
    } catch (NoSuchEntityException e) {
      throw new AwsFailure(AwsFailure.Kind.MISSING_ROLE, "the role given with --role does not exist: " + role, e);
    } catch (AwsServiceException e) {
      AwsFailure f = AwsErrors.of(e, "iam:GetRole on role " + name);
      if (f.kind() != AwsFailure.Kind.ACCESS_DENIED) {
        throw f;
      }
      notes.add(BlueprintNote.ROLE_NOT_CHECKED.at(null, "not allowed to read role " + name + " (iam:GetRole):"
          + " its existence was not checked"));
    }
  }

  private static String roleOf(ResourceSpec main) {
    return main instanceof ResourceSpec.SageMakerPipeline p ? p.roleArn() : ((ResourceSpec.StateMachine) main).roleArn();
  }

  /** Deletes schedules and rules pipeshift made for this pipeline whose trigger is gone. */
  private void removeStaleTriggers(Blueprint blueprint, List<Change> changes, Progress progress) {
    Set<String> wanted = new HashSet<>();
    blueprint.resources().forEach(r -> wanted.add(r.name()));
    String mark = BlueprintBuilder.MANAGED_MARK + " starts " + blueprint.target().resourceLabel() + " "
        + blueprint.baseName() + " ";
    String schedulePrefix = blueprint.triggerPrefixes().get(0);
    String rulePrefix = blueprint.triggerPrefixes().get(1);
    String action = "listing schedules named " + schedulePrefix + "*";
    try {
      for (String name : staleSchedules(schedulePrefix, wanted, mark)) {
        action = "delete scheduler schedule " + name;
        if (!options.dryRun()) {
          clients.scheduler().deleteSchedule(b -> b.name(name));
          progress.did("deleted scheduler schedule " + name);
        }
        record(changes, new Change(ChangeAction.DELETE, "scheduler schedule", name, List.of("trigger removed")));
      }
      action = "listing rules named " + rulePrefix + "*";
      for (String name : staleRules(rulePrefix, wanted, mark)) {
        action = "delete events rule " + name;
        if (!options.dryRun()) {
          List<String> ids = clients.events().listTargetsByRule(b -> b.rule(name)).targets().stream().map(Target::id).toList();
          if (!ids.isEmpty()) {
            clients.events().removeTargets(b -> b.rule(name).ids(ids));
          }
          clients.events().deleteRule(b -> b.name(name));
          progress.did("deleted events rule " + name);
        }
        record(changes, new Change(ChangeAction.DELETE, "events rule", name, List.of("trigger removed")));
      }
    } catch (SdkException e) {
      throw wrap(e, action).withProgress(progress.done(), List.of(action));
    }
  }

  private void record(List<Change> changes, Change c) {
    changes.add(c);
    listener.accept(c);
  }

  private List<String> staleSchedules(String prefix, Set<String> wanted, String mark) {
    List<String> stale = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ListSchedulesResponse page = clients.scheduler().listSchedules(b -> b.namePrefix(prefix).nextToken(t));
      for (ScheduleSummary s : page.schedules()) {
        if (s.name().startsWith(prefix) && !wanted.contains(s.name())
            && (s.groupName() == null || s.groupName().equals("default"))) {
          GetScheduleResponse full = clients.scheduler().getSchedule(b -> b.name(s.name()));
          if (full.description() != null && full.description().startsWith(mark)) {
            stale.add(s.name());
          }
        }
      }
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return stale.stream().sorted().toList();
  }

  private List<String> staleRules(String prefix, Set<String> wanted, String mark) {
    List<String> stale = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ListRulesResponse page = clients.events().listRules(b -> b.namePrefix(prefix).nextToken(t));
      for (Rule rule : page.rules()) {
        if (rule.name().startsWith(prefix) && !wanted.contains(rule.name())
            && rule.description() != null && rule.description().startsWith(mark)) {
          stale.add(rule.name());
        }
      }
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return stale.stream().sorted().toList();
  }

  private AwsFailure failure(RuntimeException e, ResourceSpec failed, String action, Progress progress,
      List<ResourceSpec> remaining) {
    String what = action.equals("describing") ? "describe " + failed.label() + " " + failed.name() : action;
    AwsFailure f = wrap(e, what);
    List<String> notDone = new ArrayList<>();
    for (ResourceSpec r : remaining) {
      notDone.add(r.label() + " " + r.name());
    }
    return f.withProgress(progress.done(), notDone);
  }

  private static AwsFailure wrap(RuntimeException e, String action) {
    return e instanceof AwsFailure f ? f : AwsErrors.of((SdkException) e, action);
  }
}
