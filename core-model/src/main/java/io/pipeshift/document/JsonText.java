package io.pipeshift.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pipeshift.ir.RawNull;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one JSON printer every JSON-writing spoke uses: keys in insertion order (never sorted), two-space
 * indentation, {@code "key": value}, {@code []} and {@code {}} when empty, Unix newlines and a trailing
 * newline. A Java {@code null} or {@link RawNull} prints as {@code null}; a {@link Supplier} prints as what it
 * supplies, computed when printed. The same tree always prints the same text.
 */
public final class JsonText {

  /** Streaming only: printing never needs data binding (which costs ~300 classes at start-up). */
  private static final JsonFactory FACTORY = new JsonFactory();

  /** For the rare value that is not a plain tree (a JsonNode, an enum): loaded on first use. */
  private static final class Binding {
    static final ObjectMapper MAPPER =
        new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);
  }
  private static final DefaultPrettyPrinter PRETTY;

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    PRETTY = new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
  }

  private JsonText() {}

  /** Pretty JSON text of a tree of maps, lists and scalars, with a trailing newline. */
  public static String write(Object tree) {
    StringWriter out = new StringWriter(1024);
    try {
      write(tree, out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot print JSON", e);
    }
    return out.toString();
  }

  /** {@link #write(Object)} straight to {@code out}, for documents too large to hold as one string. */
  public static void write(Object tree, Writer out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(PRETTY.createInstance());
      stream(g, tree);
    }
    out.write('\n');
  }

  /** One-line JSON, for a JSON document embedded in a string field. */
  public static String compact(Object tree) {
    StringWriter out = new StringWriter(128);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      stream(g, tree);
    } catch (IOException e) {
      throw new IllegalStateException("cannot print JSON", e);
    }
    return out.toString();
  }

  /** Writes the tree straight to the generator: no copy of the tree, no serializer lookups per value. */
  private static void stream(JsonGenerator g, Object o) throws IOException {
    if (o == null || o instanceof RawNull) {
      g.writeNull();
    } else if (o instanceof String s) {
      g.writeString(s);
    } else if (o instanceof CompactJson.ObjectNode m) {
      g.writeStartObject();
      for (int i = 0; i < m.size(); i++) {
        g.writeFieldName(m.key(i));
        stream(g, m.value(i));
      }
      g.writeEndObject();
    } else if (o instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        stream(g, e.getValue());
      }
      g.writeEndObject();
    } else if (o instanceof List<?> l) {
      g.writeStartArray();
      for (Object v : l) {
        stream(g, v);
      }
      g.writeEndArray();
    } else if (o instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
      g.writeNumber(((Number) o).longValue());
    } else if (o instanceof Double d) {
      g.writeNumber(d);
    } else if (o instanceof Float f) {
      g.writeNumber(f);
    } else if (o instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (o instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (o instanceof Supplier<?> later) {
      stream(g, later.get()); // a part computed only when printed (a large embedded document)
    } else {
      Binding.MAPPER.writeValue(g, o); // anything else (a JsonNode, an enum) the way Jackson prints it
    }
  }
}
