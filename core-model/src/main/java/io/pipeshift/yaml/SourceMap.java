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
  /** A path's {@link Location}, or a {@code List<Location>} when it was written more than once (rare). */
  private final Map<String, Object> locations;
  private final Map<Object, Location> valueLocations = new java.util.IdentityHashMap<>();

  public SourceMap(String file) {
    this(file, 16);
  }

  /** A map sized for about {@code expectedPaths} paths (a reader passes an estimate from the file size). */
  public SourceMap(String file, int expectedPaths) {
    this.file = file;
    this.locations = new HashMap<>(Math.max(16, (int) Math.min(1 << 26, expectedPaths * 4L / 3 + 1)));
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
    Object before = locations.putIfAbsent(path, location);
    if (before instanceof Location first) {
      List<Location> all = new ArrayList<>(2);
      all.add(first);
      all.add(location);
      locations.put(path, all);
    } else if (before != null) {
      @SuppressWarnings("unchecked")
      List<Location> all = (List<Location>) before;
      all.add(location);
    }
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
      Object found = locations.get(p);
      if (found != null) {
        return first(found);
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
    Object found = locations.get(path);
    if (found == null) {
      return List.of();
    }
    if (found instanceof Location l) {
      return List.of(l);
    }
    @SuppressWarnings("unchecked")
    List<Location> all = (List<Location>) found;
    return List.copyOf(all);
  }

  private static Location first(Object found) {
    if (found instanceof Location l) {
      return l;
    }
    return ((List<?>) found).stream().map(Location.class::cast).findFirst().orElseThrow();
  }

  public Location ofStep(String stepId) {
    return of("steps." + stepId);
  }

  public Location ofStepField(String stepId, String field) {
    return of("steps." + stepId + "." + field);
  }
}
