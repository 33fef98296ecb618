package io.pipeshift.from.airflow.eval;

import io.pipeshift.from.airflow.parse.PyLexer;
import io.pipeshift.from.airflow.parse.PyParser;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Reads a branch callable whose decision the IR can state: a body of {@code if TEST: return [task ids]}
 * clauses (or an if/elif/else chain) ending in {@code return [task ids]}, where each test compares DAG params
 * ({@code params["x"]}, {@code context["params"]["x"]}) with literals using {@code == != < <= > >= in not and
 * or}. A docstring and {@code params = context["params"]}-style assignments may come first. Anything else
 * (other statements, calls, run-time values) gives empty: the branch stays plain tasks.
 *
 * @param arms the tests in order, each with the task ids it returns
 * @param otherwise the task ids returned when no test holds
 */
public record BranchFunction(List<Arm> arms, List<String> otherwise) {

  /** One {@code if TEST: return [ids]}. */
  public record Arm(Condition when, List<String> taskIds) {}

  /** How the run-time values a test reads are named in the IR. */
  public interface Names {
    /** A DAG param's IR parameter name (empty when the DAG has no such param). */
    Optional<String> parameter(String name);

    /** The IR value of a task's XCom ({@code key} empty: its return value), if the IR can say it. */
    Optional<Value> output(String taskId, Optional<String> key);

    /** The IR value of a property of a JSON file in S3 ({@code read_json_property(uri, path)}), if known. */
    Optional<Value> jsonProperty(String uri, String path);
  }

  /** Reads {@code f}, naming the values its tests read with {@code names}. */
  public static Optional<BranchFunction> read(PyValue.Function f, Names parameter) {
    if (!(f.source().definition() instanceof PyParser.FuncDefContext def) || def.block().simpleStmts() != null) {
      return Optional.empty();
    }
    Reader r = new Reader(parameter, f);
    try {
      List<Arm> arms = new ArrayList<>();
      List<PyParser.StatementContext> body = def.block().statement();
      for (int i = 0; i < body.size(); i++) {
        PyParser.StatementContext st = body.get(i);
        boolean last = i == body.size() - 1;
        if (st.compoundStmt() != null && st.compoundStmt().ifStmt() != null) {
          PyParser.IfStmtContext ifs = st.compoundStmt().ifStmt();
          arms.add(new Arm(r.condition(ifs.namedExpression()), r.returned(ifs.block())));
          for (PyParser.ElifClauseContext e : ifs.elifClause()) {
            arms.add(new Arm(r.condition(e.namedExpression()), r.returned(e.block())));
          }
          if (ifs.elseBlock() != null) {
            if (!last) {
              return Optional.empty();
            }
            return Optional.of(new BranchFunction(arms, r.returned(ifs.elseBlock().block())));
          }
          continue;
        }
        if (st.simpleStmts() == null || st.simpleStmts().simpleStmt().size() != 1) {
          return Optional.empty();
        }
        PyParser.SimpleStmtContext s = st.simpleStmts().simpleStmt(0);
        if (last && s.returnStmt() != null) {
          return Optional.of(new BranchFunction(arms, r.ids(s.returnStmt().starExpressions())));
        }
        if (!arms.isEmpty() || !harmless(s, i == 0)) {
          return Optional.empty();
        }
      }
      return Optional.empty();
    } catch (NotStatic e) {
      return Optional.empty();
    }
  }

  /** A docstring, or {@code name = context["..."]}. */
  private static boolean harmless(PyParser.SimpleStmtContext s, boolean first) {
    PyParser.ExprStmtContext e = s.exprStmt();
    if (e == null || e.augAssign() != null || e.COLON() != null) {
      return false;
    }
    if (e.EQUAL().isEmpty()) {
      return first && e.getText().matches("(?s)[rRuU]?(\"\"\"|'''|\"|').*");
    }
    return e.EQUAL().size() == 1 && e.annotatedRhs(0).getText().matches("context\\[['\"][a-z_]+['\"]\\]");
  }

  private static final class NotStatic extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotStatic() {
      super(null, null, false, false);
    }
  }

  private static final class Reader {
    private static final java.util.regex.Pattern PARAM = java.util.regex.Pattern.compile(
        "(?:params|context\\[['\"]params['\"]\\])(?:\\[['\"]([^'\"]+)['\"]\\]|\\.([A-Za-z_][A-Za-z0-9_]*))");
    private static final java.util.regex.Pattern XCOM = java.util.regex.Pattern.compile(
        "(?:ti|task_instance|context\\[['\"](?:ti|task_instance)['\"]\\])\\.xcom_pull\\(task_ids=['\"]([^'\"]+)['\"]\\)"
            + "(?:\\[['\"]([^'\"]+)['\"]\\])?");
    private static final java.util.regex.Pattern JSON = java.util.regex.Pattern.compile(
        "([A-Za-z_][A-Za-z0-9_]*)\\((['\"])([^'\"]+)\\2,(['\"])([^'\"]+)\\4,?\\)");

    private final Names parameter;
    private final PyValue.Function function;

    Reader(Names parameter, PyValue.Function function) {
      this.parameter = parameter;
      this.function = function;
    }

    List<String> returned(PyParser.BlockContext block) {
      PyParser.SimpleStmtsContext simple = block.simpleStmts();
      if (simple == null && block.statement().size() == 1) {
        simple = block.statement(0).simpleStmts();
      }
      if (simple == null || simple.simpleStmt().size() != 1 || simple.simpleStmt(0).returnStmt() == null) {
        throw new NotStatic();
      }
      return ids(simple.simpleStmt(0).returnStmt().starExpressions());
    }

    /** A returned task id or list/tuple of task ids, as string literals. */
    List<String> ids(PyParser.StarExpressionsContext e) {
      if (e == null) {
        throw new NotStatic();
      }
      List<String> out = new ArrayList<>();
      if (e.starExpression().size() > 1 || !e.COMMA().isEmpty()) {
        e.starExpression().forEach(x -> out.add(string(x)));
        return out;
      }
      PyParser.PrimaryContext p = ModuleEvaluator.primaryOf(e);
      if (p != null && p.trailer().isEmpty() && p.atom().starNamedExpressionsOrComp() != null
          && p.atom().starNamedExpressionsOrComp().compFor() == null) {
        p.atom().starNamedExpressionsOrComp().starNamedExpression().forEach(x -> out.add(string(x)));
        return out;
      }
      out.add(string(e));
      return out;
    }

    private String string(ParserRuleContext ctx) {
      PyParser.PrimaryContext p = ModuleEvaluator.primaryOf(ctx);
      if (p == null || !p.trailer().isEmpty() || p.atom().strings() == null || !p.atom().strings().fstring().isEmpty()) {
        throw new NotStatic();
      }
      StringBuilder b = new StringBuilder();
      p.atom().strings().STRING().forEach(t -> b.append(PyLiterals.string(t.getText())));
      return b.toString();
    }

    Condition condition(ParserRuleContext ctx) {
      if (ctx instanceof PyParser.NamedExpressionContext n) {
        if (n.COLONEQUAL() != null) {
          throw new NotStatic();
        }
        return condition(n.expression());
      }
      if (ctx instanceof PyParser.ExpressionContext e) {
        if (e.IF() != null || e.lambdef() != null) {
          throw new NotStatic();
        }
        return disjunction(e.disjunction(0));
      }
      throw new NotStatic();
    }

    /** Flat {@code not}/{@code and}/{@code or} operands: not > and > or. */
    private Condition disjunction(PyParser.DisjunctionContext d) {
      List<Condition> ors = new ArrayList<>();
      List<Condition> ands = new ArrayList<>();
      int nots = 0;
      for (int i = 0; i < d.getChildCount(); i++) {
        ParseTree c = d.getChild(i);
        if (c instanceof TerminalNode t) {
          int type = t.getSymbol().getType();
          if (type == PyLexer.NOT) {
            nots++;
          } else if (type == PyLexer.OR) {
            ors.add(all(ands));
            ands = new ArrayList<>();
          }
        } else {
          Condition x = comparison((PyParser.ComparisonContext) c);
          for (int k = 0; k < nots; k++) {
            x = new Condition.Not(x);
          }
          nots = 0;
          ands.add(x);
        }
      }
      ors.add(all(ands));
      return ors.size() == 1 ? ors.get(0) : new Condition.Any(ors);
    }

    private static Condition all(List<Condition> ands) {
      return ands.size() == 1 ? ands.get(0) : new Condition.All(ands);
    }

    private Condition comparison(PyParser.ComparisonContext c) {
      if (c.getChildCount() == 1) {
        // a parenthesised condition, or a boolean param used as a test
        PyParser.PrimaryContext p = ModuleEvaluator.primaryOf(c.bitExpr(0));
        if (p != null && p.trailer().isEmpty() && p.atom().LPAR() != null && p.atom().starNamedExpressionsOrComp() != null
            && p.atom().starNamedExpressionsOrComp().starNamedExpression().size() == 1) {
          return condition(p.atom().starNamedExpressionsOrComp().starNamedExpression(0).namedExpression());
        }
        return new Condition.Comparison(Condition.Operator.EQ, value(c.bitExpr(0)), Value.Literal.of(true));
      }
      List<Condition> links = new ArrayList<>();
      int operand = 0;
      for (int i = 1; i < c.getChildCount(); i++) {
        if (!(c.getChild(i) instanceof TerminalNode)) {
          continue;
        }
        StringBuilder op = new StringBuilder(c.getChild(i).getText());
        while (i + 1 < c.getChildCount() && c.getChild(i + 1) instanceof TerminalNode t2) {
          op.append(' ').append(t2.getText());
          i++;
        }
        PyParser.BitExprContext leftCtx = c.bitExpr(operand);
        PyParser.BitExprContext rightCtx = c.bitExpr(++operand);
        links.add(link(op.toString(), leftCtx, rightCtx));
      }
      return all(links);
    }

    private Condition link(String op, PyParser.BitExprContext l, PyParser.BitExprContext r) {
      switch (op) {
        case "in", "not in" -> {
          Condition in = new Condition.In(value(l), list(r));
          return op.equals("in") ? in : new Condition.Not(in);
        }
        case "is", "==" -> {
          return new Condition.Comparison(Condition.Operator.EQ, value(l), value(r));
        }
        case "is not", "!=" -> {
          return new Condition.Not(new Condition.Comparison(Condition.Operator.EQ, value(l), value(r)));
        }
        default -> {
          Condition.Operator o = switch (op) {
            case "<" -> Condition.Operator.LT;
            case "<=" -> Condition.Operator.LTE;
            case ">" -> Condition.Operator.GT;
            case ">=" -> Condition.Operator.GTE;
            default -> throw new NotStatic();
          };
          return new Condition.Comparison(o, value(l), value(r));
        }
      }
    }

    private List<Value> list(PyParser.BitExprContext ctx) {
      PyParser.PrimaryContext p = ModuleEvaluator.primaryOf(ctx);
      if (p == null || !p.trailer().isEmpty() || p.atom().starNamedExpressionsOrComp() == null
          || p.atom().starNamedExpressionsOrComp().compFor() != null) {
        throw new NotStatic();
      }
      List<Value> out = new ArrayList<>();
      p.atom().starNamedExpressionsOrComp().starNamedExpression().forEach(x -> out.add(value(x)));
      return out;
    }

    /** A literal, or a DAG param read as {@code params["x"]}, {@code params.x} or {@code context["params"]["x"]}. */
    private Value value(ParserRuleContext ctx) {
      if (ctx instanceof PyParser.BitExprContext b && b.getChildCount() == 1
          && b.factor(0).getChildCount() == 2 && b.factor(0).MINUS().size() == 1) {
        Value v = value(b.factor(0).primary());
        if (v instanceof Value.Literal lit && lit.value() instanceof Long n) {
          return Value.Literal.of(-n);
        }
        if (v instanceof Value.Literal lit && lit.value() instanceof Double x) {
          return Value.Literal.of(-x);
        }
        throw new NotStatic();
      }
      PyParser.PrimaryContext p = ctx instanceof PyParser.PrimaryContext pc ? pc : ModuleEvaluator.primaryOf(ctx);
      if (p == null) {
        throw new NotStatic();
      }
      PyParser.AtomContext a = p.atom();
      if (p.trailer().isEmpty()) {
        if (a.strings() != null && a.strings().fstring().isEmpty()) {
          StringBuilder b = new StringBuilder();
          a.strings().STRING().forEach(t -> b.append(PyLiterals.string(t.getText())));
          return Value.Literal.of(b.toString());
        }
        if (a.getChildCount() == 1) {
          int type = a.getStart().getType();
          if (type == PyLexer.NUMBER) {
            PyValue n = PyLiterals.number(a.getText());
            if (n instanceof PyValue.Int i) {
              return Value.Literal.of(i.value());
            }
            if (n instanceof PyValue.Float x) {
              return Value.Literal.of(x.value());
            }
          } else if (type == PyLexer.TRUE || type == PyLexer.FALSE) {
            return Value.Literal.of(type == PyLexer.TRUE);
          }
        }
        throw new NotStatic();
      }
      String text = p.getText();
      java.util.regex.Matcher m = PARAM.matcher(text);
      if (m.matches()) {
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        return parameter.parameter(name).<Value>map(Value.ParameterRef::new).orElseThrow(NotStatic::new);
      }
      m = XCOM.matcher(text);
      if (m.matches()) {
        return parameter.output(m.group(1), Optional.ofNullable(m.group(2))).orElseThrow(NotStatic::new);
      }
      m = JSON.matcher(text);
      if (m.matches() && function.closure().get(m.group(1)).orElse(null) instanceof PyValue.Function helper
          && helper.source().code().contains("json")) {
        return parameter.jsonProperty(m.group(3), m.group(5)).orElseThrow(NotStatic::new);
      }
      throw new NotStatic();
    }
  }
}
