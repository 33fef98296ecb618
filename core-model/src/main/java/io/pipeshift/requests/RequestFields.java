package io.pipeshift.requests;

import io.pipeshift.ir.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A cursor over one object of a request tree that remembers which fields were read, so the reader can list
 * what it did not understand (and so dropped) instead of losing it silently. Leaves are strings, numbers,
 * booleans, {@link Value} references, maps and lists.
 */
final class RequestFields {

  private final String path;
  private final Map<String, Object> fields;
  private final Map<String, RequestFields> children = new LinkedHashMap<>();
  private final java.util.Set<String> read = new java.util.HashSet<>();
  private final List<String> problems;
  private final Function<Value, Optional<String>> literalFor;

  RequestFields(String path, Map<String, Object> fields, List<String> problems, Function<Value, Optional<String>> literalFor) {
    this.path = path;
    this.fields = fields;
    this.problems = problems;
    this.literalFor = literalFor;
  }

  private String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    return fields.containsKey(key) && fields.get(key) != null;
  }

  Object raw(String key) {
    read.add(key);
    return fields.get(key);
  }

  /** A nested object; an empty one when absent or not an object (the latter is a problem). */
  @SuppressWarnings("unchecked")
  RequestFields object(String key) {
    read.add(key);
    Object o = fields.get(key);
    Map<String, Object> m;
    if (o instanceof Map<?, ?> map) {
      m = (Map<String, Object>) map;
    } else {
      if (o != null) {
        problems.add(at(key) + ": expected an object");
      }
      m = Map.of();
    }
    return children.computeIfAbsent(key, k -> new RequestFields(at(k), m, problems, literalFor));
  }

  /** The objects of a list field. */
  @SuppressWarnings("unchecked")
  List<RequestFields> objects(String key) {
    read.add(key);
    Object o = fields.get(key);
    List<RequestFields> out = new ArrayList<>();
    if (o instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        String childPath = at(key) + "[" + i + "]";
        if (item instanceof Map<?, ?> m) {
          RequestFields c = new RequestFields(childPath, (Map<String, Object>) m, problems, literalFor);
          children.put(key + "[" + i + "]", c);
          out.add(c);
        } else {
          problems.add(childPath + ": expected an object");
        }
      }
    } else if (o != null) {
      problems.add(at(key) + ": expected a list");
    }
    return out;
  }

  /** A value (literal or reference). */
  Optional<Value> value(String key) {
    read.add(key);
    Object o = fields.get(key);
    if (o == null) {
      return Optional.empty();
    }
    Optional<Value> v = asValue(o);
    if (v.isEmpty()) {
      problems.add(at(key) + ": expected a scalar or a reference");
    }
    return v;
  }

  Value value(String key, Value fallback) {
    return value(key).orElseGet(() -> {
      problems.add(at(key) + ": missing");
      return fallback;
    });
  }

  /** A text field the IR holds as plain text: references are replaced by what {@code literalFor} gives. */
  Optional<String> text(String key) {
    read.add(key);
    Object o = fields.get(key);
    if (o == null) {
      return Optional.empty();
    }
    if (o instanceof Value v && !(v instanceof Value.Literal)) {
      Optional<String> lit = literalFor.apply(v);
      problems.add(at(key) + ": a reference where the IR takes plain text"
          + lit.map(l -> "; its default '" + l + "' is used").orElse("; left empty"));
      return Optional.of(lit.orElse(""));
    }
    if (o instanceof Map<?, ?> || o instanceof List<?>) {
      problems.add(at(key) + ": expected text");
      return Optional.empty();
    }
    return Optional.of(o instanceof Value.Literal l ? l.asText() : String.valueOf(o));
  }

  String text(String key, String fallback) {
    return text(key).orElseGet(() -> {
      if (!fallback.isEmpty() || !has(key)) {
        problems.add(at(key) + ": missing");
      }
      return fallback;
    });
  }

  Optional<Long> number(String key) {
    read.add(key);
    Object o = fields.get(key);
    if (o == null) {
      return Optional.empty();
    }
    if (o instanceof Number n) {
      return Optional.of(n.longValue());
    }
    if (o instanceof Value.Literal l && l.value() instanceof Long n) {
      return Optional.of(n);
    }
    if (o instanceof Value v && !(v instanceof Value.Literal)) {
      Optional<String> lit = literalFor.apply(v);
      problems.add(at(key) + ": a reference where the IR takes a number"
          + lit.map(x -> "; its default " + x + " is used").orElse(""));
      return lit.flatMap(RequestFields::parseLong);
    }
    Optional<Long> parsed = parseLong(String.valueOf(o instanceof Value.Literal l ? l.value() : o));
    if (parsed.isEmpty()) {
      problems.add(at(key) + ": expected a whole number");
    }
    return parsed;
  }

  private static Optional<Long> parseLong(String s) {
    try {
      return Optional.of(Long.parseLong(s.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  int integer(String key, int fallback) {
    return number(key).map(Long::intValue).orElse(fallback);
  }

  /** A list of texts. */
  List<String> texts(String key) {
    read.add(key);
    Object o = fields.get(key);
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Value v && !(v instanceof Value.Literal)) {
          problems.add(at(key) + ": a reference where the IR takes plain text");
          out.add(literalFor.apply(v).orElse(""));
        } else {
          out.add(item instanceof Value.Literal l ? l.asText() : String.valueOf(item));
        }
      }
    } else if (o != null) {
      problems.add(at(key) + ": expected a list");
    }
    return out;
  }

  /** A list of values. */
  List<Value> values(String key) {
    read.add(key);
    Object o = fields.get(key);
    List<Value> out = new ArrayList<>();
    if (o instanceof List<?> list) {
      for (Object item : list) {
        asValue(item).ifPresentOrElse(out::add, () -> problems.add(at(key) + ": expected scalars or references"));
      }
    } else if (o != null) {
      problems.add(at(key) + ": expected a list");
    }
    return out;
  }

  /** A map of values. */
  Map<String, Value> valueMap(String key) {
    read.add(key);
    Object o = fields.get(key);
    Map<String, Value> out = new LinkedHashMap<>();
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> asValue(v).ifPresentOrElse(x -> out.put(String.valueOf(k), x),
          () -> problems.add(at(key) + "." + k + ": expected a scalar or a reference")));
    } else if (o != null) {
      problems.add(at(key) + ": expected an object");
    }
    return out;
  }

  /** Reads a field the IR does not model and whose value it assumes; a different value is noted. */
  void expect(String key, Object assumed) {
    read.add(key);
    Object o = fields.get(key);
    if (o != null && !sameScalar(o, assumed)) {
      problems.add(at(key) + ": " + o + " is not kept (pipeshift always uses " + assumed + ")");
    }
  }

  private static boolean sameScalar(Object a, Object b) {
    Object x = a instanceof Value.Literal l ? l.value() : a;
    if (x instanceof Number n && b instanceof Number m) {
      return n.doubleValue() == m.doubleValue();
    }
    return Objects.equals(String.valueOf(x), String.valueOf(b));
  }

  static Optional<Value> asValue(Object o) {
    if (o instanceof Value v) {
      return Optional.of(v);
    }
    if (o instanceof String s) {
      return Optional.of(Value.Literal.of(s));
    }
    if (o instanceof Boolean b) {
      return Optional.of(Value.Literal.of(b));
    }
    if (o instanceof Double || o instanceof Float || o instanceof java.math.BigDecimal) {
      return Optional.of(Value.Literal.of(((Number) o).doubleValue()));
    }
    if (o instanceof Number n) {
      return Optional.of(Value.Literal.of(n.longValue()));
    }
    return Optional.empty();
  }

  /** Every field (at any depth) that was present and not read, as dotted paths. */
  void unread(List<String> out) {
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      if (!read.contains(e.getKey())) {
        out.add(at(e.getKey()));
      }
    }
    children.values().forEach(c -> c.unread(out));
  }
}
