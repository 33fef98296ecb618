package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Value;

/** Sends a message to an SQS queue. */
public record SqsSpec(String queueUrl, Value message) implements StepSpec {}
