package io.pipeshift.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.diag.Location;
import io.pipeshift.diag.Problem;
import io.pipeshift.yaml.ReaderLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON-like document with the place of every node: a Jackson tree plus a map from JSON pointer
 * ({@code /States/Train/Retry/0}) to file line and column. Importers report problems by pointer and get
 * both the pointer and the line:col. Parsed with Jackson's streaming parser (positions tracked) under the
 * same size and depth limits as IR YAML; duplicate keys, syntax errors and bad UTF-8 are located
 * diagnostics, never exceptions of another kind.
 */
public final class JsonDocument {

  private final String file;
  private final JsonNode root;
  private final Map<String, Location> locations;
  /** Where the pointers of this view start inside a larger document ("" for a whole document). */
  private final String base;

  public JsonDocument(String file, JsonNode root, Map<String, Location> locations) {
    this(file, root, locations, "");
  }

  private JsonDocument(String file, JsonNode root, Map<String, Location> locations, String base) {
    this.file = file;
    this.root = root;
    this.locations = locations;
    this.base = base;
  }

  /** Reads and parses a JSON file (strict UTF-8, size limit). */
  public static JsonDocument read(Path path) {
    return parse(path.toString(), readText(path, ReaderLimits.DEFAULT));
  }

  /** Reads a text file whole: strict UTF-8 and the size limit, as located diagnostics. */
  public static String readText(Path path, ReaderLimits limits) {
    String name = path.toString();
    try {
      long size = Files.size(path);
      if (size > limits.maxBytes()) {
        throw InvalidInputException.of(Diagnostic.error(Problem.FILE_TOO_LARGE, Location.start(name), size, limits.maxBytes()));
      }
      byte[] bytes = Files.readAllBytes(path);
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw InvalidInputException.of(Diagnostic.error(Problem.NOT_READABLE, Location.start(name), "the file is not valid UTF-8"));
    } catch (java.nio.file.NoSuchFileException e) {
      throw InvalidInputException.of(Diagnostic.error(Problem.NOT_READABLE, Location.start(name), "no such file"));
    } catch (IOException e) {
      throw InvalidInputException.of(Diagnostic.error(Problem.NOT_READABLE, Location.start(name),
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
    }
  }

  /** Parses JSON text; {@code file} names it in locations. */
  public static JsonDocument parse(String file, String text) {
    return parse(file, text, ReaderLimits.DEFAULT);
  }

  public static JsonDocument parse(String file, String text, ReaderLimits limits) {
    if (text.length() > limits.maxBytes()) {
      throw InvalidInputException.of(Diagnostic.error(Problem.FILE_TOO_LARGE, Location.start(file), text.length(), limits.maxBytes()));
    }
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth()).build())
        .build();
    Map<String, Location> locations = new HashMap<>();
    try (JsonParser p = factory.createParser(text)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken first = p.nextToken();
      if (first == null) {
        throw InvalidInputException.of(Diagnostic.error(Problem.JSON_SYNTAX, Location.start(file),
            "the document is empty; expected a JSON object"));
      }
      JsonNode root = new TreeBuilder(file, p, locations).value("");
      if (p.nextToken() != null) {
        throw InvalidInputException.of(Diagnostic.error(Problem.JSON_SYNTAX, at(file, p.currentTokenLocation()),
            "unexpected content after the end of the document"));
      }
      return new JsonDocument(file, root, locations);
    } catch (StreamConstraintsException e) {
      throw InvalidInputException.of(Diagnostic.error(Problem.NESTING_TOO_DEEP, Location.start(file), limits.maxDepth()));
    } catch (JsonParseException e) {
      String message = e.getOriginalMessage();
      if (message != null && message.startsWith("Duplicate field")) {
        String key = message.replaceFirst("^Duplicate field '(.*)'$", "$1");
        throw InvalidInputException.of(Diagnostic.error(Problem.JSON_DUPLICATE_KEY, at(file, e.getLocation()), key));
      }
      throw InvalidInputException.of(Diagnostic.error(Problem.JSON_SYNTAX, at(file, e.getLocation()), firstLine(message)));
    } catch (IOException e) {
      throw InvalidInputException.of(Diagnostic.error(Problem.JSON_SYNTAX, Location.start(file), firstLine(e.getMessage())));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable JSON";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static Location at(String file, JsonLocation l) {
    if (l == null || l.getLineNr() <= 0) {
      return Location.start(file);
    }
    return new Location(file, l.getLineNr(), Math.max(1, l.getColumnNr()));
  }

  /** Builds the tree while recording where each pointer was written. */
  private static final class TreeBuilder {
    private final String file;
    private final JsonParser p;
    private final Map<String, Location> locations;
    private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);

    TreeBuilder(String file, JsonParser p, Map<String, Location> locations) {
      this.file = file;
      this.p = p;
      this.locations = locations;
    }

    /** The value at the current token; the parser ends on the value's last token. */
    JsonNode value(String pointer) throws IOException {
      locations.putIfAbsent(pointer, at(file, p.currentTokenLocation()));
      JsonToken t = p.currentToken();
      switch (t) {
        case START_OBJECT -> {
          ObjectNode o = nodes.objectNode();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            String child = pointer + "/" + escape(key);
            locations.put(child, at(file, p.currentTokenLocation()));
            p.nextToken();
            o.set(key, value(child));
          }
          return o;
        }
        case START_ARRAY -> {
          ArrayNode a = nodes.arrayNode();
          int i = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            a.add(value(pointer + "/" + i++));
          }
          return a;
        }
        case VALUE_STRING -> {
          return nodes.textNode(p.getText());
        }
        case VALUE_NUMBER_INT -> {
          return switch (p.getNumberType()) {
            case INT -> nodes.numberNode(p.getIntValue());
            case LONG -> nodes.numberNode(p.getLongValue());
            default -> nodes.numberNode(p.getBigIntegerValue());
          };
        }
        case VALUE_NUMBER_FLOAT -> {
          return nodes.numberNode(p.getDoubleValue());
        }
        case VALUE_TRUE -> {
          return nodes.booleanNode(true);
        }
        case VALUE_FALSE -> {
          return nodes.booleanNode(false);
        }
        case VALUE_NULL -> {
          return nodes.nullNode();
        }
        default -> throw new JsonParseException(p, "unexpected token " + t);
      }
    }
  }

  /** A pointer segment: '~' -> '~0', '/' -> '~1' (RFC 6901). */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** The pointer of a child of {@code pointer}. */
  public static String child(String pointer, String key) {
    return pointer + "/" + escape(key);
  }

  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  public String file() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  /**
   * Where the node at {@code pointer} (relative to this view) was written: its key's position for object
   * members, else the value's; the nearest enclosing node when the pointer names something absent.
   */
  public Location at(String pointer) {
    String p = base + pointer;
    while (true) {
      Location l = locations.get(p);
      if (l != null) {
        return l;
      }
      int cut = p.lastIndexOf('/');
      if (cut < 0) {
        return Location.start(file);
      }
      p = p.substring(0, cut);
    }
  }

  /** A view of the subtree at {@code pointer}: pointers given to the view are relative to it. */
  public JsonDocument view(String pointer) {
    JsonNode node = root.at(pointer.isEmpty() ? "" : pointer);
    return new JsonDocument(file, node, locations, base + pointer);
  }

  /** The pointer of this view inside its file ({@code ""} for a whole document). */
  public String base() {
    return base;
  }

  /** A diagnostic location that names both the line:col and the JSON pointer (in the message). */
  public String describe(String pointer) {
    String p = base + pointer;
    return p.isEmpty() ? "/" : p;
  }
}
