package io.pipeshift.from.airflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Development probe: the whole import of every file of a folder in a loop, for profiling. */
public final class ReadLoopProbe {
  public static void main(String[] args) throws Exception {
    List<Path> files = AirflowImport.pythonFiles(Path.of(args[0]));
    List<String> texts = new ArrayList<>();
    for (Path f : files) {
      texts.add(Files.readString(f));
    }
    AirflowDagReader reader = new AirflowDagReader();
    int rounds = Integer.parseInt(args[1]);
    long t0 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < files.size(); i++) {
        reader.read(files.get(i), files.get(i).toString(), texts.get(i));
      }
    }
    System.out.printf("%.2f ms per round%n", (System.nanoTime() - t0) / 1e6 / rounds);
  }
}
