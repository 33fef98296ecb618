package io.pipeshift.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pipeshift.ir.RawNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON printer every JSON-writing spoke uses: keys in insertion order (never sorted), two-space
 * indentation, {@code "key": value}, {@code []} and {@code {}} when empty, Unix newlines and a trailing
 * newline. A Java {@code null} or {@link RawNull} prints as {@code null}. The same tree always prints the
 * same text.
 */
public final class JsonText {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);
  private static final ObjectWriter PRETTY;

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    PRETTY = MAPPER.writer(new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter));
  }

  private JsonText() {}

  /** Pretty JSON text of a tree of maps, lists and scalars, with a trailing newline. */
  public static String write(Object tree) {
    try {
      return PRETTY.writeValueAsString(plain(tree)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print JSON", e);
    }
  }

  /** One-line JSON, for a JSON document embedded in a string field. */
  public static String compact(Object tree) {
    try {
      return MAPPER.writeValueAsString(plain(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print JSON", e);
    }
  }

  private static Object plain(Object o) {
    if (o instanceof RawNull) {
      return null;
    }
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(plain(v)));
      return out;
    }
    return o;
  }
}
