/**
 * The pipeline IR: immutable records that every spoke agrees on. Knows nothing of SageMaker, ASL or
 * Airflow; reading and writing YAML live in {@code io.pipeshift.yaml}, checks in
 * {@code io.pipeshift.validate}.
 */
package io.pipeshift.ir;
