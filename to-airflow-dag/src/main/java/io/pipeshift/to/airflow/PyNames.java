package io.pipeshift.to.airflow;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one name allocator of a generated file: turns any suggestion into a legal, readable Python identifier
 * (snake_case ASCII), avoids keywords, soft keywords, ambiguous names ({@code l}, {@code O}, {@code I}),
 * builtins and every name already handed out, and remembers tag -> name so later references agree.
 *
 * <p>Task ids are allocated here too: a task's variable and its {@code task_id} are the same identifier
 * (ruff's AIR001 wants them equal), so the ids of a DAG are unique Python names.
 */
public final class PyNames {

  /** Longest identifier handed out, so {@code name = Operator(} still fits a line. */
  public static final int MAX_LENGTH = 40;

  /** Python 3 keywords. */
  public static final Set<String> KEYWORDS = Set.of(
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
      "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
      "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

  /** Soft keywords: legal names, but confusing in a generated file. */
  public static final Set<String> SOFT_KEYWORDS = Set.of("_", "case", "match", "type");

  /** Names pycodestyle (E741) calls ambiguous. */
  public static final Set<String> AMBIGUOUS = Set.of("l", "O", "I");

  /** Python 3.11 builtins: a DAG variable must not hide one. */
  public static final Set<String> BUILTINS = Set.of(
      "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
      "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
      "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
      "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception",
      "ExceptionGroup", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
      "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError",
      "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
      "ModuleNotFoundError", "NameError", "NotADirectoryError", "NotImplemented", "NotImplementedError",
      "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
      "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
      "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit",
      "TabError", "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
      "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError", "Warning",
      "ZeroDivisionError", "__build_class__", "__debug__", "__doc__", "__import__", "__loader__", "__name__",
      "__package__", "__spec__", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint",
      "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex", "copyright", "credits",
      "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter", "float", "format",
      "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance",
      "issubclass", "iter", "len", "license", "list", "locals", "map", "max", "memoryview", "min", "next",
      "object", "oct", "open", "ord", "pow", "print", "property", "quit", "range", "repr", "reversed", "round",
      "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "vars", "zip");

  private final Set<String> taken = new HashSet<>();
  private final Map<Object, PyName> byTag = new LinkedHashMap<>();

  /** A name chosen by the generator itself (an import, a helper): taken exactly, or an error. */
  public PyName reserve(String identifier) {
    if (!isIdentifier(identifier) || KEYWORDS.contains(identifier)) {
      throw new IllegalArgumentException("not a Python identifier: " + identifier);
    }
    if (!taken.add(identifier)) {
      throw new IllegalStateException("name already taken: " + identifier);
    }
    return new PyName(identifier);
  }

  /** Whether a name is taken (reserved or allocated). */
  public boolean isTaken(String identifier) {
    return taken.contains(identifier);
  }

  /** A fresh name derived from {@code suggestion}, remembered under {@code tag}. */
  public PyName newName(String suggestion, Object tag) {
    if (byTag.containsKey(tag)) {
      throw new IllegalStateException("tag already has a name: " + tag);
    }
    PyName name = new PyName(unique(sanitize(suggestion)));
    taken.add(name.identifier());
    byTag.put(tag, name);
    return name;
  }

  /** A fresh name with no tag. */
  public PyName newName(String suggestion) {
    PyName name = new PyName(unique(sanitize(suggestion)));
    taken.add(name.identifier());
    return name;
  }

  /** A fresh name that also satisfies {@code alsoFree} (e.g. free as a task id), remembered under {@code tag}. */
  public PyName newName(String suggestion, Object tag, java.util.function.Predicate<String> alsoFree) {
    if (byTag.containsKey(tag)) {
      throw new IllegalStateException("tag already has a name: " + tag);
    }
    PyName name = new PyName(unique(sanitize(suggestion), n -> !taken.contains(n) && alsoFree.test(n)));
    taken.add(name.identifier());
    byTag.put(tag, name);
    return name;
  }

  /**
   * A legal identifier derived from {@code suggestion} that {@code free} accepts, without taking it here
   * (for names in another namespace, such as task ids).
   */
  public static String uniqueIn(String suggestion, java.util.function.Predicate<String> free) {
    return unique(sanitize(suggestion), free);
  }

  /** The name given earlier for {@code tag}. */
  public PyName get(Object tag) {
    PyName n = byTag.get(tag);
    if (n == null) {
      throw new IllegalArgumentException("no name for tag " + tag);
    }
    return n;
  }

  public boolean has(Object tag) {
    return byTag.containsKey(tag);
  }

  /**
   * A readable snake_case identifier for any text: ASCII letters and digits kept (accents stripped),
   * camelCase split, everything else becomes one underscore; never empty, never starting with a digit.
   */
  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
  private static final java.util.regex.Pattern CAMEL_HUMP = java.util.regex.Pattern.compile("([a-z0-9])([A-Z])");
  private static final java.util.regex.Pattern ACRONYM_END = java.util.regex.Pattern.compile("([A-Z]+)([A-Z][a-z])");
  private static final java.util.regex.Pattern OTHER = java.util.regex.Pattern.compile("[^a-z0-9]+");
  private static final java.util.regex.Pattern EDGE_UNDERSCORES = java.util.regex.Pattern.compile("^_+|_+$");

  public static String sanitize(String suggestion) {
    String snake;
    if (isLowerSnakeOrKebab(suggestion)) {
      snake = underscored(suggestion); // the common case (step ids): no case or accents to handle
    } else {
      String ascii = suggestion;
      if (!suggestion.chars().allMatch(c -> c < 0x80)) { // ASCII has nothing to decompose
        ascii = MARKS.matcher(Normalizer.normalize(suggestion, Normalizer.Form.NFKD)).replaceAll("");
      }
      ascii = CAMEL_HUMP.matcher(ascii).replaceAll("$1_$2");
      ascii = ACRONYM_END.matcher(ascii).replaceAll("$1_$2");
      snake = OTHER.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("_");
      snake = EDGE_UNDERSCORES.matcher(snake).replaceAll("");
    }
    if (snake.isEmpty()) {
      snake = "task";
    }
    if (Character.isDigit(snake.charAt(0))) {
      snake = "n" + snake;
    }
    if (snake.length() > MAX_LENGTH) {
      snake = snake.substring(0, MAX_LENGTH).replaceAll("_+$", "");
    }
    return snake;
  }

  private static boolean isLowerSnakeOrKebab(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Each run of underscores and hyphens one underscore, none at either end (what the general path does). */
  private static String underscored(String s) {
    return collapse(s, c -> c != '_' && c != '-', '_');
  }

  /**
   * The characters {@code kept} accepts, in order, with every run of other characters between two of them
   * replaced by one {@code separator} and none at either end.
   */
  static String collapse(String text, java.util.function.IntPredicate kept, char separator) {
    StringBuilder out = new StringBuilder(text.length());
    boolean gap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!kept.test(c)) {
        gap = true;
        continue;
      }
      if (gap && out.length() > 0) {
        out.append(separator);
      }
      out.append(c);
      gap = false;
    }
    return out.toString();
  }

  private String unique(String base) {
    return unique(base, n -> !taken.contains(n));
  }

  private static String unique(String base, java.util.function.Predicate<String> free) {
    String candidate = avoidsSpecial(base) ? base : base + "_";
    if (free.test(candidate)) {
      return candidate;
    }
    int n = 1;
    String next;
    do {
      n++;
      String suffix = "_" + n;
      String stem = base.length() + suffix.length() > MAX_LENGTH ? base.substring(0, MAX_LENGTH - suffix.length()) : base;
      next = stem + suffix;
    } while (!free.test(next) || !avoidsSpecial(next));
    return next;
  }

  private static boolean avoidsSpecial(String name) {
    return !KEYWORDS.contains(name) && !SOFT_KEYWORDS.contains(name) && !AMBIGUOUS.contains(name)
        && !BUILTINS.contains(name);
  }

  /** ASCII identifier syntax (the generator only ever emits ASCII names). */
  public static boolean isIdentifier(String s) {
    if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
