/**
 * IR -> SageMaker API requests (Create*Job and friends), shared by the SageMaker, Step Functions and
 * Airflow spokes so all three start the same jobs the same way. References stay as IR values in the
 * request tree; each spoke renders them.
 */
package io.pipeshift.requests;
