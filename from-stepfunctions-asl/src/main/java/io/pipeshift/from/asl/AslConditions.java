package io.pipeshift.from.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Choice rules -> IR conditions. JSONPath: {@code Variable} with StringEquals, NumericGreaterThan... (and
 * their {@code ...Path} forms comparing two values), BooleanEquals, And, Or, Not. JSONata: a
 * {@code Condition} expression of comparisons ({@code = != > >= < <=}), {@code in [..]}, {@code and},
 * {@code or}, {@code not(..)} and parentheses. A test the IR cannot state (IsPresent, StringMatches,
 * timestamps, arbitrary JSONata) is returned empty; the caller notes it.
 */
final class AslConditions {

  private static final Map<String, Condition.Operator> SUFFIX = Map.of(
      "Equals", Condition.Operator.EQ,
      "GreaterThan", Condition.Operator.GT,
      "GreaterThanEquals", Condition.Operator.GTE,
      "LessThan", Condition.Operator.LT,
      "LessThanEquals", Condition.Operator.LTE);

  private final AslValues values;

  AslConditions(AslValues values) {
    this.values = values;
  }

  Optional<Condition> rule(JsonNode rule, String pointer, boolean jsonata) {
    if (jsonata || rule.has("Condition")) {
      JsonNode c = rule.get("Condition");
      if (c == null) {
        return Optional.empty();
      }
      if (c.isBoolean()) {
        return Optional.of(constant(c.asBoolean()));
      }
      String text = c.asText().strip();
      if (!AslValues.isJsonata(text)) {
        return Optional.empty();
      }
      return new Parser(AslValues.jsonataBody(text), pointer + "/Condition").parse();
    }
    return jsonPath(rule, pointer);
  }

  /** Always true or always false, spelled as a comparison of literals. */
  static Condition constant(boolean holds) {
    return new Condition.Comparison(Condition.Operator.EQ, Value.Literal.of(true), Value.Literal.of(holds));
  }

  private Optional<Condition> jsonPath(JsonNode rule, String pointer) {
    if (rule.has("And") || rule.has("Or")) {
      String key = rule.has("And") ? "And" : "Or";
      List<Condition> parts = new ArrayList<>();
      JsonNode list = rule.get(key);
      if (!list.isArray()) {
        return Optional.empty();
      }
      for (int i = 0; i < list.size(); i++) {
        Optional<Condition> c = jsonPath(list.get(i), pointer + "/" + key + "/" + i);
        if (c.isEmpty()) {
          return Optional.empty();
        }
        parts.add(c.get());
      }
      return Optional.of(key.equals("And") ? new Condition.All(parts) : new Condition.Any(parts));
    }
    if (rule.has("Not")) {
      return jsonPath(rule.get("Not"), pointer + "/Not").map(Condition.Not::new);
    }
    String variable = rule.path("Variable").asText("");
    if (variable.isEmpty()) {
      return Optional.empty();
    }
    for (var it = rule.fields(); it.hasNext(); ) {
      var e = it.next();
      String op = e.getKey();
      boolean path = op.endsWith("Path");
      String base = path ? op.substring(0, op.length() - 4) : op;
      for (String type : List.of("String", "Numeric", "Boolean")) {
        if (base.startsWith(type) && SUFFIX.containsKey(base.substring(type.length()))) {
          if (type.equals("Boolean") && !base.equals("BooleanEquals")) {
            return Optional.empty();
          }
          Value left = values.path(variable, pointer + "/Variable");
          Value right = path ? values.path(e.getValue().asText(), pointer + "/" + op)
              : AslValues.asValue(AslValues.scalar(e.getValue())).orElse(Value.Literal.of(""));
          return Optional.of(new Condition.Comparison(SUFFIX.get(base.substring(type.length())), left, right));
        }
      }
    }
    return Optional.empty();
  }

  /** A small recursive-descent reader of the JSONata conditions the IR can hold. */
  private final class Parser {
    private final String s;
    private final String pointer;
    private int i;

    Parser(String s, String pointer) {
      this.s = s;
      this.pointer = pointer;
    }

    Optional<Condition> parse() {
      try {
        Condition c = or();
        skip();
        return i == s.length() ? Optional.of(c) : Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    private Condition or() {
      List<Condition> parts = new ArrayList<>(List.of(and()));
      while (word("or")) {
        parts.add(and());
      }
      return parts.size() == 1 ? parts.get(0) : new Condition.Any(parts);
    }

    private Condition and() {
      List<Condition> parts = new ArrayList<>(List.of(unary()));
      while (word("and")) {
        parts.add(unary());
      }
      return parts.size() == 1 ? parts.get(0) : new Condition.All(parts);
    }

    private Condition unary() {
      skip();
      if (s.startsWith("$not(", i)) {
        i += 5;
        Condition c = or();
        expect(')');
        return new Condition.Not(c);
      }
      if (peek() == '(') {
        i++;
        Condition c = or();
        expect(')');
        return c;
      }
      String left = term();
      skip();
      if (word("in")) {
        skip();
        expect('[');
        List<Value> vs = new ArrayList<>();
        skip();
        while (peek() != ']') {
          vs.add(value(term()));
          skip();
          if (peek() == ',') {
            i++;
          }
          skip();
        }
        expect(']');
        return new Condition.In(value(left), vs);
      }
      String op = operator();
      String right = term();
      Value l = value(left);
      Value r = value(right);
      return switch (op) {
        case "=" -> new Condition.Comparison(Condition.Operator.EQ, l, r);
        case "!=" -> new Condition.Not(new Condition.Comparison(Condition.Operator.EQ, l, r));
        case ">" -> new Condition.Comparison(Condition.Operator.GT, l, r);
        case ">=" -> new Condition.Comparison(Condition.Operator.GTE, l, r);
        case "<" -> new Condition.Comparison(Condition.Operator.LT, l, r);
        default -> new Condition.Comparison(Condition.Operator.LTE, l, r);
      };
    }

    private Value value(String term) {
      if (term.equals("true") || term.equals("false")) {
        return Value.Literal.of(Boolean.parseBoolean(term));
      }
      return values.jsonata("{% " + term + " %}", pointer);
    }

    private String operator() {
      skip();
      for (String op : List.of(">=", "<=", "!=", "=", ">", "<")) {
        if (s.startsWith(op, i)) {
          i += op.length();
          return op;
        }
      }
      throw new IllegalArgumentException("operator expected");
    }

    private String term() {
      skip();
      int start = i;
      if (peek() == '\'' || peek() == '"') {
        char q = s.charAt(i++);
        while (i < s.length() && s.charAt(i) != q) {
          if (s.charAt(i) == '\\') {
            i++;
          }
          i++;
        }
        i++;
        return s.substring(start, Math.min(i, s.length()));
      }
      while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "$._-[]".indexOf(s.charAt(i)) >= 0)) {
        i++;
      }
      if (i == start) {
        throw new IllegalArgumentException("term expected");
      }
      return s.substring(start, i);
    }

    private boolean word(String w) {
      skip();
      if (s.startsWith(w, i) && (i + w.length() == s.length() || !Character.isLetterOrDigit(s.charAt(i + w.length())))) {
        i += w.length();
        return true;
      }
      return false;
    }

    private void expect(char c) {
      skip();
      if (peek() != c) {
        throw new IllegalArgumentException(c + " expected");
      }
      i++;
    }

    private char peek() {
      return i < s.length() ? s.charAt(i) : 0;
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }
  }
}
