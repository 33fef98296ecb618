package io.pipeshift.aws.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.aws.blueprint.Json;
import io.pipeshift.aws.blueprint.ResourceSpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/** IAM roles: trust policy and one inline policy, compared as JSON (IAM returns them URL-encoded). */
final class RoleHandler implements ResourceHandler<ResourceSpec.Role> {

  private final IamClient iam;

  RoleHandler(IamClient iam) {
    this.iam = iam;
  }

  @Override
  public Planned plan(ResourceSpec.Role spec, Resolver r) {
    Role role;
    try {
      role = iam.getRole(b -> b.roleName(spec.name())).role();
    } catch (NoSuchEntityException e) {
      return Planned.create(r.arn("iam", "role/" + spec.name(), false));
    }
    List<String> reasons = new ArrayList<>();
    if (!Json.sameValue(policy(role.assumeRolePolicyDocument()), r.resolve(spec.trustPolicy()))) {
      reasons.add("trust policy");
    }
    try {
      String current = iam.getRolePolicy(b -> b.roleName(spec.name()).policyName(spec.policyName())).policyDocument();
      if (!Json.sameValue(policy(current), r.resolve(spec.policy()))) {
        reasons.add("policy");
      }
    } catch (NoSuchEntityException e) {
      reasons.add("policy");
    }
    return Planned.compare(reasons, role.arn());
  }

  @Override
  public String apply(ResourceSpec.Role spec, Resolver r, Planned planned, Progress progress) {
    String trust = Json.compact(r.resolve(spec.trustPolicy()));
    String policy = Json.compact(r.resolve(spec.policy()));
    String arn = planned.arn();
    if (planned.action() == ChangeAction.CREATE) {
      arn = iam.createRole(b -> b.roleName(spec.name()).assumeRolePolicyDocument(trust)
          .description(spec.description())).role().arn();
      r.freshRole(arn);
      progress.did("created iam role " + spec.name());
      iam.putRolePolicy(b -> b.roleName(spec.name()).policyName(spec.policyName()).policyDocument(policy));
      progress.did("put policy " + spec.policyName() + " on iam role " + spec.name());
      return arn;
    }
    if (planned.differs("trust policy")) {
      iam.updateAssumeRolePolicy(b -> b.roleName(spec.name()).policyDocument(trust));
      progress.did("updated the trust policy of iam role " + spec.name());
    }
    if (planned.differs("policy")) {
      iam.putRolePolicy(b -> b.roleName(spec.name()).policyName(spec.policyName()).policyDocument(policy));
      progress.did("put policy " + spec.policyName() + " on iam role " + spec.name());
    }
    return arn;
  }

  /** IAM answers policy documents URL-encoded; some servers send them plain. */
  static JsonNode policy(String text) {
    String t = text == null ? "{}" : text.strip();
    if (!t.startsWith("{")) {
      t = URLDecoder.decode(t, StandardCharsets.UTF_8);
    }
    return Json.parse(t);
  }
}
