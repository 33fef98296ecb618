/**
 * The semantic difference of two pipelines ({@code pipeshift diff}): steps added, removed, renamed (matched
 * by id, then by kind and field similarity) or moved; changed fields; dependency edges after transitive
 * reduction; retry, timeout, caching and catch changes with defaults applied; parameters. Metadata and
 * format extensions only on request. Reads IR only: the CLI brings both inputs into the IR (and, across
 * formats, through the same format) first.
 */
package io.pipeshift.diff;
