package io.pipeshift.from.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.ir.ExecutionVariable;
import io.pipeshift.ir.RawNull;
import io.pipeshift.ir.Value;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ASL data references -> IR values, for JSONPath ({@code "key.$": "$.a.b"}, {@code $$.Execution.Id},
 * {@code States.Format}) and JSONata ({@code "{% $states.input.a & '/x' %}"}, assigned variables). What a path
 * means is decided by {@link Scope}: the result of an earlier state (by its ResultPath or variable), the
 * current Map item, a pipeline parameter (execution input), or an execution variable. A reference this
 * reader cannot follow is kept as its text with a note, never dropped silently.
 */
final class AslValues {

  /** A marker for {@code $$.Task.Token}: the callback protocol's token, not data. */
  static final Value TASK_TOKEN = Value.Literal.of("$$.Task.Token");

  /** What paths refer to where a value is read. */
  interface Scope {
    /** A JSONPath into the state input ({@code $.a.b}, without the leading {@code $}: {@code .a.b}). */
    Value inputPath(String path, String pointer);

    /** A JSONata variable path ({@code $name.rest}). */
    Value variable(String name, String rest, String pointer);

    /** A parameter (execution input field). */
    Value parameter(String name);

    /** The current Map item (path after the item; empty for the whole item), if inside a Map body. */
    Optional<Value> item(String path);

    /** Something this reader cannot follow: kept as text, noted. */
    Value unreadable(String text, String pointer);
  }

  private final Scope scope;

  AslValues(Scope scope) {
    this.scope = scope;
  }

  /**
   * A Parameters / Arguments tree: maps, lists, scalars with {@link Value} leaves where the machine reads
   * data. JSONPath keys ending in {@code .$} lose the suffix.
   */
  Object tree(JsonNode n, String pointer, boolean jsonata) {
    if (n.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        String ptr = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
        if (!jsonata && key.endsWith(".$") && e.getValue().isTextual()) {
          String text = e.getValue().asText().strip();
          if (text.startsWith("States.Array(") && text.endsWith(")")) {
            out.put(key.substring(0, key.length() - 2), array(text, ptr));
            continue;
          }
          out.put(key.substring(0, key.length() - 2), path(e.getValue().asText(), ptr));
        } else {
          out.put(key, tree(e.getValue(), ptr, jsonata));
        }
      }
      return out;
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        out.add(tree(n.get(i), pointer + "/" + i, jsonata));
      }
      return out;
    }
    if (jsonata && n.isTextual() && isJsonata(n.asText())) {
      return jsonata(n.asText(), pointer);
    }
    return scalar(n);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(JsonNode n, String pointer, boolean jsonata) {
    Object t = tree(n, pointer, jsonata);
    return t instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  static Object scalar(JsonNode n) {
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.asLong() : (Object) n.asText();
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isNull() || n.isMissingNode()) {
      return RawNull.INSTANCE;
    }
    return n.toString();
  }

  /** One value from a tree leaf: a reference stays, a literal becomes a Literal. */
  static Optional<Value> asValue(Object leaf) {
    if (leaf instanceof Value v) {
      return Optional.of(v);
    }
    if (leaf instanceof String s) {
      return Optional.of(Value.Literal.of(s));
    }
    if (leaf instanceof Boolean b) {
      return Optional.of(Value.Literal.of(b));
    }
    if (leaf instanceof Double d) {
      return Optional.of(Value.Literal.of(d));
    }
    if (leaf instanceof Long l) {
      return Optional.of(Value.Literal.of(l));
    }
    return Optional.empty();
  }

  static boolean isJsonata(String s) {
    String t = s.strip();
    return t.length() >= 4 && t.startsWith("{%") && t.endsWith("%}"); // "{%}" is not one (found by fuzzing)
  }

  /** The expression inside {@code {% ... %}}; only for text {@link #isJsonata} accepts. */
  static String jsonataBody(String s) {
    String t = s.strip();
    return t.substring(2, t.length() - 2).strip();
  }

  // -- JSONPath -------------------------------------------------------------------------------------

  /** A JSONPath or intrinsic function. */
  Value path(String text, String pointer) {
    String t = text.strip();
    if (t.startsWith("$$.")) {
      return context(t.substring(3), pointer);
    }
    if (t.equals("$")) {
      return scope.item("").orElseGet(() -> scope.unreadable(text, pointer));
    }
    if (t.startsWith("$.") || t.startsWith("$[")) {
      return scope.inputPath(t.substring(1), pointer);
    }
    if (t.startsWith("States.Format(") && t.endsWith(")")) {
      return format(t.substring("States.Format(".length(), t.length() - 1), text, pointer);
    }
    if ((t.startsWith("States.JsonToString(") || t.startsWith("States.StringToJson(")) && t.endsWith(")")) {
      String inner = t.substring(t.indexOf('(') + 1, t.length() - 1).strip();
      return path(inner, pointer);
    }
    return scope.unreadable(text, pointer);
  }

  /** {@code States.Array('a', $.b)} -> a list of its values. */
  private Object array(String text, String pointer) {
    List<Object> out = new ArrayList<>();
    for (String a : splitArguments(text.substring("States.Array(".length(), text.length() - 1))) {
      String arg = a.strip();
      if (arg.startsWith("'")) {
        out.add(unquote(arg).replace("\\{", "{").replace("\\}", "}").replace("\\\\", "\\"));
      } else if (arg.matches("-?\\d+")) {
        out.add(Long.parseLong(arg));
      } else if (arg.matches("-?\\d+\\.\\d+")) {
        out.add(Double.parseDouble(arg));
      } else if (arg.equals("true") || arg.equals("false")) {
        out.add(Boolean.parseBoolean(arg));
      } else {
        out.add(path(arg, pointer));
      }
    }
    return out;
  }

  /** A context object path ($$.X). */
  private Value context(String path, String pointer) {
    if (path.startsWith("Execution.Input.")) {
      String rest = path.substring("Execution.Input.".length());
      int dot = rest.indexOf('.');
      return dot < 0 ? scope.parameter(rest) : scope.unreadable("$$." + path, pointer);
    }
    if (path.equals("Map.Item.Value") || path.startsWith("Map.Item.Value.")) {
      String rest = path.length() > "Map.Item.Value".length() ? path.substring("Map.Item.Value.".length()) : "";
      return scope.item(rest).orElseGet(() -> scope.unreadable("$$." + path, pointer));
    }
    ExecutionVariable v = switch (path) {
      case "Execution.Id" -> ExecutionVariable.EXECUTION_ARN;
      case "Execution.Name" -> ExecutionVariable.EXECUTION_ID;
      case "Execution.StartTime" -> ExecutionVariable.START_TIME;
      case "StateMachine.Name" -> ExecutionVariable.PIPELINE_NAME;
      case "StateMachine.Id" -> ExecutionVariable.PIPELINE_ARN;
      default -> null;
    };
    if (v != null) {
      return new Value.ExecutionRef(v);
    }
    if (path.equals("Task.Token")) {
      return TASK_TOKEN;
    }
    return scope.unreadable("$$." + path, pointer);
  }

  /** {@code States.Format('a {} b', $.x)} -> a join of the literal parts and the arguments. */
  private Value format(String args, String text, String pointer) {
    List<String> parts = splitArguments(args);
    if (parts.isEmpty() || !parts.get(0).startsWith("'")) {
      return scope.unreadable(text, pointer);
    }
    String template = unquote(parts.get(0));
    List<Value> values = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int arg = 1;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\' && i + 1 < template.length()) {
        lit.append(template.charAt(++i));
      } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        if (arg >= parts.size()) {
          return scope.unreadable(text, pointer);
        }
        if (lit.length() > 0) {
          values.add(Value.Literal.of(lit.toString()));
          lit.setLength(0);
        }
        String a = parts.get(arg++).strip();
        values.add(a.startsWith("'") ? Value.Literal.of(unquote(a)) : path(a, pointer));
        i++;
      } else {
        lit.append(c);
      }
    }
    if (lit.length() > 0) {
      values.add(Value.Literal.of(lit.toString()));
    }
    return values.size() == 1 ? values.get(0) : new Value.Join("", values);
  }

  /** Splits intrinsic arguments at top-level commas, respecting quotes and parentheses. */
  static List<String> splitArguments(String args) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    int depth = 0;
    for (int i = 0; i < args.length(); i++) {
      char c = args.charAt(i);
      if (quoted) {
        cur.append(c);
        if (c == '\\' && i + 1 < args.length()) {
          cur.append(args.charAt(++i));
        } else if (c == '\'') {
          quoted = false;
        }
        continue;
      }
      if (c == '\'') {
        quoted = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(cur.toString().strip());
        cur.setLength(0);
        continue;
      }
      cur.append(c);
    }
    if (cur.length() > 0 || !out.isEmpty()) {
      out.add(cur.toString().strip());
    }
    return out;
  }

  /** The text of an intrinsic string literal, keeping format escapes for {@link #format}. */
  private static String unquote(String s) {
    String t = s.strip();
    if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
      t = t.substring(1, t.length() - 1);
    }
    return t.replace("\\'", "'");
  }

  // -- JSONata --------------------------------------------------------------------------------------

  /** A JSONata template: string concatenations of literals, $states paths and variables. */
  Value jsonata(String text, String pointer) {
    String expr = jsonataBody(text);
    List<String> terms = splitConcat(expr);
    if (terms == null) {
      return scope.unreadable(text, pointer);
    }
    List<Value> values = new ArrayList<>();
    for (String term : terms) {
      Value v = term(term.strip(), text, pointer);
      values.add(v);
    }
    return values.size() == 1 ? values.get(0) : new Value.Join("", values);
  }

  private Value term(String t, String whole, String pointer) {
    if ((t.startsWith("'") && t.endsWith("'") || t.startsWith("\"") && t.endsWith("\"")) && t.length() >= 2) {
      return Value.Literal.of(t.substring(1, t.length() - 1).replace("\\" + t.charAt(0), String.valueOf(t.charAt(0))));
    }
    if (t.matches("-?\\d+")) {
      return Value.Literal.of(Long.parseLong(t));
    }
    if (t.matches("-?\\d+\\.\\d+")) {
      return Value.Literal.of(Double.parseDouble(t));
    }
    if (t.equals("true") || t.equals("false")) {
      return Value.Literal.of(Boolean.parseBoolean(t));
    }
    if (!t.matches("\\$[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_-]+|\\[\\d+])*")) {
      return scope.unreadable(whole, pointer);
    }
    if (t.startsWith("$states.input")) {
      String rest = t.substring("$states.input".length());
      return rest.isEmpty() ? scope.item("").orElseGet(() -> scope.unreadable(whole, pointer)) : scope.inputPath(rest, pointer);
    }
    if (t.startsWith("$states.context.")) {
      return context(t.substring("$states.context.".length()), pointer);
    }
    int dot = t.indexOf('.');
    String name = dot < 0 ? t.substring(1) : t.substring(1, dot);
    String rest = dot < 0 ? "" : t.substring(dot + 1);
    return scope.variable(name, rest, pointer);
  }

  /** Splits at top-level {@code &}; null when the expression uses anything else this reader cannot follow. */
  private static List<String> splitConcat(String expr) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (quote != 0) {
        cur.append(c);
        if (c == '\\' && i + 1 < expr.length()) {
          cur.append(expr.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '&') {
        out.add(cur.toString());
        cur.setLength(0);
        continue;
      } else if ("()?:+*/<>=!{}[],;".indexOf(c) >= 0 && !(c == '[' || c == ']')) {
        return null;
      }
      cur.append(c);
    }
    out.add(cur.toString());
    return out;
  }
}
