package io.pipeshift.aws.deploy;

import io.pipeshift.aws.blueprint.ResourceSpec;

/**
 * Compares one kind of resource with the account and brings it to the blueprint's state. Only the
 * fields pipeshift sets are compared, so settings the service adds (default retry policies, creation
 * dates) or the user set outside pipeshift never count as a change.
 */
interface ResourceHandler<S extends ResourceSpec> {

  /** Describes the resource and compares it with {@code spec} (placeholders resolved by {@code r}). */
  Planned plan(S spec, Resolver r);

  /** Performs {@code planned} (CREATE or UPDATE); records each accepted call; returns the resource's ARN. */
  String apply(S spec, Resolver r, Planned planned, Progress progress);
}
