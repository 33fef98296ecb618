package io.pipeshift.analyzer.features;

/**
 * One feature as reports show it.
 *
 * @param id stable camelCase key (JSON)
 * @param label what a person reads
 * @param value the value: a number, boolean, string or list of strings
 * @param text the value in words, e.g. {@code 80% (4 of 5 work steps)}
 */
public record FeatureValue(String id, String label, Object value, String text) {}
