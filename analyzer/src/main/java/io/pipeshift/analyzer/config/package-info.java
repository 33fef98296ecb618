/**
 * The analyzer's one configuration record ({@link io.pipeshift.analyzer.config.AnalyzerConfig}) with its
 * documented defaults, and the reader of {@code .pipeshift.yaml} overrides.
 */
package io.pipeshift.analyzer.config;
