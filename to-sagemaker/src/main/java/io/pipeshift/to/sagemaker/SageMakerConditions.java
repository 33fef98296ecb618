package io.pipeshift.to.sagemaker;

import io.pipeshift.ir.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IR conditions -> a condition step's {@code Conditions} list (all must hold).
 *
 * <p>SageMaker has Equals, GreaterThan(OrEqualTo), LessThan(OrEqualTo), In, Not and Or, but no And except
 * the top-level list. So a condition is first put in negation normal form (Not only around comparisons
 * and In), then in conjunctive normal form: each clause becomes one entry of the list, a clause of one
 * literal as itself, a longer one as {@code Or}. {@code all: [a, b]} becomes two entries,
 * {@code any: [a, b]} one {@code Or}, {@code not: {all: [a, b]}} an {@code Or} of two {@code Not}s.
 * The result means exactly what the IR condition means.
 */
final class SageMakerConditions {

  /** More clauses than this means a pathological condition; it is still emitted, just large. */
  static final int CLAUSE_LIMIT = 256;

  private SageMakerConditions() {}

  /** The Conditions list for the conjunction of {@code conjuncts}. */
  static List<Object> render(List<Condition> conjuncts, SageMakerValues values) {
    List<List<Condition>> clauses = new ArrayList<>();
    for (Condition c : conjuncts) {
      clauses.addAll(cnf(nnf(c, false)));
    }
    List<Object> out = new ArrayList<>();
    for (List<Condition> clause : clauses) {
      if (clause.size() == 1) {
        out.add(literal(clause.get(0), values));
      } else {
        List<Object> parts = new ArrayList<>();
        clause.forEach(l -> parts.add(literal(l, values)));
        Map<String, Object> or = new LinkedHashMap<>();
        or.put("Type", "Or");
        or.put("Conditions", parts);
        out.add(or);
      }
    }
    return out;
  }

  /** Negation normal form: Not only directly around a comparison or In. */
  static Condition nnf(Condition c, boolean negate) {
    if (c instanceof Condition.Not n) {
      return nnf(n.condition(), !negate);
    }
    if (c instanceof Condition.All a) {
      List<Condition> parts = a.conditions().stream().map(x -> nnf(x, negate)).toList();
      return negate ? new Condition.Any(parts) : new Condition.All(parts);
    }
    if (c instanceof Condition.Any a) {
      List<Condition> parts = a.conditions().stream().map(x -> nnf(x, negate)).toList();
      return negate ? new Condition.All(parts) : new Condition.Any(parts);
    }
    return negate ? new Condition.Not(c) : c;
  }

  /** Conjunctive normal form of an NNF condition: a list of clauses, each a list of literals (any holds). */
  static List<List<Condition>> cnf(Condition c) {
    if (c instanceof Condition.All a) {
      List<List<Condition>> out = new ArrayList<>();
      a.conditions().forEach(x -> out.addAll(cnf(x)));
      return out;
    }
    if (c instanceof Condition.Any a) {
      List<List<Condition>> out = new ArrayList<>();
      out.add(new ArrayList<>());
      for (Condition x : a.conditions()) {
        List<List<Condition>> next = new ArrayList<>();
        for (List<Condition> left : out) {
          for (List<Condition> right : cnf(x)) {
            List<Condition> merged = new ArrayList<>(left);
            merged.addAll(right);
            next.add(merged);
          }
        }
        if (next.size() > CLAUSE_LIMIT) {
          throw new IllegalArgumentException("condition too complex: more than " + CLAUSE_LIMIT + " clauses");
        }
        out = next;
      }
      return out;
    }
    List<List<Condition>> one = new ArrayList<>();
    one.add(List.of(c));
    return one;
  }

  private static Map<String, Object> literal(Condition c, SageMakerValues values) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (c instanceof Condition.Not n) {
      m.put("Type", "Not");
      m.put("Condition", literal(n.condition(), values));
    } else if (c instanceof Condition.Comparison cmp) {
      m.put("Type", switch (cmp.operator()) {
        case EQ -> "Equals";
        case GT -> "GreaterThan";
        case GTE -> "GreaterThanOrEqualTo";
        case LT -> "LessThan";
        case LTE -> "LessThanOrEqualTo";
      });
      m.put("LeftValue", values.render(cmp.left()));
      m.put("RightValue", values.render(cmp.right()));
    } else if (c instanceof Condition.In in) {
      m.put("Type", "In");
      m.put("QueryValue", values.render(in.value()));
      List<Object> list = new ArrayList<>();
      in.values().forEach(v -> list.add(values.render(v)));
      m.put("Values", list);
    } else {
      throw new IllegalStateException("not a literal after normalisation: " + c);
    }
    return m;
  }
}
