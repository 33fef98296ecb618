package io.pipeshift.from.airflow;

import io.pipeshift.fidelity.Translation;
import io.pipeshift.spi.EmittedFiles;
import io.pipeshift.yaml.PipelineWriter;
import java.nio.file.Path;
import java.util.List;

/** Development probe: bulk-imports a folder to IR YAML and prints the summary and the notes. */
public final class ImportProbe {
  public static void main(String[] args) throws Exception {
    AirflowImport.Options o = new AirflowImport.Options(Runtime.getRuntime().availableProcessors(),
        p -> new Translation<>(EmittedFiles.of(new PipelineWriter().write(p), "yaml"), List.of()));
    long t0 = System.nanoTime();
    ImportSummary s = new AirflowImport().run(Path.of(args[0]), Path.of(args[1]), o, (d, t) -> { });
    long t1 = System.nanoTime();
    for (ImportSummary.Entry e : s.entries()) {
      System.out.println(e.status() + " " + e.file() + " " + e.outputs().keySet());
      if (args.length > 2) {
        e.notes().forEach(n -> System.out.println("    " + n));
      }
    }
    System.out.println(s.tree().entrySet().stream().limit(9).toList());
    System.out.printf("%.1f ms%n", (t1 - t0) / 1e6);
  }
}
