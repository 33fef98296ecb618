package io.pipeshift.ir;

/** Values every orchestrator knows about the running execution. YAML names are kebab-case. */
public enum ExecutionVariable {
  EXECUTION_ID,
  START_TIME,
  PIPELINE_NAME,
  PIPELINE_ARN,
  EXECUTION_ARN
}
