package io.pipeshift.from.airflow.eval;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The few standard-library and {@code pendulum} calls DAG files use to build values: dates, durations,
 * time zones, {@code textwrap.dedent}, {@code os.path.join}, {@code json.dumps}. Calls that read the
 * environment, the clock, files or randomness are marked as unknown; none is ever made.
 */
final class Stdlib {

  private Stdlib() {}

  /** The value of a call to {@code qn}, or null when this class does not know the function. */
  static PyValue call(Calls calls, String qn, Calls.Args a, Calls.Site site) {
    switch (qn) {
      case "datetime.datetime", "pendulum.datetime", "pendulum.DateTime", "airflow.utils.timezone.datetime" -> {
        PyValue tz = a.kwargs.getOrDefault("tz", a.kwargs.get("tzinfo"));
        String zone = tz == null ? (qn.startsWith("pendulum") ? "UTC" : null) : zone(tz);
        if (tz != null && zone == null) {
          return site.unresolved("time zone");
        }
        PyValue d = dateTime(a, zone);
        return d != null ? d : site.unresolved("datetime");
      }
      case "datetime.date" -> {
        PyValue d = dateTime(a, null);
        return d != null ? d : site.unresolved("date");
      }
      case "datetime.timedelta", "pendulum.duration", "pendulum.Duration" -> {
        PyValue d = timedelta(a);
        return d != null ? d : site.unresolved("timedelta");
      }
      case "pendulum.timezone", "pendulum.Timezone", "zoneinfo.ZoneInfo", "pytz.timezone", "dateutil.tz.gettz" -> {
        return a.args.isEmpty() || !(a.args.get(0) instanceof PyValue.Str s) ? site.unresolved("time zone")
            : new PyValue.Str(s.value());
      }
      case "datetime.datetime.fromisoformat", "pendulum.parse" -> {
        return a.args.isEmpty() || !(a.args.get(0) instanceof PyValue.Str s) ? site.unresolved("datetime")
            : new PyValue.DateTime(s.value(), qn.startsWith("pendulum") ? "UTC" : null);
      }
      case "textwrap.dedent", "inspect.cleandoc" -> {
        if (a.args.isEmpty() || !(a.args.get(0) instanceof PyValue.Str s)) {
          return a.args.isEmpty() ? site.unresolved("dedent") : passUnknown(a.args.get(0), site);
        }
        return new PyValue.Str(qn.equals("textwrap.dedent") ? dedent(s.value()) : dedent(s.value()).strip());
      }
      case "os.path.join", "posixpath.join" -> {
        StringBuilder b = new StringBuilder();
        for (PyValue v : a.args) {
          if (!(v instanceof PyValue.Str s)) {
            return passUnknown(v, site);
          }
          if (s.value().startsWith("/")) {
            b.setLength(0);
          } else if (b.length() > 0 && b.charAt(b.length() - 1) != '/') {
            b.append('/');
          }
          b.append(s.value());
        }
        return new PyValue.Str(b.toString());
      }
      case "json.dumps" -> {
        if (a.args.isEmpty() || a.kwargs.containsKey("indent") || a.kwargs.containsKey("sort_keys")) {
          return a.args.isEmpty() ? site.unresolved("json.dumps") : passUnknown(a.args.get(0), site);
        }
        String j = PyText.json(a.args.get(0));
        return j != null ? new PyValue.Str(j) : passUnknown(a.args.get(0), site);
      }
      case "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath" -> {
        if (a.args.size() == 1 && isFile(a.args.get(0))) {
          return new PyValue.Instance("pathlib.Path", a.args, a.kwargs, (PyValue.Unresolved) a.args.get(0));
        }
        return site.unresolved("call " + qn + " (not run)");
      }
      case "os.path.basename" -> {
        if (a.args.size() == 1 && isFile(a.args.get(0))) {
          return new PyValue.Str(calls.evaluator().moduleName() + ".py");
        }
        if (a.args.size() == 1 && a.args.get(0) instanceof PyValue.Str s) {
          return new PyValue.Str(s.value().substring(s.value().lastIndexOf('/') + 1));
        }
        return a.args.isEmpty() ? site.unresolved("os.path") : passUnknown(a.args.get(0), site);
      }
      case "os.environ.get", "os.getenv", "os.environ.__getitem__", "os.environ.setdefault" -> {
        return site.unresolved("environment variable");
      }
      case "importlib.import_module", "importlib.__import__", "importlib.util.spec_from_file_location",
          "importlib.util.module_from_spec" -> {
        return site.unresolved("dynamic import");
      }
      default -> {
        if (qn.startsWith("datetime.datetime.") || qn.startsWith("datetime.date.") || qn.startsWith("pendulum.")
            || qn.startsWith("time.")) {
          return site.unresolved("run-time date");
        }
        if (qn.startsWith("random.") || qn.startsWith("uuid.") || qn.startsWith("secrets.")) {
          return site.unresolved("random value");
        }
        if (qn.startsWith("os.") || qn.startsWith("sys.") || qn.startsWith("subprocess.") || qn.startsWith("shutil.")
            || qn.startsWith("pathlib.") || qn.startsWith("socket.") || qn.startsWith("requests.")
            || qn.startsWith("urllib.") || qn.startsWith("boto3.")) {
          return site.unresolved("call " + qn + " (not run)");
        }
        return null;
      }
    }
  }

  /** Whether a value is the module's {@code __file__}. */
  static boolean isFile(PyValue v) {
    return v instanceof PyValue.Unresolved u && u.construct().equals("__file__");
  }

  private static PyValue passUnknown(PyValue v, Calls.Site site) {
    if (v instanceof PyValue.Unresolved u) {
      return new PyValue.Unresolved(site.call(), u.construct(), site.line(), site.column());
    }
    return site.unresolved("call " + site.callee());
  }

  /** A time zone name from {@code "UTC"}, {@code pendulum.timezone(...)} or {@code timezone.utc}. */
  static String zone(PyValue tz) {
    if (tz instanceof PyValue.Str s) {
      return s.value();
    }
    if (tz instanceof PyValue.Symbol s && (s.qualifiedName().endsWith("timezone.utc")
        || s.qualifiedName().endsWith("pendulum.UTC") || s.qualifiedName().endsWith("utils.timezone.utc"))) {
      return "UTC";
    }
    return null;
  }

  static PyValue dateTime(Calls.Args a, String zone) {
    String[] names = {"year", "month", "day", "hour", "minute", "second", "microsecond"};
    long[] v = {0, 1, 1, 0, 0, 0, 0};
    for (int i = 0; i < names.length; i++) {
      PyValue x = i < a.args.size() ? a.args.get(i) : a.kwargs.get(names[i]);
      if (x == null) {
        if (i < 3) {
          return null;
        }
        continue;
      }
      if (!(x instanceof PyValue.Int n)) {
        return null;
      }
      v[i] = n.value();
    }
    StringBuilder iso = new StringBuilder(19); // yyyy-MM-ddTHH:mm:ss without String.format (it showed in profiles)
    pad(iso, v[0], 4).append('-');
    pad(iso, v[1], 2).append('-');
    pad(iso, v[2], 2).append('T');
    pad(iso, v[3], 2).append(':');
    pad(iso, v[4], 2).append(':');
    pad(iso, v[5], 2);
    return new PyValue.DateTime(iso.toString(), zone);
  }

  /** Appends {@code n} zero-padded to {@code width} digits, as {@code %0<width>d} would. */
  private static StringBuilder pad(StringBuilder out, long n, int width) {
    String digits = Long.toString(Math.abs(n));
    if (n < 0) {
      out.append('-');
      width--;
    }
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }

  private static final List<Map.Entry<String, Double>> UNITS = List.of(
      Map.entry("weeks", 604800.0), Map.entry("days", 86400.0), Map.entry("hours", 3600.0),
      Map.entry("minutes", 60.0), Map.entry("seconds", 1.0), Map.entry("milliseconds", 0.001),
      Map.entry("microseconds", 0.000001));

  /** {@code timedelta(days, seconds, microseconds, milliseconds, minutes, hours, weeks)} and keywords. */
  static PyValue timedelta(Calls.Args a) {
    String[] positional = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};
    double total = 0;
    for (int i = 0; i < a.args.size(); i++) {
      if (i >= positional.length) {
        return null;
      }
      Double s = number(a.args.get(i));
      if (s == null) {
        return null;
      }
      total += s * factor(positional[i]);
    }
    for (Map.Entry<String, PyValue> e : a.kwargs.entrySet()) {
      if (e.getKey().equals("years") || e.getKey().equals("months")) {
        return null;
      }
      Double s = number(e.getValue());
      Double f = factorOrNull(e.getKey());
      if (s == null || f == null) {
        return null;
      }
      total += s * f;
    }
    return new PyValue.Timedelta(Operators.seconds(total));
  }

  private static double factor(String unit) {
    Double f = factorOrNull(unit);
    return f == null ? 0 : f;
  }

  private static Double factorOrNull(String unit) {
    for (Map.Entry<String, Double> u : UNITS) {
      if (u.getKey().equals(unit)) {
        return u.getValue();
      }
    }
    return null;
  }

  private static Double number(PyValue v) {
    if (v instanceof PyValue.Int i) {
      return (double) i.value();
    }
    if (v instanceof PyValue.Float f) {
      return f.value();
    }
    return null;
  }

  /** Python's {@code textwrap.dedent}: removes the common leading whitespace of non-blank lines. */
  static String dedent(String text) {
    String[] lines = text.split("\n", -1);
    String margin = null;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      int i = 0;
      while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
      String indent = line.substring(0, i);
      if (margin == null) {
        margin = indent;
      } else {
        int k = 0;
        while (k < margin.length() && k < indent.length() && margin.charAt(k) == indent.charAt(k)) {
          k++;
        }
        margin = margin.substring(0, k);
      }
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i > 0) {
        b.append('\n');
      }
      if (line.isBlank()) {
        b.append(line.strip().isEmpty() ? "" : line);
      } else {
        b.append(margin == null ? line : line.substring(margin.length()));
      }
    }
    return b.toString();
  }

  static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }
}
