package io.pipeshift.from.airflow.eval;

import io.pipeshift.from.airflow.parse.PyLexer;
import io.pipeshift.from.airflow.parse.PyParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Evaluates a parsed DAG file statically: module-level code is interpreted over {@link PyValue}s, so that
 * constants, containers, f-strings, loops over known lists, helper functions, {@code with DAG(...)},
 * {@code @dag}/{@code @task} functions, task groups and dependency operators give the DAGs the file builds.
 * Nothing is imported or executed: a call the evaluator does not model yields an {@link PyValue.Unresolved}
 * value (or an {@link PyValue.Instance} for a class), never a side effect. One instance per file; not
 * thread-safe.
 */
public final class ModuleEvaluator {

  private static final int MAX_CALL_DEPTH = 48;
  private static final long MAX_STEPS = 400_000;
  private static final int MAX_RANGE = 100_000;
  private static final int MAX_MARKER = 160;
  private static final java.util.regex.Pattern NEWLINES = java.util.regex.Pattern.compile("\\s*\\n\\s*");

  private final String moduleName;
  final Scope module = new Scope(null);
  final List<DagNode> dags = new ArrayList<>();
  private final List<EvalWarning> warnings = new ArrayList<>();
  private final Set<String> warned = new HashSet<>();
  final Deque<DagNode> dagContext = new ArrayDeque<>();
  final Deque<TaskGroupNode> groupContext = new ArrayDeque<>();
  final Deque<List<TaskNode>> createdIn = new ArrayDeque<>();
  private final Calls calls;
  private final Map<PyParser.FuncDefContext, Boolean> generators = new java.util.IdentityHashMap<>();
  private int depth;
  private long steps;
  private String docstring;

  private ModuleEvaluator(String moduleName) {
    this.moduleName = moduleName;
    this.calls = new Calls(this);
  }

  /** Evaluates the module {@code moduleName} (the file's stem) from its parse tree. */
  public static EvaluatedModule evaluate(String moduleName, PyParser.FileInputContext tree) {
    ModuleEvaluator e = new ModuleEvaluator(moduleName);
    e.run(tree);
    return new EvaluatedModule(e.dags, e.warnings, e.docstring);
  }

  String moduleName() {
    return moduleName;
  }

  private void run(PyParser.FileInputContext tree) {
    module.assign("__name__", new PyValue.Str(moduleName));
    List<PyParser.StatementContext> statements = tree.statement();
    if (!statements.isEmpty()) {
      docstring = docstringOf(statements.get(0));
      module.assign("__doc__", docstring == null ? PyValue.None.NONE : new PyValue.Str(docstring));
    }
    try {
      for (PyParser.StatementContext st : statements) {
        exec(st, module);
      }
    } catch (Raise r) {
      warn(r.line, r.column, "raise at module level",
          "the module raises an exception here when it is imported; the rest of the file was not evaluated");
    } catch (OutOfBudget b) {
      warn(1, 1, "evaluation budget", "the file needs more than " + MAX_STEPS
          + " evaluation steps; the rest of it was not evaluated");
    } catch (Signal stray) {
      // return/break/continue outside a function or loop: a syntax error CPython reports; nothing to do
    }
    if (!dags.isEmpty()) {
      ifDags.forEach(w -> warn(w.line(), w.column(), w.construct(), w.message()));
      for (TaskNode t : calls.relations.orphans()) {
        warn(t.line(), t.column(), "task outside a DAG", "task '" + t.taskId()
            + "' belongs to no DAG (no `with DAG`, no dag= and no edge to a DAG's task); it is not imported");
      }
    }
  }

  private static String docstringOf(PyParser.StatementContext st) {
    if (st.simpleStmts() == null || st.simpleStmts().simpleStmt().size() != 1) {
      return null;
    }
    PyParser.ExprStmtContext e = st.simpleStmts().simpleStmt(0).exprStmt();
    if (e == null || !e.EQUAL().isEmpty() || e.augAssign() != null || e.COLON() != null) {
      return null;
    }
    ParserRuleContext p = unwrapToAtom(e.starExpressions());
    if (p instanceof PyParser.AtomContext a && a.strings() != null && a.strings().fstring().isEmpty()) {
      StringBuilder b = new StringBuilder();
      for (TerminalNode t : a.strings().STRING()) {
        b.append(PyLiterals.string(t.getText()));
      }
      return b.toString();
    }
    return null;
  }

  // ================================================================ warnings and markers

  void warn(int line, int column, String construct, String message) {
    if (warned.add(line + ":" + column + ":" + construct)) {
      warnings.add(new EvalWarning(line, column, construct, message));
    }
  }

  private final List<EvalWarning> ifDags = new ArrayList<>();

  /** A warning that only matters when the file builds a DAG (e.g. an unknown decorator in a plugin file). */
  void warnIfDags(ParserRuleContext at, String construct, String message) {
    Token t = at.getStart();
    ifDags.add(new EvalWarning(t.getLine(), t.getCharPositionInLine() + 1, construct, message));
  }

  void warn(ParserRuleContext at, String construct, String message) {
    Token t = at.getStart();
    warn(t.getLine(), t.getCharPositionInLine() + 1, construct, message);
  }

  PyValue.Unresolved unresolved(ParserRuleContext at, String construct) {
    Token t = at.getStart();
    return new PyValue.Unresolved(text(at), construct, t.getLine(), t.getCharPositionInLine() + 1);
  }

  /** The source text of a part of the file (shortened for markers). */
  static String text(ParserRuleContext ctx) {
    Token start = ctx.getStart();
    Token stop = lastRealToken(ctx);
    if (stop == null || stop.getStopIndex() < start.getStartIndex()) {
      return ctx.getText();
    }
    String t = start.getInputStream().getText(Interval.of(start.getStartIndex(),
        Math.min(stop.getStopIndex(), start.getStartIndex() + 4 * MAX_MARKER)));
    if (t.indexOf('\n') >= 0) {
      t = NEWLINES.matcher(t).replaceAll(" ");
    }
    return t.length() > MAX_MARKER ? t.substring(0, MAX_MARKER - 3) + "..." : t;
  }

  /** The full source text of a part of the file, as written. */
  public static String sourceText(ParserRuleContext ctx) {
    return fullText(ctx);
  }

  /** The full source text of a part of the file, as written. */
  static String fullText(ParserRuleContext ctx) {
    Token start = ctx.getStart();
    Token stop = lastRealToken(ctx);
    if (stop == null) {
      return "";
    }
    return start.getInputStream().getText(Interval.of(start.getStartIndex(), stop.getStopIndex()));
  }

  /** The last token of a subtree that is real text (not NEWLINE/INDENT/DEDENT/EOF). */
  static Token lastRealToken(ParseTree node) {
    if (node instanceof TerminalNode t) {
      int type = t.getSymbol().getType();
      boolean synthetic = type == PyLexer.NEWLINE || type == PyLexer.INDENT || type == PyLexer.DEDENT
          || type == Token.EOF || t.getSymbol().getStartIndex() > t.getSymbol().getStopIndex();
      return synthetic ? null : t.getSymbol();
    }
    for (int i = node.getChildCount() - 1; i >= 0; i--) {
      Token t = lastRealToken(node.getChild(i));
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  // ================================================================ control signals

  /** Non-local control flow inside the interpreter; no stack trace is filled in. */
  static class Signal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Signal() {
      super(null, null, false, false);
    }
  }

  static final class Return extends Signal {
    private static final long serialVersionUID = 1L;
    final transient PyValue value;

    Return(PyValue value) {
      this.value = value;
    }
  }

  static final class Raise extends Signal {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    Raise(int line, int column) {
      this.line = line;
      this.column = column;
    }
  }

  static final class OutOfBudget extends Signal {
    private static final long serialVersionUID = 1L;
  }

  private static final Signal BREAK = new Signal();
  private static final Signal CONTINUE = new Signal();

  private void tick() {
    if (++steps > MAX_STEPS) {
      throw new OutOfBudget();
    }
  }

  // ================================================================ statements

  void execBlock(PyParser.BlockContext block, Scope s) {
    for (int i = 0; i < block.getChildCount(); i++) {
      ParseTree c = block.getChild(i);
      if (c instanceof PyParser.StatementContext st) {
        exec(st, s);
      } else if (c instanceof PyParser.SimpleStmtsContext simple) {
        simple(simple, s);
      }
    }
  }

  void exec(PyParser.StatementContext st, Scope s) {
    tick();
    try {
      ParseTree first = st.getChild(0);
      if (first instanceof PyParser.CompoundStmtContext c) {
        compound(c, s);
      } else {
        simple((PyParser.SimpleStmtsContext) first, s);
      }
    } catch (Signal signal) {
      throw signal;
    } catch (RuntimeException | StackOverflowError e) {
      warn(st, "evaluator limit", "this statement could not be evaluated statically (" + e.getClass().getSimpleName()
          + "); what it builds is missing");
    }
  }

  private void simple(PyParser.SimpleStmtsContext stmts, Scope s) {
    for (int i = 0; i < stmts.getChildCount(); i++) {
      if (!(stmts.getChild(i) instanceof PyParser.SimpleStmtContext st)) {
        continue;
      }
      if (st.getChild(0) instanceof PyParser.ExprStmtContext e) {
        exprStmt(e, s);
      } else if (st.importStmt() != null) {
        importStmt(st.importStmt(), s);
      } else if (st.returnStmt() != null) {
        PyParser.StarExpressionsContext v = st.returnStmt().starExpressions();
        throw new Return(v == null ? PyValue.None.NONE : eval(v, s));
      } else if (st.raiseStmt() != null) {
        Token t = st.getStart();
        throw new Raise(t.getLine(), t.getCharPositionInLine() + 1);
      } else if (st.breakStmt() != null) {
        throw BREAK;
      } else if (st.continueStmt() != null) {
        throw CONTINUE;
      } else if (st.globalStmt() != null) {
        st.globalStmt().name().forEach(n -> s.declareGlobal(n.getText()));
      } else if (st.delStmt() != null) {
        for (PyParser.PrimaryContext p : st.delStmt().delTargets().primary()) {
          if (p.trailer().isEmpty()) {
            s.delete(p.atom().getText());
          }
        }
      }
      // pass, assert, yield, nonlocal, type aliases: nothing that builds a DAG
    }
  }

  private void exprStmt(PyParser.ExprStmtContext st, Scope s) {
    PyParser.StarExpressionsContext target = (PyParser.StarExpressionsContext) st.getChild(0);
    int n = st.getChildCount();
    if (n == 1) {
      eval(target, s);
      return;
    }
    if (n == 3 && st.getChild(1) instanceof TerminalNode eq && eq.getSymbol().getType() == PyLexer.EQUAL) {
      PyParser.AnnotatedRhsContext r = (PyParser.AnnotatedRhsContext) st.getChild(2);
      assign(target, rhs(r, s), s);
      return;
    }
    if (st.augAssign() != null) {
      PyValue current = eval(target, s);
      PyValue rhs = rhs(st.annotatedRhs(0), s);
      String op = st.augAssign().getText();
      op = op.substring(0, op.length() - 1);
      if (op.equals("+") && current instanceof PyValue.PyList l) {
        Optional<List<PyValue>> items = iterate(rhs);
        if (items.isPresent()) {
          l.items().addAll(items.get());
          return;
        }
      }
      assign(target, binary(op, current, rhs, st), s);
      return;
    }
    if (st.COLON() != null) {
      if (!st.annotatedRhs().isEmpty()) {
        assign(target, rhs(st.annotatedRhs(0), s), s);
      }
      return;
    }
    List<PyParser.AnnotatedRhsContext> rhs = st.annotatedRhs();
    if (rhs.isEmpty()) {
      eval(target, s);
      return;
    }
    PyValue value = rhs(rhs.get(rhs.size() - 1), s);
    assign(target, value, s);
    for (int i = 0; i < rhs.size() - 1; i++) {
      if (rhs.get(i).starExpressions() != null) {
        assign(rhs.get(i).starExpressions(), value, s);
      }
    }
  }

  private PyValue rhs(PyParser.AnnotatedRhsContext r, Scope s) {
    return r.getChild(0) instanceof PyParser.StarExpressionsContext e ? eval(e, s) : unresolved(r, "yield");
  }

  private void importStmt(PyParser.ImportStmtContext st, Scope s) {
    if (st.importName() != null) {
      for (PyParser.DottedAsNameContext d : st.importName().dottedAsName()) {
        String dotted = d.dottedName().getText();
        if (d.AS() != null) {
          s.assign(d.name().getText(), new PyValue.Symbol(dotted));
        } else {
          String top = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
          s.assign(top, new PyValue.Symbol(top));
        }
      }
      return;
    }
    PyParser.ImportFromContext f = st.importFrom();
    StringBuilder from = new StringBuilder();
    for (int i = 0; i < f.getChildCount(); i++) {
      ParseTree c = f.getChild(i);
      if (c instanceof TerminalNode t && (t.getSymbol().getType() == PyLexer.DOT
          || t.getSymbol().getType() == PyLexer.ELLIPSIS)) {
        from.append(t.getText());
      }
    }
    if (f.dottedName() != null) {
      from.append(f.dottedName().getText());
    }
    PyParser.ImportTargetsContext targets = f.importTargets();
    if (targets.STAR() != null) {
      warn(st, "star import", "`from " + from + " import *` binds names the evaluator cannot see");
      return;
    }
    String prefix = from.toString();
    for (PyParser.ImportAsNameContext n : targets.importAsName()) {
      String name = n.name(0).getText();
      String bound = n.AS() != null ? n.name(1).getText() : name;
      String qn = prefix.endsWith(".") ? prefix + name : prefix + "." + name;
      s.assign(bound, new PyValue.Symbol(qn));
    }
  }

  private void compound(PyParser.CompoundStmtContext c, Scope s) {
    ParseTree first = c.getChild(0);
    if (first instanceof PyParser.WithStmtContext w) {
      withStmt(w, s);
    } else if (first instanceof PyParser.FuncDefContext def) {
      PyValue.Function f = function(def, def, s);
      s.assign(f.name(), f);
    } else if (first instanceof PyParser.DecoratedContext d) {
      decorated(d, s);
    } else if (first instanceof PyParser.ForStmtContext f) {
      forStmt(f, s);
    } else if (first instanceof PyParser.IfStmtContext i) {
      ifStmt(i, s);
    } else if (c.tryStmt() != null) {
      PyParser.TryStmtContext t = c.tryStmt();
      try {
        execBlock(t.block(), s);
        if (t.elseBlock() != null) {
          execBlock(t.elseBlock().block(), s);
        }
      } finally {
        if (t.finallyBlock() != null) {
          execBlock(t.finallyBlock().block(), s);
        }
      }
    } else if (c.classDef() != null) {
      s.assign(c.classDef().name().getText(), classDef(c.classDef(), s));
    } else if (c.whileStmt() != null) {
      PyParser.WhileStmtContext w = c.whileStmt();
      Boolean test = truth(eval(w.namedExpression(), s));
      if (Boolean.FALSE.equals(test)) {
        if (w.elseBlock() != null) {
          execBlock(w.elseBlock().block(), s);
        }
      } else {
        warn(w, "while loop", "a while loop depends on run-time values; its body was not evaluated");
      }
    } else if (c.matchStmt() != null) {
      warn(c.matchStmt(), "match statement", "match statements are not evaluated statically; the body was skipped");
    }
  }

  private void ifStmt(PyParser.IfStmtContext st, Scope s) {
    List<PyParser.NamedExpressionContext> tests = new ArrayList<>();
    List<PyParser.BlockContext> blocks = new ArrayList<>();
    tests.add(st.namedExpression());
    blocks.add(st.block());
    for (PyParser.ElifClauseContext e : st.elifClause()) {
      tests.add(e.namedExpression());
      blocks.add(e.block());
    }
    for (int i = 0; i < tests.size(); i++) {
      PyValue v = eval(tests.get(i), s);
      Boolean b = truth(v);
      if (b == null) {
        boolean raises = blocks.get(i).statement().stream().anyMatch(x -> x.simpleStmts() != null
            && x.simpleStmts().simpleStmt().stream().anyMatch(y -> y.raiseStmt() != null));
        String construct = v instanceof PyValue.Unresolved u ? u.construct() : "condition";
        if (raises) {
          warn(tests.get(i), construct, "the condition `" + text(tests.get(i)) + "` cannot be decided statically;"
              + " assumed false (its branch raises)");
          continue;
        }
        warn(tests.get(i), construct, "the condition `" + text(tests.get(i)) + "` cannot be decided statically;"
            + " assumed true");
        execBlock(blocks.get(i), s);
        return;
      }
      if (b) {
        execBlock(blocks.get(i), s);
        return;
      }
    }
    if (st.elseBlock() != null) {
      execBlock(st.elseBlock().block(), s);
    }
  }

  private void forStmt(PyParser.ForStmtContext st, Scope s) {
    PyValue iterable = eval(st.starExpressions(), s);
    Optional<List<PyValue>> items = iterate(iterable);
    if (items.isEmpty()) {
      String construct = iterable instanceof PyValue.Unresolved u ? u.construct() : "loop over unknown";
      warn(st.starExpressions(), construct, "the loop runs over `" + text(st.starExpressions())
          + "`, which is known only at run time; its body was not evaluated");
      return;
    }
    boolean broke = false;
    for (PyValue item : items.get()) {
      tick();
      assignTargets(st.starTargets(), item, s);
      try {
        execBlock(st.block(), s);
      } catch (Signal sig) {
        if (sig == BREAK) {
          broke = true;
          break;
        }
        if (sig != CONTINUE) {
          throw sig;
        }
      }
    }
    if (!broke && st.elseBlock() != null) {
      execBlock(st.elseBlock().block(), s);
    }
  }

  private void withStmt(PyParser.WithStmtContext st, Scope s) {
    List<Runnable> exits = new ArrayList<>();
    try {
      for (PyParser.WithItemContext item : st.withItem()) {
        PyValue v = eval(item.expression(), s);
        exits.add(enter(v, item));
        if (item.starTarget() != null) {
          assignTarget(item.starTarget(), v, s);
        }
      }
      execBlock(st.block(), s);
    } finally {
      for (int i = exits.size() - 1; i >= 0; i--) {
        exits.get(i).run();
      }
    }
  }

  /** Enters a context manager; the returned action leaves it. */
  private Runnable enter(PyValue v, ParserRuleContext at) {
    if (v instanceof DagNode d) {
      dagContext.push(d);
      return dagContext::pop;
    }
    if (v instanceof TaskGroupNode g) {
      groupContext.push(g);
      return groupContext::pop;
    }
    List<TaskNode> tasks = calls.relations.tasksOf(v);
    if (!tasks.isEmpty() && tasks.stream().allMatch(t -> t.isSetup() || t.isTeardown())) {
      List<TaskNode> created = new ArrayList<>();
      createdIn.push(created);
      return () -> {
        createdIn.pop();
        calls.relations.setupTeardownScope(tasks, created);
      };
    }
    return () -> { };
  }

  private void decorated(PyParser.DecoratedContext d, Scope s) {
    List<PyValue> decorators = new ArrayList<>();
    for (PyParser.DecoratorContext dec : d.decorator()) {
      decorators.add(eval(dec.namedExpression(), s));
    }
    PyValue value;
    String name;
    if (d.funcDef() != null) {
      PyValue.Function f = function(d.funcDef(), d.funcDef(), s);
      value = f;
      name = f.name();
    } else {
      value = classDef(d.classDef(), s);
      name = d.classDef().name().getText();
    }
    for (int i = decorators.size() - 1; i >= 0; i--) {
      value = calls.decorate(decorators.get(i), value, d.decorator(i));
    }
    s.assign(name, value);
  }

  private PyValue classDef(PyParser.ClassDefContext c, Scope s) {
    List<PyValue> bases = new ArrayList<>();
    if (c.arguments() != null) {
      for (PyParser.ArgumentContext a : c.arguments().argument()) {
        if (a.namedExpression() != null) {
          bases.add(eval(a.namedExpression(), s));
        }
      }
    }
    String name = c.name().getText();
    return new PyValue.ClassDef(name, moduleName + "." + name, bases);
  }

  // ================================================================ functions

  PyValue.Function function(PyParser.FuncDefContext def, ParserRuleContext sourceStart, Scope s) {
    String name = def.name().getText();
    Token start = def.getStart();
    FunctionSource source = new FunctionSource(name, def, start.getLine(), start.getCharPositionInLine() + 1);
    return new PyValue.Function(name, source, s, parameters(def.parameters(), s));
  }

  private PyValue.Function lambda(PyParser.LambdefContext l, Scope s) {
    Token start = l.getStart();
    FunctionSource source = new FunctionSource("<lambda>", l, start.getLine(), start.getCharPositionInLine() + 1);
    return new PyValue.Function("<lambda>", source, s, lambdaParameters(l.lambdaParameters(), s));
  }

  /** Removes the first line's indentation from every following line (a nested def becomes top-level). */
  static String dedent(String text, int column) {
    if (column == 0 || text.indexOf('\n') < 0) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    StringBuilder b = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      int cut = 0;
      while (cut < column && cut < line.length() && (line.charAt(cut) == ' ' || line.charAt(cut) == '\t')) {
        cut++;
      }
      b.append('\n').append(line.substring(cut));
    }
    return b.toString();
  }

  private List<FunctionSource.Parameter> parameters(PyParser.ParametersContext p, Scope s) {
    List<FunctionSource.Parameter> out = new ArrayList<>();
    if (p == null) {
      return out;
    }
    FunctionSource.Kind kind = FunctionSource.Kind.POSITIONAL_OR_KEYWORD;
    collectParameters(p, out, s, new FunctionSource.Kind[] {kind});
    return out;
  }

  private void collectParameters(ParserRuleContext node, List<FunctionSource.Parameter> out, Scope s,
      FunctionSource.Kind[] kind) {
    for (int i = 0; i < node.getChildCount(); i++) {
      ParseTree c = node.getChild(i);
      if (c instanceof TerminalNode t) {
        int type = t.getSymbol().getType();
        if (type == PyLexer.SLASH) {
          List<FunctionSource.Parameter> copy = new ArrayList<>();
          for (FunctionSource.Parameter p : out) {
            copy.add(new FunctionSource.Parameter(p.name(), FunctionSource.Kind.POSITIONAL_ONLY, p.defaultValue()));
          }
          out.clear();
          out.addAll(copy);
        } else if (type == PyLexer.STAR) {
          kind[0] = FunctionSource.Kind.KEYWORD_ONLY;
        }
      } else if (c instanceof PyParser.ParamContext p) {
        PyValue def = p.expression() != null ? eval(p.expression(), s) : null;
        out.add(new FunctionSource.Parameter(p.name().getText(), kind[0], def));
      } else if (c instanceof PyParser.StarParamContext sp) {
        out.add(new FunctionSource.Parameter(sp.name().getText(), FunctionSource.Kind.VAR_POSITIONAL, null));
        kind[0] = FunctionSource.Kind.KEYWORD_ONLY;
      } else if (c instanceof PyParser.KwdsParamContext kp) {
        out.add(new FunctionSource.Parameter(kp.name().getText(), FunctionSource.Kind.VAR_KEYWORD, null));
      } else if (c instanceof PyParser.StarEtcContext se) {
        collectParameters(se, out, s, kind);
      }
    }
  }

  private List<FunctionSource.Parameter> lambdaParameters(PyParser.LambdaParametersContext p, Scope s) {
    List<FunctionSource.Parameter> out = new ArrayList<>();
    if (p != null) {
      collectLambdaParameters(p, out, s, new FunctionSource.Kind[] {FunctionSource.Kind.POSITIONAL_OR_KEYWORD});
    }
    return out;
  }

  private void collectLambdaParameters(ParserRuleContext node, List<FunctionSource.Parameter> out, Scope s,
      FunctionSource.Kind[] kind) {
    for (int i = 0; i < node.getChildCount(); i++) {
      ParseTree c = node.getChild(i);
      if (c instanceof TerminalNode t) {
        if (t.getSymbol().getType() == PyLexer.STAR) {
          ParseTree next = i + 1 < node.getChildCount() ? node.getChild(i + 1) : null;
          if (next instanceof PyParser.NameContext n) {
            out.add(new FunctionSource.Parameter(n.getText(), FunctionSource.Kind.VAR_POSITIONAL, null));
            i++;
          }
          kind[0] = FunctionSource.Kind.KEYWORD_ONLY;
        }
      } else if (c instanceof PyParser.LambdaParamContext p) {
        PyValue def = p.expression() != null ? eval(p.expression(), s) : null;
        out.add(new FunctionSource.Parameter(p.name().getText(), kind[0], def));
      } else if (c instanceof PyParser.LambdaKwdsContext k) {
        out.add(new FunctionSource.Parameter(k.name().getText(), FunctionSource.Kind.VAR_KEYWORD, null));
      } else if (c instanceof PyParser.LambdaStarEtcContext se) {
        collectLambdaParameters(se, out, s, kind);
      }
    }
  }

  /** Calls a function of the file: binds the arguments and interprets its body. */
  PyValue invoke(PyValue.Function f, List<PyValue> args, Map<String, PyValue> kwargs, ParserRuleContext at) {
    if (depth >= MAX_CALL_DEPTH) {
      return unresolved(at, "deep recursion");
    }
    Scope local = new Scope(f.closure());
    bind(f, args, kwargs, local);
    return run(f, local, at);
  }

  /** Interprets a function's body in a scope whose arguments are already bound. */
  PyValue run(PyValue.Function f, Scope local, ParserRuleContext at) {
    if (depth >= MAX_CALL_DEPTH) {
      return unresolved(at, "deep recursion");
    }
    depth++;
    try {
      if (f.source().definition() instanceof PyParser.LambdefContext l) {
        return eval(l.expression(), local);
      }
      PyParser.FuncDefContext def = (PyParser.FuncDefContext) f.source().definition();
      if (generators.computeIfAbsent(def, d -> containsYield(d.block()))) {
        return unresolved(at, "generator function");
      }
      execBlock(def.block(), local);
      return PyValue.None.NONE;
    } catch (Return r) {
      return r.value;
    } catch (Raise r) {
      return unresolved(at, "function raises");
    } finally {
      depth--;
    }
  }

  private static boolean containsYield(ParseTree node) {
    if (node instanceof PyParser.YieldExprContext) {
      return true;
    }
    if (node instanceof PyParser.FuncDefContext || node instanceof PyParser.ClassDefContext
        || node instanceof PyParser.LambdefContext) {
      return false;
    }
    for (int i = 0; i < node.getChildCount(); i++) {
      if (containsYield(node.getChild(i))) {
        return true;
      }
    }
    return false;
  }

  void bind(PyValue.Function f, List<PyValue> args, Map<String, PyValue> kwargs, Scope local) {
    int next = 0;
    Map<String, PyValue> rest = new LinkedHashMap<>(kwargs);
    for (FunctionSource.Parameter p : f.parameters()) {
      switch (p.kind()) {
        case POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD -> {
          if (next < args.size()) {
            local.assign(p.name(), args.get(next++));
          } else if (p.kind() != FunctionSource.Kind.POSITIONAL_ONLY && rest.containsKey(p.name())) {
            local.assign(p.name(), rest.remove(p.name()));
          } else {
            local.assign(p.name(), p.defaultValue() != null ? p.defaultValue()
                : new PyValue.Unresolved(p.name(), "missing argument", f.source().line(), f.source().column()));
          }
        }
        case VAR_POSITIONAL -> {
          local.assign(p.name(), new PyValue.Tuple(args.subList(Math.min(next, args.size()), args.size())));
          next = args.size();
        }
        case KEYWORD_ONLY -> {
          PyValue v = rest.remove(p.name());
          local.assign(p.name(), v != null ? v : p.defaultValue() != null ? p.defaultValue()
              : new PyValue.Unresolved(p.name(), "missing argument", f.source().line(), f.source().column()));
        }
        case VAR_KEYWORD -> {
          PyValue.Dict d = PyValue.Dict.empty();
          rest.forEach((k, v) -> d.entries().put(new PyValue.Str(k), v));
          rest.clear();
          local.assign(p.name(), d);
        }
      }
    }
  }

  // ================================================================ assignment

  void assign(PyParser.StarExpressionsContext target, PyValue v, Scope s) {
    List<PyParser.StarExpressionContext> parts = target.starExpression();
    if (parts.size() == 1 && target.COMMA().isEmpty()) {
      assignTarget(parts.get(0), v, s);
    } else {
      unpack(new ArrayList<>(parts), v, s, target);
    }
  }

  private void assignTargets(PyParser.StarTargetsContext targets, PyValue v, Scope s) {
    List<PyParser.StarTargetContext> parts = targets.starTarget();
    if (parts.size() == 1 && targets.COMMA().isEmpty()) {
      assignTarget(parts.get(0), v, s);
    } else {
      unpack(new ArrayList<>(parts), v, s, targets);
    }
  }

  private void unpack(List<ParserRuleContext> targets, PyValue v, Scope s, ParserRuleContext at) {
    Optional<List<PyValue>> items = iterate(v);
    int star = -1;
    for (int i = 0; i < targets.size(); i++) {
      if (isStarred(targets.get(i))) {
        star = i;
      }
    }
    if (items.isEmpty() || (star < 0 && items.get().size() != targets.size())
        || (star >= 0 && items.get().size() < targets.size() - 1)) {
      PyValue u = v instanceof PyValue.Unresolved un ? un : unresolved(at, "unpacking");
      for (ParserRuleContext t : targets) {
        assignTarget(t, u, s);
      }
      return;
    }
    List<PyValue> values = items.get();
    if (star < 0) {
      for (int i = 0; i < targets.size(); i++) {
        assignTarget(targets.get(i), values.get(i), s);
      }
      return;
    }
    int after = targets.size() - star - 1;
    for (int i = 0; i < star; i++) {
      assignTarget(targets.get(i), values.get(i), s);
    }
    assignTarget(targets.get(star), PyValue.PyList.of(values.subList(star, values.size() - after)), s);
    for (int i = 0; i < after; i++) {
      assignTarget(targets.get(star + 1 + i), values.get(values.size() - after + i), s);
    }
  }

  private static boolean isStarred(ParserRuleContext t) {
    return (t instanceof PyParser.StarExpressionContext e && e.STAR() != null)
        || (t instanceof PyParser.StarTargetContext st && st.STAR() != null)
        || (t instanceof PyParser.StarNamedExpressionContext n && n.STAR() != null);
  }

  void assignTarget(ParserRuleContext target, PyValue v, Scope s) {
    ParserRuleContext t = target;
    if (t instanceof PyParser.StarExpressionContext e && e.STAR() != null) {
      t = e.bitExpr();
    } else if (t instanceof PyParser.StarTargetContext st) {
      t = st.primary();
    } else if (t instanceof PyParser.StarNamedExpressionContext n) {
      t = n.STAR() != null ? n.bitExpr() : n.namedExpression();
    }
    PyParser.PrimaryContext p = primaryOf(t);
    if (p == null) {
      warn(target, "assignment target", "cannot assign to `" + text(target) + "` statically");
      return;
    }
    List<PyParser.TrailerContext> trailers = p.trailer();
    if (trailers.isEmpty()) {
      PyParser.AtomContext a = p.atom();
      if (a.getChildCount() == 1 && a.strings() == null) {
        s.assign(a.getText(), v);
        return;
      }
      PyParser.StarNamedExpressionsOrCompContext inner = a.starNamedExpressionsOrComp();
      if (inner != null && inner.compFor() == null) {
        List<ParserRuleContext> parts = new ArrayList<>(inner.starNamedExpression());
        if (parts.size() == 1 && inner.COMMA().isEmpty() && a.LPAR() != null) {
          assignTarget(parts.get(0), v, s);
        } else {
          unpack(parts, v, s, a);
        }
        return;
      }
      warn(target, "assignment target", "cannot assign to `" + text(target) + "` statically");
      return;
    }
    PyValue owner = evalPrimary(p, trailers.size() - 1, s);
    PyParser.TrailerContext last = trailers.get(trailers.size() - 1);
    if (last.name() != null) {
      calls.setAttribute(owner, last.name().getText(), v, last);
    } else if (last.slices() != null) {
      PyValue key = slices(last.slices(), s);
      if (owner instanceof PyValue.Dict d) {
        d.entries().put(key, v);
      } else if (owner instanceof PyValue.PyList l && key instanceof PyValue.Int i) {
        int idx = (int) (i.value() < 0 ? l.items().size() + i.value() : i.value());
        if (idx >= 0 && idx < l.items().size()) {
          l.items().set(idx, v);
        }
      }
    }
  }

  /** The primary an expression consists of, when it is nothing more (no operators), else null. */
  public static PyParser.PrimaryContext primaryOf(ParserRuleContext ctx) {
    ParserRuleContext c = ctx;
    while (c != null) {
      if (c instanceof PyParser.PrimaryContext p) {
        return p;
      }
      if (c instanceof PyParser.StarExpressionsContext se) {
        c = se.starExpression().size() == 1 && se.COMMA().isEmpty() ? se.starExpression(0) : null;
      } else if (c instanceof PyParser.StarExpressionContext e) {
        c = e.STAR() == null ? e.expression() : null;
      } else if (c instanceof PyParser.NamedExpressionContext n) {
        c = n.COLONEQUAL() == null ? n.expression() : null;
      } else if (c instanceof PyParser.StarNamedExpressionContext n) {
        c = n.STAR() == null ? n.namedExpression() : null;
      } else if (c instanceof PyParser.ExpressionContext e) {
        c = e.IF() == null && e.lambdef() == null ? e.disjunction(0) : null;
      } else if (c instanceof PyParser.DisjunctionContext d) {
        c = d.getChildCount() == 1 ? d.comparison(0) : null;
      } else if (c instanceof PyParser.ComparisonContext cmp) {
        c = cmp.getChildCount() == 1 ? cmp.bitExpr(0) : null;
      } else if (c instanceof PyParser.BitExprContext b) {
        c = b.getChildCount() == 1 ? b.factor(0) : null;
      } else if (c instanceof PyParser.FactorContext f) {
        c = f.getChildCount() == 1 ? f.primary() : null;
      } else {
        return null;
      }
    }
    return null;
  }

  private static ParserRuleContext unwrapToAtom(ParserRuleContext ctx) {
    PyParser.PrimaryContext p = primaryOf(ctx);
    return p != null && p.trailer().isEmpty() ? p.atom() : null;
  }

  // ================================================================ expressions

  PyValue eval(ParserRuleContext ctx, Scope s) {
    if (ctx instanceof PyParser.ExpressionContext e) {
      return expression(e, s);
    }
    if (ctx instanceof PyParser.StarExpressionsContext se) {
      if (se.starExpression().size() == 1 && se.COMMA().isEmpty()) {
        return eval(se.starExpression(0), s);
      }
      return new PyValue.Tuple(display(new ArrayList<>(se.starExpression()), s));
    }
    if (ctx instanceof PyParser.StarExpressionContext e) {
      return e.STAR() != null ? eval(e.bitExpr(), s) : expression(e.expression(), s);
    }
    if (ctx instanceof PyParser.NamedExpressionContext n) {
      if (n.COLONEQUAL() != null) {
        PyValue v = expression(n.expression(), s);
        s.assign(n.name().getText(), v);
        return v;
      }
      return expression(n.expression(), s);
    }
    if (ctx instanceof PyParser.StarNamedExpressionContext n) {
      return n.STAR() != null ? eval(n.bitExpr(), s) : eval(n.namedExpression(), s);
    }
    if (ctx instanceof PyParser.DisjunctionContext d) {
      return disjunction(d, s);
    }
    if (ctx instanceof PyParser.ComparisonContext c) {
      return comparison(c, s);
    }
    if (ctx instanceof PyParser.BitExprContext b) {
      return bitExpr(b, s);
    }
    if (ctx instanceof PyParser.FactorContext f) {
      return factor(f, s);
    }
    if (ctx instanceof PyParser.PrimaryContext p) {
      return evalPrimary(p, p.getChildCount() - 1, s);
    }
    if (ctx instanceof PyParser.YieldExprContext y) {
      return unresolved(y, "yield");
    }
    return unresolved(ctx, "expression");
  }

  private PyValue expression(PyParser.ExpressionContext e, Scope s) {
    if (e.getChildCount() == 1 && e.getChild(0) instanceof PyParser.DisjunctionContext d) {
      return disjunction(d, s);
    }
    if (e.lambdef() != null) {
      return lambda(e.lambdef(), s);
    }
    if (e.IF() == null) {
      return disjunction(e.disjunction(0), s);
    }
    PyValue test = disjunction(e.disjunction(1), s);
    Boolean b = truth(test);
    if (b == null) {
      return test instanceof PyValue.Unresolved u ? u : unresolved(e, "condition");
    }
    return b ? disjunction(e.disjunction(0), s) : eval(e.expression(), s);
  }

  /** {@code not}/{@code and}/{@code or} over a flat operand list: not > and > or, short-circuiting. */
  private PyValue disjunction(PyParser.DisjunctionContext d, Scope s) {
    if (d.getChildCount() == 1) {
      return comparison((PyParser.ComparisonContext) d.getChild(0), s);
    }
    // split into or-groups of and-chains of (nots, comparison)
    List<List<Object[]>> orGroups = new ArrayList<>();
    List<Object[]> current = new ArrayList<>();
    int nots = 0;
    for (int i = 0; i < d.getChildCount(); i++) {
      ParseTree c = d.getChild(i);
      if (c instanceof TerminalNode t) {
        int type = t.getSymbol().getType();
        if (type == PyLexer.NOT) {
          nots++;
        } else if (type == PyLexer.OR) {
          orGroups.add(current);
          current = new ArrayList<>();
        }
      } else {
        current.add(new Object[] {nots, c});
        nots = 0;
      }
    }
    orGroups.add(current);
    PyValue result = null;
    for (List<Object[]> group : orGroups) {
      PyValue v = null;
      for (Object[] operand : group) {
        v = comparison((PyParser.ComparisonContext) operand[1], s);
        if ((int) operand[0] > 0) {
          Boolean b = truth(v);
          if (b == null) {
            return v instanceof PyValue.Unresolved u ? u : unresolved(d, "condition");
          }
          v = PyValue.Bool.of(((int) operand[0] % 2 == 1) != b);
        }
        Boolean b = truth(v);
        if (b == null) {
          return v instanceof PyValue.Unresolved u ? u : unresolved(d, "condition");
        }
        if (!b) {
          break;
        }
      }
      result = v;
      Boolean b = truth(v);
      if (Boolean.TRUE.equals(b)) {
        return v;
      }
    }
    return result;
  }

  private PyValue comparison(PyParser.ComparisonContext c, Scope s) {
    if (c.getChildCount() == 1) {
      return bitExpr((PyParser.BitExprContext) c.getChild(0), s);
    }
    PyValue left = bitExpr((PyParser.BitExprContext) c.getChild(0), s);
    for (int i = 1; i < c.getChildCount(); i++) {
      ParseTree child = c.getChild(i);
      if (!(child instanceof TerminalNode)) {
        continue;
      }
      String op = child.getText();
      while (i + 1 < c.getChildCount() && c.getChild(i + 1) instanceof TerminalNode t2) {
        op = op + " " + t2.getText();
        i++;
      }
      PyValue right = bitExpr((PyParser.BitExprContext) c.getChild(++i), s);
      Boolean r = Operators.compare(op, left, right);
      if (r == null) {
        PyValue u = left instanceof PyValue.Unresolved ul ? ul : right instanceof PyValue.Unresolved ur ? ur : null;
        return u != null ? u : unresolved(c, "comparison");
      }
      if (!r) {
        return PyValue.Bool.FALSE;
      }
      left = right;
    }
    return PyValue.Bool.TRUE;
  }

  /** The flat operator list of a bitExpr, evaluated left to right with Python's precedence. */
  private PyValue bitExpr(PyParser.BitExprContext b, Scope s) {
    if (b.getChildCount() == 1) {
      return factor((PyParser.FactorContext) b.getChild(0), s);
    }
    int[] pos = {0};
    return climb(b, pos, 1, s);
  }

  private static int precedence(String op) {
    return switch (op) {
      case "|" -> 1;
      case "^" -> 2;
      case "&" -> 3;
      case "<<", ">>" -> 4;
      case "+", "-" -> 5;
      default -> 6;
    };
  }

  private PyValue climb(PyParser.BitExprContext b, int[] pos, int min, Scope s) {
    PyValue left = factor((PyParser.FactorContext) b.getChild(pos[0]), s);
    pos[0]++;
    while (pos[0] < b.getChildCount()) {
      String op = b.getChild(pos[0]).getText();
      int p = precedence(op);
      if (p < min) {
        break;
      }
      pos[0]++;
      PyValue right = climb(b, pos, p + 1, s);
      left = binary(op, left, right, b);
    }
    return left;
  }

  PyValue binary(String op, PyValue left, PyValue right, ParserRuleContext at) {
    if (op.equals(">>") || op.equals("<<")) {
      if (!(left instanceof PyValue.Int && right instanceof PyValue.Int)) {
        return calls.relations.shift(left, right, op.equals(">>"), at);
      }
    }
    PyValue r = Operators.binary(op, left, right);
    if (r != null) {
      return r;
    }
    if (left instanceof PyValue.Unresolved u) {
      return u;
    }
    if (right instanceof PyValue.Unresolved u) {
      return u;
    }
    if (left instanceof PyValue.Instance i) {
      return i.asUnresolved();
    }
    if (right instanceof PyValue.Instance i) {
      return i.asUnresolved();
    }
    return unresolved(at, "operator " + op);
  }

  private PyValue factor(PyParser.FactorContext f, Scope s) {
    if (f.getChildCount() == 1) {
      PyParser.PrimaryContext p = (PyParser.PrimaryContext) f.getChild(0);
      return evalPrimary(p, p.getChildCount() - 1, s);
    }
    PyValue v = evalPrimary(f.primary(), f.primary().getChildCount() - 1, s);
    if (f.AWAIT() != null) {
      v = unresolved(f, "await");
    }
    if (f.factor() != null) {
      v = binary("**", v, factor(f.factor(), s), f);
    }
    for (int i = f.getChildCount() - 1; i >= 0; i--) {
      if (f.getChild(i) instanceof TerminalNode t) {
        int type = t.getSymbol().getType();
        if (type == PyLexer.MINUS || type == PyLexer.PLUS || type == PyLexer.TILDE) {
          PyValue r = Operators.unary(t.getText(), v);
          v = r != null ? r : v instanceof PyValue.Unresolved ? v : unresolved(f, "operator " + t.getText());
        }
      }
    }
    return v;
  }

  /** The value of a primary's atom followed by its first {@code upto} trailers. */
  PyValue evalPrimary(PyParser.PrimaryContext p, int upto, Scope s) {
    PyValue v = atom((PyParser.AtomContext) p.getChild(0), s);
    for (int i = 0; i < upto; i++) {
      PyParser.TrailerContext t = (PyParser.TrailerContext) p.getChild(i + 1);
      int kind = t.getStart().getType();
      if (kind == PyLexer.DOT) {
        v = calls.attribute(v, t.getChild(1).getText(), p, t);
      } else if (kind == PyLexer.LPAR) {
        Calls.Args args = arguments(t.getChildCount() == 3 ? (PyParser.ArgumentsContext) t.getChild(1) : null, s);
        v = calls.call(v, args, new Calls.Site(p, t, i));
      } else {
        v = subscript(v, slices(t.slices(), s), p, t);
      }
    }
    return v;
  }

  private PyValue subscript(PyValue v, PyValue key, PyParser.PrimaryContext p, PyParser.TrailerContext t) {
    PyValue r = Operators.subscript(v, key);
    if (r != null) {
      return r;
    }
    if (v instanceof PyValue.XComArg x) {
      return new PyValue.XComArg(x.task(), x.key());
    }
    if (v instanceof PyValue.Unresolved u) {
      return u;
    }
    return new PyValue.Unresolved(text(p).substring(0, Math.min(text(p).length(), MAX_MARKER)), "subscript",
        t.getStart().getLine(), t.getStart().getCharPositionInLine() + 1);
  }

  private PyValue slices(PyParser.SlicesContext sl, Scope s) {
    List<PyParser.SliceContext> parts = sl.slice();
    if (parts.size() == 1 && sl.COMMA().isEmpty()) {
      return slice(parts.get(0), s);
    }
    List<PyValue> out = new ArrayList<>();
    parts.forEach(x -> out.add(slice(x, s)));
    return new PyValue.Tuple(out);
  }

  private PyValue slice(PyParser.SliceContext sl, Scope s) {
    if (sl.COLON().isEmpty() && sl.STAR() == null && sl.COLONEQUAL() == null) {
      return eval(sl.expression(0), s);
    }
    if (sl.COLONEQUAL() != null) {
      PyValue v = eval(sl.expression(0), s);
      s.assign(sl.name().getText(), v);
      return v;
    }
    if (sl.STAR() != null) {
      return unresolved(sl, "starred subscript");
    }
    // a slice a:b:c -> Tuple of three (None for missing), tagged by Operators.subscript
    PyValue[] parts = {PyValue.None.NONE, PyValue.None.NONE, PyValue.None.NONE};
    int part = 0;
    for (int i = 0; i < sl.getChildCount(); i++) {
      ParseTree c = sl.getChild(i);
      if (c instanceof TerminalNode) {
        part++;
      } else {
        parts[Math.min(part, 2)] = eval((ParserRuleContext) c, s);
      }
    }
    return new Operators.SliceValue(parts[0], parts[1], parts[2]);
  }

  Calls.Args arguments(PyParser.ArgumentsContext a, Scope s) {
    Calls.Args args = new Calls.Args();
    if (a == null) {
      return args;
    }
    for (int i = 0; i < a.getChildCount(); i++) {
      if (!(a.getChild(i) instanceof PyParser.ArgumentContext arg)) {
        continue;
      }
      ParseTree first = arg.getChild(0);
      int n = arg.getChildCount();
      if (n == 3 && arg.getChild(1) instanceof TerminalNode) {
        // name '=' expression
        args.kwargs.put(first.getText(), expression((PyParser.ExpressionContext) arg.getChild(2), s));
      } else if (first instanceof TerminalNode t && t.getSymbol().getType() == PyLexer.STAR) {
        PyValue v = expression((PyParser.ExpressionContext) arg.getChild(1), s);
        Optional<List<PyValue>> items = iterate(v);
        if (items.isPresent()) {
          args.args.addAll(items.get());
        } else {
          args.unknownSpread = v instanceof PyValue.Unresolved u ? u : unresolved(arg, "*args");
        }
      } else if (first instanceof TerminalNode) {
        PyValue v = expression((PyParser.ExpressionContext) arg.getChild(1), s);
        if (v instanceof PyValue.Dict d) {
          d.entries().forEach((k, x) -> {
            if (k instanceof PyValue.Str ks) {
              args.kwargs.put(ks.value(), x);
            }
          });
        } else {
          args.unknownSpread = v instanceof PyValue.Unresolved u ? u : unresolved(arg, "**kwargs");
        }
      } else if (n == 2) {
        PyParser.NamedExpressionContext e = (PyParser.NamedExpressionContext) first;
        List<PyValue> out = new ArrayList<>();
        PyValue err = comprehension((PyParser.CompForContext) arg.getChild(1), 0, new Scope(s), sc -> out.add(eval(e, sc)));
        args.args.add(err != null ? err : PyValue.PyList.of(out));
      } else {
        args.args.add(eval((ParserRuleContext) first, s));
      }
    }
    return args;
  }

  // ---------------------------------------------------------------- atoms

  private PyValue atom(PyParser.AtomContext a, Scope s) {
    if (a.getChildCount() == 1 && a.getChild(0) instanceof TerminalNode) {
      Token t = a.getStart();
      switch (t.getType()) {
        case PyLexer.NUMBER -> {
          PyValue n = PyLiterals.number(t.getText());
          return n != null ? n : unresolved(a, "number literal");
        }
        case PyLexer.NONE -> {
          return PyValue.None.NONE;
        }
        case PyLexer.TRUE -> {
          return PyValue.Bool.TRUE;
        }
        case PyLexer.FALSE -> {
          return PyValue.Bool.FALSE;
        }
        case PyLexer.ELLIPSIS -> {
          return unresolved(a, "Ellipsis");
        }
        default -> {
          return lookup(t.getText(), a, s);
        }
      }
    }
    if (a.getChild(0) instanceof PyParser.StringsContext st) {
      return strings(st, s);
    }
    int open = a.getStart().getType();
    PyParser.StarNamedExpressionsOrCompContext inner = a.starNamedExpressionsOrComp();
    if (open == PyLexer.LPAR) {
      if (a.yieldExpr() != null) {
        return unresolved(a, "yield");
      }
      if (inner == null) {
        return new PyValue.Tuple(List.of());
      }
      if (inner.compFor() != null) {
        return listComprehension(inner, s);
      }
      if (inner.starNamedExpression().size() == 1 && inner.COMMA().isEmpty()
          && inner.starNamedExpression(0).STAR() == null) {
        return eval(inner.starNamedExpression(0), s);
      }
      return new PyValue.Tuple(display(new ArrayList<>(inner.starNamedExpression()), s));
    }
    if (open == PyLexer.LSQB) {
      if (inner == null) {
        return PyValue.PyList.of(List.of());
      }
      if (inner.compFor() != null) {
        return listComprehension(inner, s);
      }
      return PyValue.PyList.of(display(new ArrayList<>(inner.starNamedExpression()), s));
    }
    PyParser.DictOrSetBodyContext body = a.dictOrSetBody();
    if (body == null) {
      return PyValue.Dict.empty();
    }
    if (!body.dictItem().isEmpty()) {
      PyValue.Dict d = PyValue.Dict.empty();
      if (body.compFor() != null) {
        PyParser.DictItemContext item = body.dictItem(0);
        PyValue err = comprehension(body.compFor(), 0, new Scope(s), sc -> dictItem(item, d, sc));
        return err != null ? err : d;
      }
      for (PyParser.DictItemContext item : body.dictItem()) {
        dictItem(item, d, s);
      }
      return d;
    }
    List<PyValue> items = new ArrayList<>();
    if (body.compFor() != null) {
      PyValue err = comprehension(body.compFor(), 0, new Scope(s), sc -> items.add(eval(body.starNamedExpression(0), sc)));
      if (err != null) {
        return err;
      }
    } else {
      items.addAll(display(new ArrayList<>(body.starNamedExpression()), s));
    }
    List<PyValue> unique = new ArrayList<>();
    for (PyValue v : items) {
      if (!unique.contains(v)) {
        unique.add(v);
      }
    }
    return new PyValue.PySet(unique);
  }

  private void dictItem(PyParser.DictItemContext item, PyValue.Dict d, Scope s) {
    if (item.DOUBLESTAR() != null) {
      PyValue v = eval(item.bitExpr(), s);
      if (v instanceof PyValue.Dict other) {
        d.entries().putAll(other.entries());
      } else {
        d.entries().put(new PyValue.Str("**"), v instanceof PyValue.Unresolved ? v : unresolved(item, "**mapping"));
      }
      return;
    }
    d.entries().put(eval(item.expression(0), s), eval(item.expression(1), s));
  }

  /** Items of a list/tuple/set display, with {@code *iterable} spread. */
  private List<PyValue> display(List<ParserRuleContext> parts, Scope s) {
    List<PyValue> out = new ArrayList<>(parts.size());
    for (ParserRuleContext part : parts) {
      if (isStarred(part)) {
        PyValue v = eval(part, s);
        Optional<List<PyValue>> items = iterate(v);
        if (items.isPresent()) {
          out.addAll(items.get());
        } else {
          out.add(v instanceof PyValue.Unresolved ? v : unresolved(part, "*iterable"));
        }
      } else {
        out.add(eval(part, s));
      }
    }
    return out;
  }

  private PyValue listComprehension(PyParser.StarNamedExpressionsOrCompContext inner, Scope s) {
    List<PyValue> out = new ArrayList<>();
    PyValue err = comprehension(inner.compFor(), 0, new Scope(s), sc -> out.add(eval(inner.starNamedExpression(0), sc)));
    return err != null ? err : PyValue.PyList.of(out);
  }

  /** Runs {@code body} for every binding of the comprehension's clauses; returns a marker if unknown. */
  private PyValue comprehension(PyParser.CompForContext comp, int clause, Scope s, Consumer<Scope> body) {
    if (clause == comp.compForClause().size()) {
      body.accept(s);
      return null;
    }
    PyParser.CompForClauseContext c = comp.compForClause(clause);
    PyValue iterable = disjunction(c.disjunction(0), s);
    Optional<List<PyValue>> items = iterate(iterable);
    if (items.isEmpty()) {
      return iterable instanceof PyValue.Unresolved u ? u : unresolved(c, "comprehension over unknown");
    }
    for (PyValue item : items.get()) {
      tick();
      assignTargets(c.starTargets(), item, s);
      boolean keep = true;
      for (int i = 1; i < c.disjunction().size(); i++) {
        PyValue test = disjunction(c.disjunction(i), s);
        Boolean b = truth(test);
        if (b == null) {
          return test instanceof PyValue.Unresolved u ? u : unresolved(c, "condition");
        }
        if (!b) {
          keep = false;
          break;
        }
      }
      if (keep) {
        PyValue err = comprehension(comp, clause + 1, s, body);
        if (err != null) {
          return err;
        }
      }
    }
    return null;
  }

  private PyValue strings(PyParser.StringsContext st, Scope s) {
    if (st.getChildCount() == 1 && st.getChild(0) instanceof TerminalNode t) {
      return new PyValue.Str(PyLiterals.string(t.getText()));
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < st.getChildCount(); i++) {
      ParseTree c = st.getChild(i);
      if (c instanceof TerminalNode t) {
        b.append(PyLiterals.string(t.getText()));
      } else {
        PyValue part = fstring((PyParser.FstringContext) c, s);
        if (!(part instanceof PyValue.Str ps)) {
          return part;
        }
        b.append(ps.value());
      }
    }
    return new PyValue.Str(b.toString());
  }

  private PyValue fstring(PyParser.FstringContext f, Scope s) {
    String start = f.FSTRING_START().getText();
    boolean raw = start.indexOf('r') >= 0 || start.indexOf('R') >= 0;
    StringBuilder b = new StringBuilder();
    for (PyParser.FstringPartContext part : f.fstringPart()) {
      PyValue v = fstringPart(part, raw, s);
      if (!(v instanceof PyValue.Str str)) {
        PyValue.Unresolved inner = (PyValue.Unresolved) v;
        return new PyValue.Unresolved(text(f), inner.construct(), inner.line(), inner.column());
      }
      b.append(str.value());
    }
    return new PyValue.Str(b.toString());
  }

  private PyValue fstringPart(PyParser.FstringPartContext part, boolean raw, Scope s) {
    if (part.FSTRING_MIDDLE() != null) {
      return new PyValue.Str(PyLiterals.fstringMiddle(part.FSTRING_MIDDLE().getText(), raw));
    }
    PyParser.FstringReplacementFieldContext field = part.fstringReplacementField();
    PyValue v = field.starExpressions() != null ? eval(field.starExpressions(), s) : unresolved(field, "yield");
    if (v instanceof PyValue.Unresolved) {
      return v;
    }
    String conversion = field.fstringConversion() != null ? field.fstringConversion().name().getText() : null;
    String spec = "";
    if (field.fstringFormatSpec() != null) {
      StringBuilder sb = new StringBuilder();
      for (PyParser.FstringPartContext p : field.fstringFormatSpec().fstringPart()) {
        PyValue x = fstringPart(p, raw, s);
        if (!(x instanceof PyValue.Str xs)) {
          return x;
        }
        sb.append(xs.value());
      }
      spec = sb.toString();
    }
    String prefix = "";
    if (field.EQUAL() != null) {
      prefix = text(field.starExpressions()) + "=";
      if (conversion == null && spec.isEmpty()) {
        conversion = "r";
      }
    }
    String out;
    if ("r".equals(conversion) || "a".equals(conversion)) {
      String r = PyText.repr(v);
      out = r == null ? null : PyText.format(new PyValue.Str(r), spec);
    } else if ("s".equals(conversion)) {
      String r = PyText.str(v);
      out = r == null ? null : PyText.format(new PyValue.Str(r), spec);
    } else {
      out = PyText.format(v, spec);
    }
    if (out == null) {
      return v instanceof PyValue.Instance i ? i.asUnresolved() : unresolved(field, "formatted value");
    }
    return new PyValue.Str(prefix + out);
  }

  // ---------------------------------------------------------------- names

  private static final Set<String> BUILTINS = Set.of("range", "len", "list", "tuple", "dict", "set", "str", "int",
      "float", "bool", "enumerate", "zip", "sorted", "reversed", "min", "max", "sum", "print", "isinstance", "abs",
      "any", "all", "repr", "format", "open", "exit", "quit", "getattr", "hasattr", "setattr", "map", "filter",
      "round", "type", "iter", "next", "frozenset", "vars", "globals", "locals", "eval", "exec", "compile",
      "__import__", "id", "hash", "input", "object", "super", "Exception", "ValueError", "KeyError",
      "RuntimeError", "TypeError", "ImportError", "callable", "divmod", "pow", "chr", "ord", "hex", "oct", "bin");

  private PyValue lookup(String name, ParserRuleContext at, Scope s) {
    Optional<PyValue> v = s.lookup(name);
    if (v.isPresent()) {
      return v.get();
    }
    if (BUILTINS.contains(name)) {
      return new PyValue.Symbol("builtins." + name);
    }
    if (name.equals("__file__")) {
      return unresolved(at, "__file__");
    }
    return unresolved(at, "undefined name");
  }

  // ================================================================ value helpers

  /** Python truthiness, or null when not known statically. */
  static Boolean truth(PyValue v) {
    if (v instanceof PyValue.Bool b) {
      return b.value();
    }
    if (v == PyValue.None.NONE) {
      return false;
    }
    if (v instanceof PyValue.Int i) {
      return i.value() != 0;
    }
    if (v instanceof PyValue.Float f) {
      return f.value() != 0;
    }
    if (v instanceof PyValue.Str s) {
      return !s.value().isEmpty();
    }
    if (v instanceof PyValue.PyList l) {
      return !l.items().isEmpty();
    }
    if (v instanceof PyValue.Tuple t) {
      return !t.items().isEmpty();
    }
    if (v instanceof PyValue.Dict d) {
      return !d.entries().isEmpty();
    }
    if (v instanceof PyValue.PySet s) {
      return !s.items().isEmpty();
    }
    if (v instanceof PyValue.Timedelta t) {
      return !t.value().isZero();
    }
    if (v instanceof PyValue.Unresolved || v instanceof PyValue.DagParam || v instanceof PyValue.XComArg
        || v instanceof PyValue.Instance) {
      return null;
    }
    return true;
  }

  /** The items of an iterable value, or empty when they are not known statically. */
  static Optional<List<PyValue>> iterate(PyValue v) {
    if (v instanceof PyValue.PyList l) {
      return Optional.of(new ArrayList<>(l.items()));
    }
    if (v instanceof PyValue.Tuple t) {
      return Optional.of(t.items());
    }
    if (v instanceof PyValue.PySet s) {
      return Optional.of(s.items());
    }
    if (v instanceof PyValue.Dict d) {
      return Optional.of(new ArrayList<>(d.entries().keySet()));
    }
    if (v instanceof PyValue.Str s) {
      List<PyValue> out = new ArrayList<>();
      s.value().codePoints().forEach(cp -> out.add(new PyValue.Str(new String(Character.toChars(cp)))));
      return Optional.of(out);
    }
    return Optional.empty();
  }

  static int maxRange() {
    return MAX_RANGE;
  }

  /** The DAG tasks are added to right now, if any. */
  DagNode currentDag() {
    return dagContext.peek();
  }

  /** The task group tasks are added to right now (only one of the current DAG). */
  TaskGroupNode currentGroup(DagNode dag) {
    TaskGroupNode g = groupContext.peek();
    if (g == null) {
      return null;
    }
    return g.dag().isEmpty() || dag == null || g.dag().get() == dag ? g : null;
  }
}
