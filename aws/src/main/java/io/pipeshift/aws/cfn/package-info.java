/**
 * A blueprint as a CloudFormation template (YAML). Keeps every blueprint resource; role, schedule and rule
 * names are left to CloudFormation (so only CAPABILITY_IAM is needed).
 */
package io.pipeshift.aws.cfn;
