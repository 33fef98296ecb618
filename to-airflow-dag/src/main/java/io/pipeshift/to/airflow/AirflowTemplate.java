package io.pipeshift.to.airflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Jinja template for an operator's templated field, built from literal text and Jinja expressions, with
 * the one rule that keeps user text literal: Airflow renders every string of a templated field, so text
 * that Jinja would not give back unchanged is written as a Jinja string expression {@code {{ '...' }}}
 * (its content escaped by {@link PyLiteral#jinjaString}). Text is unchanged by Jinja unless it
 *
 * <ul>
 *   <li>contains a Jinja delimiter ({@code {{ {% {#}) or ends with {@code {} before an expression;
 *   <li>contains a carriage return (Jinja normalises newlines);
 *   <li>ends the template with a newline (Airflow's Jinja drops one trailing newline);
 *   <li>ends the template with one of the operator's {@code template_ext} suffixes ({@code .sh}, {@code .sql}
 *       ...), which makes Airflow load a template FILE of that name ({@link AirflowTemplateExtensions}).
 * </ul>
 * A template of literal text only is wrapped in Airflow's {@code literal()} instead when it needs
 * protection (see {@link AirflowValues}).
 */
record AirflowTemplate(List<Piece> pieces) {

  AirflowTemplate {
    pieces = merge(pieces);
  }

  /** A piece of a template. */
  sealed interface Piece {}

  /** Text that must come out of rendering unchanged. */
  record Text(String text) implements Piece {}

  /** A Jinja expression printed as {@code {{ expression }}}. */
  record Expression(PyExpr expression) implements Piece {}

  static AirflowTemplate text(String text) {
    return new AirflowTemplate(List.of(new Text(text)));
  }

  static AirflowTemplate expression(PyExpr e) {
    return new AirflowTemplate(List.of(new Expression(e)));
  }

  AirflowTemplate then(AirflowTemplate next) {
    List<Piece> all = new ArrayList<>(pieces);
    all.addAll(next.pieces);
    return new AirflowTemplate(all);
  }

  boolean isLiteral() {
    return pieces.stream().allMatch(p -> p instanceof Text);
  }

  /** The literal text of a template without expressions. */
  String literalText() {
    StringBuilder sb = new StringBuilder();
    pieces.forEach(p -> sb.append(((Text) p).text()));
    return sb.toString();
  }

  /**
   * Whether Airflow renders {@code text}, used whole as a templated value of an operator whose
   * {@code template_ext} is {@code extensions}, to exactly {@code text}.
   */
  static boolean isInert(String text, Set<String> extensions) {
    return !hasDelimiter(text) && text.indexOf('\r') < 0 && !text.endsWith("\n") && !endsWith(text, extensions);
  }

  /** The template source: renders to the literal text with each expression's value in place. */
  String source(Set<String> extensions) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pieces.size(); i++) {
      Piece p = pieces.get(i);
      boolean last = i == pieces.size() - 1;
      if (p instanceof Expression e) {
        out.append(expressionSource(e.expression()));
      } else {
        String t = ((Text) p).text();
        boolean unsafe = hasDelimiter(t) || t.indexOf('\r') >= 0 || (!last && t.endsWith("{"))
            || (last && (t.endsWith("\n") || endsWith(t, extensions)));
        out.append(unsafe ? expressionSource(PyExpr.str(t)) : t);
      }
    }
    return out.toString();
  }

  private static String expressionSource(PyExpr e) {
    return "{{" + e.flat(PyExpr.Dialect.JINJA) + "}}";
  }

  private static boolean hasDelimiter(String t) {
    return t.contains("{{") || t.contains("{%") || t.contains("{#");
  }

  private static boolean endsWith(String t, Set<String> extensions) {
    for (String e : extensions) {
      if (t.endsWith(e)) {
        return true;
      }
    }
    return false;
  }

  private static List<Piece> merge(List<Piece> pieces) {
    List<Piece> out = new ArrayList<>();
    for (Piece p : pieces) {
      if (p instanceof Text t && t.text().isEmpty()) {
        continue;
      }
      if (p instanceof Text t && !out.isEmpty() && out.get(out.size() - 1) instanceof Text prev) {
        out.set(out.size() - 1, new Text(prev.text() + t.text()));
      } else {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }
}
