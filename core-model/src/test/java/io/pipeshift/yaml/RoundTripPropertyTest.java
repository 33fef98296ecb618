package io.pipeshift.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.testing.Examples;
import io.pipeshift.testing.RandomPipelines;
import io.pipeshift.validate.PipelineValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties over seeded random inputs (a failure prints the seed to replay it). */
class RoundTripPropertyTest {

  private static final int CASES = 300;

  @Test
  void randomValidPipelinesSurviveTheYamlRoundTrip() {
    for (long seed = 1; seed <= CASES; seed++) {
      Pipeline p = RandomPipelines.generate(seed, RandomPipelines.Shape.everything(25));
      long s = seed;
      assertTrue(new PipelineValidator().validate(p, "random").stream().noneMatch(d -> d.isError()),
          () -> "generator produced an invalid pipeline, seed " + s + ": " + new PipelineValidator().validate(p, "random"));
      String yaml = new PipelineWriter().write(p);
      Pipeline back = new PipelineReader().read("seed-" + seed + ".yaml", yaml).pipeline();
      assertEquals(p, back, () -> "seed " + s + "\n" + yaml);
    }
  }

  @Test
  void mutatedYamlNeverThrowsAnythingButDiagnostics() throws IOException {
    List<String> corpus = new ArrayList<>();
    for (Path p : Examples.valid()) {
      corpus.add(Files.readString(p));
    }
    for (Path p : Examples.invalid()) {
      corpus.add(Files.readString(p));
    }
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      String base = corpus.get(random.nextInt(corpus.size()));
      String mutated = mutate(base, random);
      try {
        LoadedPipeline loaded = new PipelineReader().read("mutant-" + i + ".yaml", mutated);
        new PipelineValidator().validate(loaded);
      } catch (InvalidInputException expected) {
        assertTrue(expected.diagnostics().stream().allMatch(d -> d.location().line() >= 1), expected.getMessage());
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("mutant " + i + " crashed the reader:\n" + mutated, e);
      }
    }
  }

  private static final String[] INSERTS = {":", "-", "[", "]", "{", "}", "&a", "*a", "!!str", "\t", "\n  ", "'", "\"",
      "null", "~", "1e999", "-1", "0x1F", "kind: fail", "after: [x]", "{param: X}", "{output: {step: s, name: n}}", "#"};

  static String mutate(String text, Random random) {
    StringBuilder b = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(4)) {
        case 0 -> b.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
        case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(20)));
        case 2 -> b.setCharAt(at, (char) (32 + random.nextInt(95)));
        default -> {
          int from = random.nextInt(b.length());
          int len = Math.min(40, b.length() - from);
          b.insert(at, b.substring(from, from + len));
        }
      }
    }
    return b.toString();
  }
}
