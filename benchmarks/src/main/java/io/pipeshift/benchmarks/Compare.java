package io.pipeshift.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pipeshift.from.airflow.parse.PythonSourceParser;
import io.pipeshift.from.airflow.AirflowDagReader;
import io.pipeshift.from.airflow.FileImport;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.spi.PipelineTarget;
import io.pipeshift.spi.TargetOptions;
import io.pipeshift.validate.PipelineValidator;
import io.pipeshift.yaml.PipelineReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The Java side of {@code bench/compare}: warm timings in one JVM, printed as one JSON object on stdout.
 * Not a JMH benchmark (JMH's forks and iterations are too slow for the comparison's many inputs); each
 * measurement repeats the work after warm-up rounds and reports the median and the best round.
 *
 * <pre>
 * Compare dag-import DIR...          parse only and full import of every *.py under the folders
 * Compare sagemaker-chain N...       SageMaker emission of a chain of N processing steps
 * Compare scale N...                 load + validate, emit per target (convert = both), shapes CHAIN/RANDOM/CONDITIONS
 * Compare write-dags DIR N...        writes the Airflow emitter's DAG files for CHAIN and RANDOM pipelines of N steps
 * </pre>
 */
public final class Compare {

  private Compare() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: Compare dag-import DIR... | sagemaker-chain N... | scale N... | write-dags DIR N...");
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    Object result = switch (args[0]) {
      case "dag-import" -> dagImport(rest);
      case "sagemaker-chain" -> sagemakerChain(rest);
      case "scale" -> scale(rest);
      case "write-dags" -> writeDags(rest);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    };
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    PrintStream out = System.out;
    out.println(json.writeValueAsString(result));
  }

  /** Timing of one repeated piece of work, in milliseconds per round. */
  record Timing(double medianMs, double bestMs, int rounds) {
    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("median_ms", round(medianMs));
      m.put("best_ms", round(bestMs));
      m.put("rounds", rounds);
      return m;
    }
  }

  static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  /** Warm-up for about {@code warmSeconds} (at least 2 rounds), then at least 5 rounds and 2 s of measurement. */
  static Timing time(Supplier<Object> work, double warmSeconds) {
    long warmEnd = System.nanoTime() + (long) (warmSeconds * 1e9);
    int warm = 0;
    long last = 0;
    while (warm < 2 && last <= 3_000_000_000L || System.nanoTime() < warmEnd) {
      long t0 = System.nanoTime();
      blackhole(work.get());
      last = System.nanoTime() - t0;
      warm++;
      if (last > 3_000_000_000L && System.nanoTime() >= warmEnd) {
        break; // slow rounds: warm up no longer than asked
      }
    }
    // slow rounds are measured once, or three times when a long warm-up was asked for (100,000 steps)
    int minRounds = last <= 3_000_000_000L ? 5 : warmSeconds >= 10 ? 3 : 1;
    List<Double> rounds = new ArrayList<>();
    long measureEnd = System.nanoTime() + 2_000_000_000L;
    while (rounds.size() < minRounds || (System.nanoTime() < measureEnd && rounds.size() < 200)) {
      long t0 = System.nanoTime();
      blackhole(work.get());
      rounds.add((System.nanoTime() - t0) / 1e6);
    }
    double[] sorted = rounds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Timing(sorted[sorted.length / 2], sorted[0], sorted.length);
  }

  private static int sink;

  private static void blackhole(Object o) {
    sink += System.identityHashCode(o) & 1;
  }

  static List<Path> pythonFiles(String[] dirs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String d : dirs) {
      try (Stream<Path> walk = Files.walk(Path.of(d))) {
        walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p))
            .filter(p -> !p.toString().contains("__pycache__"))
            .sorted().forEach(files::add);
      }
    }
    return files;
  }

  static Map<String, Object> dagImport(String[] dirs) throws IOException {
    List<Path> files = pythonFiles(dirs);
    List<String> texts = new ArrayList<>();
    long bytes = 0;
    for (Path f : files) {
      String t = Files.readString(f, StandardCharsets.UTF_8);
      texts.add(t);
      bytes += t.getBytes(StandardCharsets.UTF_8).length;
    }
    PythonSourceParser parser = new PythonSourceParser();
    AirflowDagReader reader = new AirflowDagReader();
    long coldStart = System.nanoTime();
    int dags = 0;
    int failed = 0;
    for (int i = 0; i < files.size(); i++) {
      FileImport fi = reader.read(files.get(i), files.get(i).toString(), texts.get(i));
      dags += fi.dags().size();
      failed += fi.failure().isPresent() ? 1 : 0;
    }
    double coldMs = (System.nanoTime() - coldStart) / 1e6;
    Timing parse = time(() -> {
      int ok = 0;
      for (int i = 0; i < files.size(); i++) {
        ok += parser.parse(files.get(i).toString(), texts.get(i)).ok() ? 1 : 0;
      }
      return ok;
    }, 5);
    Timing full = time(() -> {
      int n = 0;
      for (int i = 0; i < files.size(); i++) {
        n += reader.read(files.get(i), files.get(i).toString(), texts.get(i)).dags().size();
      }
      return n;
    }, 5);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", files.size());
    m.put("bytes", bytes);
    m.put("dags", dags);
    m.put("failed_files", failed);
    m.put("import_first_round_ms", round(coldMs));
    m.put("parse", parse.json());
    m.put("import", full.json());
    return m;
  }

  static List<Map<String, Object>> sagemakerChain(String[] sizes) {
    PipelineTarget target = Inputs.target("sagemaker");
    List<Map<String, Object>> out = new ArrayList<>();
    for (String s : sizes) {
      int n = Integer.parseInt(s);
      Pipeline p = ScalePipelines.processingChain(n);
      Timing t = time(() -> target.emit(p, TargetOptions.NONE).artifact().main(), 3);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("steps", n);
      m.put("emit", t.json());
      out.add(m);
    }
    return out;
  }

  /** The three format targets (the IR target that core-model registers is left out). */
  static final List<String> TARGETS = List.of("sagemaker", "asl", "airflow");

  /**
   * Load + validate of the IR YAML, and each target's emit, per shape and size; convert = load + emit.
   * Sizes above 10,000 steps are measured for the CHAIN shape only, CONDITIONS up to 1,000 (rounds there
   * take seconds to minutes on a loaded machine); rounds over 3 s are measured once after one warm-up round.
   */
  static Map<String, Object> scale(String[] sizes) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("max_heap_mib", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    out.put("garbage_collectors", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
    List<Map<String, Object>> rows = new ArrayList<>();
    PipelineReader reader = new PipelineReader();
    PipelineValidator validator = new PipelineValidator();
    for (String shape : List.of("CHAIN", "RANDOM", "CONDITIONS")) {
      for (String s : sizes) {
        int n = Integer.parseInt(s);
        if (n > 10_000 && !shape.equals("CHAIN") || n > 1_000 && shape.equals("CONDITIONS")) {
          continue;
        }
        Pipeline p = Inputs.pipeline(shape, n);
        // The IR file of a very large pipeline may not be writable within the heap, or readable within
        // ReaderLimits (16 MiB): then only emit is measured, and the row says why.
        String yaml = null;
        String noLoad = null;
        try {
          yaml = Inputs.yaml(p);
          if (yaml.length() > io.pipeshift.yaml.ReaderLimits.DEFAULT.maxBytes()) {
            noLoad = "IR YAML of " + yaml.length() + " bytes exceeds ReaderLimits.DEFAULT.maxBytes";
            yaml = null;
          }
        } catch (OutOfMemoryError e) {
          noLoad = "PipelineWriter ran out of heap (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MiB) writing the IR YAML";
        }
        String text = yaml;
        Timing load = text == null ? null : time(() -> validator.validate(reader.read("bench.yaml", text)), 1);
        for (String id : TARGETS) {
          PipelineTarget target = Inputs.target(id);
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("shape", shape);
          m.put("steps", n);
          m.put("target", id);
          m.put("yaml_bytes", text == null ? null : text.length());
          m.put("load_validate", load == null ? null : load.json());
          try {
            // 100,000 steps: rounds of seconds; warm up for longer so the median is of compiled code
            Timing emit = time(() -> Inputs.print(target, p), n >= 100_000 ? 10 : 1);
            m.put("emit", emit.json());
            m.put("convert_ms", load == null ? null : round(load.medianMs() + emit.medianMs()));
            System.err.printf("scale %s %d %s: load+validate %s ms, emit %.1f ms%n", shape, n, id,
                load == null ? "-" : String.format("%.1f", load.medianMs()), emit.medianMs());
          } catch (OutOfMemoryError e) {
            m.put("emit", null);
            m.put("convert_ms", null);
            m.put("emit_failure", "OutOfMemoryError with " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
            System.err.printf("scale %s %d %s: emit ran out of heap%n", shape, n, id);
          }
          if (noLoad != null) {
            m.put("load_failure", noLoad);
          }
          rows.add(m);
        }
      }
    }
    out.put("rows", rows);
    out.put("slopes", slopes(rows));
    return out;
  }

  /** Least-squares slope of log(time) on log(steps) per shape and target, over sizes of at least 1,000 steps. */
  static List<Map<String, Object>> slopes(List<Map<String, Object>> rows) {
    Map<String, List<double[]>> convert = new LinkedHashMap<>();
    Map<String, List<double[]>> emit = new LinkedHashMap<>();
    for (Map<String, Object> r : rows) {
      int n = (Integer) r.get("steps");
      String key = r.get("shape") + "/" + r.get("target");
      convert.computeIfAbsent(key, k -> new ArrayList<>());
      emit.computeIfAbsent(key, k -> new ArrayList<>());
      if (r.get("convert_ms") instanceof Double ms) {
        convert.get(key).add(new double[] {Math.log(n), Math.log(Math.max(ms, 1e-3)), n});
      }
      if (r.get("emit") instanceof Map<?, ?> e && e.get("median_ms") instanceof Double ms) {
        emit.get(key).add(new double[] {Math.log(n), Math.log(Math.max(ms, 1e-3)), n});
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    convert.forEach((key, pts) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("series", key);
      m.put("convert_slope_all", slopeJson(pts));
      m.put("convert_slope_from_1000", slopeJson(pts.stream().filter(p -> p[2] >= 1000).toList()));
      List<double[]> e = emit.get(key);
      m.put("emit_slope_all", slopeJson(e));
      m.put("emit_slope_from_1000", slopeJson(e.stream().filter(p -> p[2] >= 1000).toList()));
      out.add(m);
    });
    return out;
  }

  /** The slope rounded, or null with fewer than two points. */
  static Double slopeJson(List<double[]> pts) {
    return pts.size() < 2 ? null : round(slope(pts));
  }

  static double slope(List<double[]> pts) {
    if (pts.size() < 2) {
      return 0.0 / 0.0;
    }
    double mx = pts.stream().mapToDouble(p -> p[0]).average().orElse(0);
    double my = pts.stream().mapToDouble(p -> p[1]).average().orElse(0);
    double num = 0;
    double den = 0;
    for (double[] p : pts) {
      num += (p[0] - mx) * (p[1] - my);
      den += (p[0] - mx) * (p[0] - mx);
    }
    return num / den;
  }

  static List<String> writeDags(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    PipelineTarget airflow = Inputs.target("airflow");
    List<String> written = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      int n = Integer.parseInt(args[i]);
      for (String shape : List.of("CHAIN", "RANDOM")) {
        Pipeline p = Inputs.pipeline(shape, n);
        Path f = dir.resolve("bench_" + shape.toLowerCase(java.util.Locale.ROOT) + "_" + n + ".py");
        Files.writeString(f, airflow.emit(p, TargetOptions.NONE).artifact().main(), StandardCharsets.UTF_8);
        written.add(f.toString());
      }
    }
    return written;
  }
}
