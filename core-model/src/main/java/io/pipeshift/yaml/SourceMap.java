package io.pipeshift.yaml;

import io.pipeshift.diag.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each part of a pipeline was written. Keys are paths: {@code steps.<id>} for a step (any nesting),
 * {@code steps.<id>.retry.retries} for its fields, {@code parameters[2].default}, {@code triggers[0]},
 * {@code name}. A lookup falls back to the nearest enclosing path, so every diagnostic gets a place.
 */
public final class SourceMap {

  private final String file;
  private final Map<String, List<Location>> locations = new HashMap<>();
  private final Map<Object, Location> valueLocations = new java.util.IdentityHashMap<>();

  public SourceMap(String file) {
    this.file = file;
  }

  /** A map for an IR that was not read from a file: every lookup answers the file's start. */
  public static SourceMap none(String file) {
    return new SourceMap(file);
  }

  public String file() {
    return file;
  }

  /** Records where a path was written (importers record the places of what they read). */
  public void put(String path, Location location) {
    locations.computeIfAbsent(path, k -> new ArrayList<>(1)).add(location);
  }

  void putValue(Object value, Location location) {
    valueLocations.put(value, location);
  }

  /** Where a value (a {@link io.pipeshift.ir.Value} or condition instance read from this file) was written. */
  public java.util.Optional<Location> ofValue(Object value) {
    return java.util.Optional.ofNullable(valueLocations.get(value));
  }

  /** The location of a path, or of the nearest enclosing path, or the start of the file. */
  public Location of(String path) {
    String p = path;
    while (true) {
      List<Location> found = locations.get(p);
      if (found != null) {
        return found.get(0);
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) {
        return Location.start(file);
      }
      p = p.substring(0, cut);
    }
  }

  /** Every location recorded for exactly this path (several when an id is defined twice). */
  public List<Location> all(String path) {
    return List.copyOf(locations.getOrDefault(path, List.of()));
  }

  public Location ofStep(String stepId) {
    return of("steps." + stepId);
  }

  public Location ofStepField(String stepId, String field) {
    return of("steps." + stepId + "." + field);
  }
}
