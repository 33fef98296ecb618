package io.pipeshift.aws.deploy;

/** Who and where the caller is: from {@code sts:GetCallerIdentity} and the client's region. */
public record Account(String id, String partition, String region, String callerArn) {}
