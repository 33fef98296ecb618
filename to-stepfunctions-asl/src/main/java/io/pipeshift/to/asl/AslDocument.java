package io.pipeshift.to.asl;

/**
 * The layout of the JSON document that flows through every generated machine, in one place:
 *
 * <pre>
 * { "parameters": { ...execution input merged over the IR defaults... },
 *   "results":    { "&lt;step key&gt;": { "&lt;output&gt;": ... } },   only outputs other steps use
 *   "item":       ...,                                   inside a for-each body: the current item
 *   "error":      { "Error": ..., "Cause": ... },        on an error path: what was caught
 *   "property_&lt;key&gt;": { "value": ... },                    a property file, read just before use
 *   "items", "choice", "poll", "failure": ...            scratch fields of helper states }
 * </pre>
 *
 * Task states keep the document whole: their result goes to {@code $.results.<key>} (through a
 * ResultSelector that keeps only the used outputs) or nowhere ({@code "ResultPath": null}). Parallel states
 * merge their branches' results back with {@code States.JsonMerge}.
 */
final class AslDocument {

  static final String PARAMETERS = "$.parameters";
  static final String RESULTS = "$.results";
  static final String ITEM = "$.item";
  static final String ERROR = "$.error";
  static final String ITEMS = "$.items";
  static final String CHOICE = "$.choice";
  static final String POLL = "$.poll";
  static final String FAILURE = "$.failure";

  private AslDocument() {}

  static String parameter(String name) {
    return PARAMETERS + "." + name;
  }

  static String result(String stepKey) {
    return RESULTS + "." + stepKey;
  }

  static String property(String fileKey) {
    return "$.property_" + fileKey;
  }

  /** A JSONPath suffix for a dotted path from the IR ({@code metrics.accuracy.value}). */
  static String dotted(String path) {
    if (path.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("\\.")) {
      if (segment.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        out.append('.').append(segment);
      } else if (segment.matches("\\d+")) {
        out.append('[').append(segment).append(']');
      } else {
        out.append("['").append(segment.replace("\\", "\\\\").replace("'", "\\'")).append("']");
      }
    }
    return out.toString();
  }
}
