package io.pipeshift.to.asl;

import io.pipeshift.ir.Condition;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * IR conditions -> Choice rules. A Choice rule compares a reference path ({@code Variable}) with a literal
 * or with another path, with an operator typed by what it compares (Numeric, String, Boolean). So:
 *
 * <ul>
 *   <li>a literal on the left swaps sides (and mirrors the operator);
 *   <li>operands that are not plain paths into the document (joins, execution variables) are computed
 *       first by a Pass state into {@code $.choice} ({@link Lowered#evaluate()});
 *   <li>the type comes from the literal, or from a typed parameter; when neither says, the rule tries
 *       numbers and strings (and booleans for equality), each guarded by {@code IsNumeric}/{@code IsString};
 *   <li>{@code in} becomes an Or of equalities; {@code not}, {@code all}, {@code any} become Not, And, Or;
 *   <li>a comparison of two literals is decided here and written as an always-true or always-false rule.
 * </ul>
 */
final class AslConditions {

  /** A rule, and the values a Pass state must compute into {@code $.choice} before the Choice. */
  record Lowered(Map<String, Object> rule, Map<String, AslValue> evaluate) {}

  private enum Type { NUMERIC, STRING, BOOLEAN, UNKNOWN }

  private record Operand(AslValue value, Type type) {}

  private final Pipeline pipeline;
  private final AslValues values;

  AslConditions(Pipeline pipeline, AslValues values) {
    this.pipeline = pipeline;
    this.values = values;
  }

  Lowered lower(Condition c, Consumer<String> problems) {
    Map<String, AslValue> evaluate = new LinkedHashMap<>();
    return new Lowered(rule(c, evaluate, problems), evaluate);
  }

  /** A rule that always holds (the parameters object always exists). */
  static Map<String, Object> always() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("Variable", AslDocument.PARAMETERS);
    r.put("IsPresent", true);
    return r;
  }

  static Map<String, Object> never() {
    return not(always());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> not(Map<String, Object> rule) {
    if (rule.size() == 1 && rule.get("Not") instanceof Map<?, ?> inner) {
      return (Map<String, Object>) inner; // not(not(x)) is x
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("Not", rule);
    return r;
  }

  private Map<String, Object> rule(Condition c, Map<String, AslValue> evaluate, Consumer<String> problems) {
    if (c instanceof Condition.Comparison cmp) {
      return compare(cmp.operator(), operand(cmp.left(), evaluate), operand(cmp.right(), evaluate), problems);
    }
    if (c instanceof Condition.In in) {
      List<Condition> eqs = new ArrayList<>();
      in.values().forEach(v -> eqs.add(new Condition.Comparison(Condition.Operator.EQ, in.value(), v)));
      return rule(new Condition.Any(eqs), evaluate, problems);
    }
    if (c instanceof Condition.Not n) {
      return not(rule(n.condition(), evaluate, problems));
    }
    boolean all = c instanceof Condition.All;
    List<Condition> parts = all ? ((Condition.All) c).conditions() : ((Condition.Any) c).conditions();
    if (parts.isEmpty()) {
      return all ? always() : never();
    }
    if (parts.size() == 1) {
      return rule(parts.get(0), evaluate, problems);
    }
    List<Object> rules = new ArrayList<>();
    parts.forEach(p -> rules.add(rule(p, evaluate, problems)));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put(all ? "And" : "Or", rules);
    return r;
  }

  private Operand operand(Value v, Map<String, AslValue> evaluate) {
    Type type = Type.UNKNOWN;
    if (v instanceof Value.Literal l) {
      Object o = l.value();
      type = o instanceof Boolean ? Type.BOOLEAN : o instanceof String ? Type.STRING : Type.NUMERIC;
    } else if (v instanceof Value.ParameterRef p) {
      type = pipeline.parameter(p.name()).map(x -> typeOf(x.type())).orElse(Type.UNKNOWN);
    } else if (v instanceof Value.Join || v instanceof Value.ExecutionRef) {
      type = Type.STRING;
    }
    AslValue r = values.render(v);
    if (r instanceof AslValue.Path p && p.path().startsWith("$.")) {
      return new Operand(r, type);
    }
    if (r instanceof AslValue.Fixed) {
      return new Operand(r, type);
    }
    String field = "v" + evaluate.size();
    evaluate.put(field, r);
    return new Operand(new AslValue.Path(AslDocument.CHOICE + "." + field, type == Type.STRING), type);
  }

  private static Type typeOf(Parameter.ParameterType t) {
    return switch (t) {
      case STRING -> Type.STRING;
      case INTEGER, FLOAT -> Type.NUMERIC;
      case BOOLEAN -> Type.BOOLEAN;
    };
  }

  private Map<String, Object> compare(Condition.Operator op, Operand left, Operand right, Consumer<String> problems) {
    boolean leftFixed = left.value() instanceof AslValue.Fixed;
    boolean rightFixed = right.value() instanceof AslValue.Fixed;
    if (leftFixed && rightFixed) {
      return decide(op, ((AslValue.Fixed) left.value()).json(), ((AslValue.Fixed) right.value()).json()) ? always() : never();
    }
    if (leftFixed) {
      return compare(mirror(op), right, left, problems);
    }
    String variable = ((AslValue.Path) left.value()).path();
    if (rightFixed) {
      Object literal = ((AslValue.Fixed) right.value()).json();
      Type type = right.type();
      if (type == Type.BOOLEAN && op != Condition.Operator.EQ) {
        problems.accept("'" + op.yamlName() + "' cannot order booleans; the branch never matches");
        return never();
      }
      return simple(variable, prefix(type) + suffix(op), literal);
    }
    String other = ((AslValue.Path) right.value()).path();
    Type type = left.type() != Type.UNKNOWN ? left.type() : right.type();
    if (type == Type.BOOLEAN && op != Condition.Operator.EQ) {
      problems.accept("'" + op.yamlName() + "' cannot order booleans; the branch never matches");
      return never();
    }
    if (type != Type.UNKNOWN) {
      return simple(variable, prefix(type) + suffix(op) + "Path", other);
    }
    // Neither side says what it is: compare as numbers when both are numbers, else as strings (or booleans).
    List<Object> alternatives = new ArrayList<>();
    List<Type> types = op == Condition.Operator.EQ ? List.of(Type.NUMERIC, Type.STRING, Type.BOOLEAN)
        : List.of(Type.NUMERIC, Type.STRING);
    for (Type t : types) {
      String check = switch (t) {
        case NUMERIC -> "IsNumeric";
        case STRING -> "IsString";
        default -> "IsBoolean";
      };
      Map<String, Object> and = new LinkedHashMap<>();
      and.put("And", List.of(simple(variable, check, true), simple(other, check, true),
          simple(variable, prefix(t) + suffix(op) + "Path", other)));
      alternatives.add(and);
    }
    Map<String, Object> or = new LinkedHashMap<>();
    or.put("Or", alternatives);
    return or;
  }

  private static Map<String, Object> simple(String variable, String operator, Object operand) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("Variable", variable);
    r.put(operator, operand);
    return r;
  }

  private static String prefix(Type t) {
    return switch (t) {
      case NUMERIC, UNKNOWN -> "Numeric";
      case STRING -> "String";
      case BOOLEAN -> "Boolean";
    };
  }

  private static String suffix(Condition.Operator op) {
    return switch (op) {
      case EQ -> "Equals";
      case GT -> "GreaterThan";
      case GTE -> "GreaterThanEquals";
      case LT -> "LessThan";
      case LTE -> "LessThanEquals";
    };
  }

  private static Condition.Operator mirror(Condition.Operator op) {
    return switch (op) {
      case EQ -> Condition.Operator.EQ;
      case GT -> Condition.Operator.LT;
      case GTE -> Condition.Operator.LTE;
      case LT -> Condition.Operator.GT;
      case LTE -> Condition.Operator.GTE;
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static boolean decide(Condition.Operator op, Object a, Object b) {
    int cmp;
    if (a instanceof Number x && b instanceof Number y) {
      cmp = Double.compare(x.doubleValue(), y.doubleValue());
    } else if (a.getClass() == b.getClass() && a instanceof Comparable ca) {
      cmp = ca.compareTo(b);
    } else {
      return op == Condition.Operator.EQ && a.equals(b);
    }
    return switch (op) {
      case EQ -> cmp == 0;
      case GT -> cmp > 0;
      case GTE -> cmp >= 0;
      case LT -> cmp < 0;
      case LTE -> cmp <= 0;
    };
  }
}
