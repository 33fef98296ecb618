package io.pipeshift.to.sagemaker;

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
 * The one JSON printer of this module: keys in insertion order (never sorted), two-space indentation,
 * {@code "key": value}, {@code []} and {@code {}} when empty, Unix newlines and a trailing newline. The
 * same tree always prints the same text.
 */
final class SageMakerJson {

  private static final ObjectWriter WRITER;
  private static final ObjectWriter COMPACT =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false).writer();

  static {
    ObjectMapper mapper = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    WRITER = mapper.writer(printer);
  }

  private SageMakerJson() {}

  /** Pretty JSON text of a tree of maps, lists and scalars ({@link RawNull} prints as null). */
  static String write(Object tree) {
    try {
      return WRITER.writeValueAsString(plain(tree)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print JSON", e);
    }
  }

  /** Compact one-line JSON (for a definition embedded as a string). */
  static String compact(Object tree) {
    try {
      return COMPACT.writeValueAsString(plain(tree));
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
