package io.pipeshift.yaml;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.diag.Location;
import io.pipeshift.diag.Problem;
import java.io.StringReader;
import java.util.Iterator;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The only place SnakeYAML parses text: safe construction (no arbitrary types), alias, depth and size
 * limits, and parse failures turned into located diagnostics. Pipeshift binds the composed node tree
 * itself, so every value keeps its source mark.
 */
public final class YamlDocuments {

  private YamlDocuments() {}

  static LoaderOptions options(ReaderLimits limits) {
    LoaderOptions o = new LoaderOptions();
    o.setAllowDuplicateKeys(false);
    o.setMaxAliasesForCollections(limits.maxAliases());
    o.setNestingDepthLimit(limits.maxDepth());
    o.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
    o.setAllowRecursiveKeys(false);
    o.setProcessComments(false);
    return o;
  }

  /**
   * Composes the single document of {@code text}. Returns null for an empty document. Throws
   * {@link InvalidInputException} with a located diagnostic for syntax errors and exceeded limits.
   */
  public static Node compose(String file, String text, ReaderLimits limits) {
    LoaderOptions options = options(limits);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    try {
      Iterator<Node> docs = yaml.composeAll(new StringReader(text)).iterator();
      if (!docs.hasNext()) {
        return null;
      }
      Node first = docs.next();
      if (docs.hasNext()) {
        Node second = docs.next();
        throw InvalidInputException.of(Diagnostic.error(Problem.MULTIPLE_DOCUMENTS, at(file, second.getStartMark())));
      }
      return first;
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
      String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
      throw InvalidInputException.of(Diagnostic.error(Problem.YAML_SYNTAX, at(file, mark), problem + context));
    } catch (YAMLException e) {
      throw InvalidInputException.of(limitDiagnostic(file, e, limits));
    } catch (StackOverflowError e) {
      throw InvalidInputException.of(Diagnostic.error(Problem.NESTING_TOO_DEEP, Location.start(file), limits.maxDepth()));
    }
  }

  private static Diagnostic limitDiagnostic(String file, YAMLException e, ReaderLimits limits) {
    String m = String.valueOf(e.getMessage());
    String lower = m.toLowerCase(Locale.ROOT);
    Location where = Location.start(file);
    if (lower.contains("aliases")) {
      return Diagnostic.error(Problem.TOO_MANY_ALIASES, where, limits.maxAliases(), "alias expansion (a 'billion laughs' document?)")
          .withHint("anchors and aliases are allowed, but not this many");
    }
    if (lower.contains("nesting depth")) {
      return Diagnostic.error(Problem.NESTING_TOO_DEEP, where, limits.maxDepth());
    }
    if (lower.contains("code points") || lower.contains("exceeds the limit")) {
      return Diagnostic.error(Problem.FILE_TOO_LARGE, where, "more than " + limits.maxBytes(), limits.maxBytes());
    }
    return Diagnostic.error(Problem.YAML_SYNTAX, where, m);
  }

  private static Location at(String file, Mark mark) {
    return mark == null ? Location.start(file) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** Composes a short YAML snippet written in pipeshift's own source (defaults); never user input. */
  static Node composeTrusted(String text) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
  }
}
