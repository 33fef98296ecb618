package io.pipeshift.aws.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.aws.blueprint.Arns;
import io.pipeshift.aws.blueprint.Json;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Replaces {@link Arns} placeholders with this account's values and the ARNs of resources already
 * deployed (or, in a plan, found or predicted) in this run.
 */
final class Resolver {

  private final Account account;
  private final Map<String, String> arns = new HashMap<>();
  private final Set<String> freshRoles = new HashSet<>();

  Resolver(Account account) {
    this.account = account;
  }

  Account account() {
    return account;
  }

  void arn(String logicalId, String arn) {
    arns.put(logicalId, arn);
  }

  /** Remembers that a role was created moments ago (for the IAM-consistency retry). */
  void freshRole(String arn) {
    freshRoles.add(arn);
  }

  boolean isFresh(String roleArn) {
    return freshRoles.contains(roleArn);
  }

  String resolve(String text) {
    return Arns.substitute(text, name -> switch (name) {
      case "AWS::Partition" -> account.partition();
      case "AWS::Region" -> account.region();
      case "AWS::AccountId" -> account.id();
      default -> name.endsWith(".Arn") ? arns.get(name.substring(0, name.length() - 4)) : null;
    });
  }

  JsonNode resolve(JsonNode doc) {
    return Json.mapStrings(doc, this::resolve);
  }

  String arn(String service, String resource, boolean regional) {
    return "arn:" + account.partition() + ":" + service + ":" + (regional ? account.region() : "") + ":"
        + account.id() + ":" + resource;
  }
}
