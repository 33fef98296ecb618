package io.pipeshift.aws.blueprint;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one syntax for ARNs that are not known until deployment, shared with CloudFormation's
 * {@code Fn::Sub}: {@code ${AWS::Partition}}, {@code ${AWS::Region}}, {@code ${AWS::AccountId}} and
 * {@code ${LogicalId.Arn}} for another resource of the same blueprint. The CloudFormation writer emits
 * these strings as {@code Fn::Sub} / {@code Fn::GetAtt}; the deployer substitutes real values.
 */
public final class Arns {

  public static final String PARTITION = "${AWS::Partition}";
  public static final String REGION = "${AWS::Region}";
  public static final String ACCOUNT = "${AWS::AccountId}";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+(?:::[A-Za-z]+|\\.Arn))}");

  private Arns() {}

  /** {@code ${id.Arn}}: the ARN of the blueprint resource with logical id {@code id}. */
  public static String of(String logicalId) {
    return "${" + logicalId + ".Arn}";
  }

  /** {@code arn:${AWS::Partition}:service:${AWS::Region}:${AWS::AccountId}:resource}. */
  public static String regional(String service, String resource) {
    return "arn:" + PARTITION + ":" + service + ":" + REGION + ":" + ACCOUNT + ":" + resource;
  }

  /** {@code arn:${AWS::Partition}:service::${AWS::AccountId}:resource} (IAM). */
  public static String global(String service, String resource) {
    return "arn:" + PARTITION + ":" + service + "::" + ACCOUNT + ":" + resource;
  }

  public static boolean hasPlaceholders(String s) {
    return PLACEHOLDER.matcher(s).find();
  }

  /** Logical ids named by {@code ${id.Arn}} placeholders in {@code s}. */
  public static Set<String> referencedResources(String s) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(s);
    while (m.find()) {
      if (m.group(1).endsWith(".Arn")) {
        ids.add(m.group(1).substring(0, m.group(1).length() - 4));
      }
    }
    return ids;
  }

  /**
   * Replaces every placeholder by {@code values.apply(name)} where name is {@code AWS::Region} or
   * {@code Pipeline.Arn}; a null answer leaves the placeholder as it is.
   */
  public static String substitute(String s, Function<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = values.apply(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Substitution from a fixed map of names ({@code AWS::Region}, {@code Pipeline.Arn}) to values. */
  public static String substitute(String s, Map<String, String> values) {
    return substitute(s, values::get);
  }
}
