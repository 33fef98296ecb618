package io.pipeshift.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.analyzer.features.FlowGraph;
import io.pipeshift.analyzer.report.Format;
import io.pipeshift.analyzer.report.Reporters;
import io.pipeshift.analyzer.score.Score;
import io.pipeshift.validate.PipelineValidator;
import io.pipeshift.yaml.LoadedPipeline;
import io.pipeshift.yaml.PipelineReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-style tests over random valid pipelines (seeded java.util.Random, so a failure reproduces): the
 * analyzer never throws, scores stay in 0-100, the recommendation is a best score, findings are located and
 * sorted, every report renders and parses, and the same input gives the same output.
 */
class RandomPipelinesTest {

  static final long SEED = 20_240_601L;
  static final int PIPELINES = 150;

  static final String[] KINDS = {
    "kind: processing\n    image: img:1\n    instanceType: ml.m5.xlarge\n",
    "kind: training\n    image: img\n    instanceType: ml.m5.xlarge\n    outputPath: s3://b/m\n",
    "kind: lambda\n    function: f\n",
    "kind: lambda\n    function: f\n    timeout: 20m\n",
    "kind: glue\n    jobName: j\n    retry: {retries: 2, errors: [throttling]}\n",
    "kind: sns\n    topic: arn:aws:sns:us-east-1:1:t\n    message: m\n",
    "kind: python\n    function: f\n",
    "kind: bash\n    command: echo hi\n",
    "kind: http\n    url: https://example.com\n",
    "kind: approval\n    topic: arn:aws:sns:us-east-1:1:a\n",
    "kind: wait\n    duration: 5m\n",
    "kind: fail\n",
    "kind: register-model\n    modelPackageGroup: g\n    image: img:2\n    modelData: s3://b/m.tar.gz\n",
    "kind: model-deploy\n    endpointName: e\n    model: m\n    instanceType: ml.m5.large\n",
    "kind: external\n    format: airflow\n    type: airflow.sensors.FileSensor\n",
  };

  static String randomPipeline(Random r, int n) {
    StringBuilder sb = new StringBuilder("pipeshift: 1\nname: random-" + n + "\n");
    if (r.nextBoolean()) {
      sb.append("triggers:\n  - cron: \"").append(r.nextInt(60)).append(" ").append(r.nextInt(24)).append(" * * *\"\n");
    }
    if (r.nextInt(4) == 0) {
      sb.append("defaults:\n  caching: {enabled: true}\n  timeout: 1h\n");
    }
    if (r.nextInt(5) == 0) {
      sb.append("extensions:\n  ").append(r.nextBoolean() ? "airflow: {dag_id: x}" : "asl: {type: EXPRESS}").append("\n");
    }
    sb.append("steps:\n");
    int steps = 1 + r.nextInt(12);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      String id = "s" + i;
      if (r.nextInt(8) == 0) {
        sb.append("  - id: ").append(id).append("\n    kind: for-each\n    items: [a, b, c]\n    maxConcurrency: ")
            .append(r.nextInt(3)).append("\n    steps:\n      - id: ").append(id).append("-body\n        ")
            .append(KINDS[r.nextInt(9)].replace("\n    ", "\n        "));
      } else if (r.nextInt(8) == 0) {
        sb.append("  - id: ").append(id).append("\n    kind: condition\n    branches:\n      - when: {gte: [1, 0]}\n")
            .append("        steps:\n          - id: ").append(id).append("-yes\n            ")
            .append(KINDS[r.nextInt(KINDS.length)].replace("\n    ", "\n            "))
            .append("    otherwise:\n      - id: ").append(id).append("-no\n        kind: fail\n        message: no\n");
      } else {
        sb.append("  - id: ").append(id).append("\n    ").append(KINDS[r.nextInt(KINDS.length)]);
      }
      if (!ids.isEmpty() && r.nextInt(3) > 0) {
        sb.append("    after: [").append(ids.get(r.nextInt(ids.size()))).append("]\n");
      }
      ids.add(id);
    }
    return sb.toString();
  }

  @Test
  void analyzerInvariantsHoldOnRandomPipelines() throws Exception {
    Random r = new Random(SEED);
    ObjectMapper json = new ObjectMapper();
    for (int n = 0; n < PIPELINES; n++) {
      String text = randomPipeline(r, n);
      LoadedPipeline loaded = new PipelineReader().read("random-" + n + ".yaml", text);
      assertTrue(!PipelineValidator.hasErrors(new PipelineValidator().validate(loaded)),
          () -> "generator made an invalid pipeline:\n" + text + new PipelineValidator().validate(loaded));
      Analysis a = Analyzer.analyze(loaded);
      int best = a.scorecard().scores().stream().mapToInt(Score::score).max().orElseThrow();
      for (Score s : a.scorecard().scores()) {
        assertTrue(s.score() >= 0 && s.score() <= 100, text);
      }
      assertEquals(best, a.scorecard().of(a.scorecard().recommendation()).score(), text);
      assertEquals(a.findings().stream().sorted(Finding.ORDER).toList(), a.findings());
      for (Finding f : a.findings()) {
        assertTrue(f.location().isKnown(), () -> "unlocated finding " + f.render() + "\n" + text);
      }
      assertEquals(loaded.pipeline().allSteps().size(), FlowGraph.of(loaded.pipeline()).layers().size());
      assertTrue(a.features().run().historyEventsWorstCase() >= a.features().run().historyEvents());
      assertTrue(a.features().run().upperBoundDuration().compareTo(a.features().run().expectedDuration()) >= 0, text);
      for (Format f : Format.values()) {
        String out = Reporters.render(List.of(a), f);
        assertEquals(out, Reporters.render(List.of(Analyzer.analyze(new PipelineReader().read("random-" + n + ".yaml",
            text))), f), "deterministic " + f.id());
        if (f == Format.JSON || f == Format.SARIF) {
          json.readTree(out);
        }
      }
    }
  }
}
