package io.pipeshift.from.airflow;

import io.pipeshift.from.airflow.parse.PythonSourceParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark side of {@code bench/airflow-import} (a {@code main}, not a test): imports every {@code .py} file
 * of a folder with a warm JVM, one thread, and prints per-file times as JSON on standard output. Each file
 * is imported {@code WARMUP} times over the whole set first, then {@code ROUNDS} times; a file's time is the
 * median of its measured rounds, by thread CPU time (robust on a busy machine) and by wall clock. "parse" is
 * the parser alone; "ir" is parse + static evaluation + mapping to the IR; "import" adds the IR validation
 * ({@link AirflowDagReader#read(Path, String, String)}). File reading is not timed (texts are read first).
 *
 * <p>Usage: {@code ImportBench DIR [ROUNDS [WARMUP]]}
 */
public final class ImportBench {

  private ImportBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    List<Path> files = AirflowImport.pythonFiles(dir);
    List<String> texts = new ArrayList<>();
    for (Path f : files) {
      texts.add(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    AirflowDagReader reader = new AirflowDagReader();
    AirflowDagReader unvalidated = AirflowDagReader.withoutValidation();
    PythonSourceParser parser = new PythonSourceParser();
    int n = files.size();
    long[][] importCpu = new long[n][rounds];
    long[][] importWall = new long[n][rounds];
    long[][] parseCpu = new long[n][rounds];
    long[][] irCpu = new long[n][rounds];
    int[] dags = new int[n];
    long firstRoundStart = System.nanoTime();
    for (int w = 0; w < warmup; w++) {
      for (int i = 0; i < n; i++) {
        String label = AirflowImport.label(dir, files.get(i));
        dags[i] = reader.read(files.get(i), label, texts.get(i)).dags().size();
        unvalidated.read(files.get(i), label, texts.get(i));
        parser.parse(label, texts.get(i));
      }
      if (w == 0) {
        firstRoundStart = System.nanoTime() - firstRoundStart;
      }
    }
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < n; i++) {
        String label = AirflowImport.label(dir, files.get(i));
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        reader.read(files.get(i), label, texts.get(i));
        importWall[i][r] = System.nanoTime() - t0;
        importCpu[i][r] = cpu.getCurrentThreadCpuTime() - c0;
        long c1 = cpu.getCurrentThreadCpuTime();
        parser.parse(label, texts.get(i));
        parseCpu[i][r] = cpu.getCurrentThreadCpuTime() - c1;
        long c2 = cpu.getCurrentThreadCpuTime();
        unvalidated.read(files.get(i), label, texts.get(i));
        irCpu[i][r] = cpu.getCurrentThreadCpuTime() - c2;
      }
    }
    StringBuilder json = new StringBuilder();
    json.append("{\n  \"tool\": \"pipeshift\",\n  \"rounds\": ").append(rounds).append(",\n  \"warmup\": ").append(warmup)
        .append(",\n  \"first_round_ms\": ").append(ms(firstRoundStart)).append(",\n  \"files\": [\n");
    for (int i = 0; i < n; i++) {
      json.append(String.format(Locale.ROOT,
          "    {\"file\": \"%s\", \"dags\": %d, \"import_cpu_ms\": %s, \"import_wall_ms\": %s, \"parse_cpu_ms\": %s,"
              + " \"ir_cpu_ms\": %s}%s%n",
          AirflowImport.label(dir, files.get(i)).replace("\\", "\\\\").replace("\"", "\\\""), dags[i],
          ms(median(importCpu[i])), ms(median(importWall[i])), ms(median(parseCpu[i])), ms(median(irCpu[i])),
          i + 1 < n ? "," : ""));
    }
    json.append("  ]\n}\n");
    System.out.print(json);
  }

  private static long median(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy[copy.length / 2];
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.4f", nanos / 1e6);
  }
}
