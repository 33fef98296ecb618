package io.pipeshift.to.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.oracles.Oracles;
import io.pipeshift.oracles.ProcessRun;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The built-in image accounts pipeshift knows are the ones the pinned SDK resolves, region by region. */
class BuiltInImagesTest {

  @Test
  void modelMonitorAndClarifyAccountsMatchTheSdk() throws Exception {
    String script = """
        import json, sys
        from sagemaker import image_uris
        regions = sys.argv[1].split(",")
        out = {}
        for r in regions:
            out["model-monitor " + r] = image_uris.retrieve("model-monitor", r).split(".")[0]
            out["clarify " + r] = image_uris.retrieve("clarify", r).split(".")[0]
        print(json.dumps(out))
        """;
    String regions = String.join(",", new java.util.TreeSet<>(SageMakerBuiltInJobs.MODEL_MONITOR_ACCOUNTS.keySet()));
    ProcessRun.Result r = ProcessRun.of(Oracles.sagemakerPython().toString(), "-c", script, regions)
        .env("AWS_DEFAULT_REGION", "us-east-1").env("SAGEMAKER_SUPPRESS_V2_WARNING", "1").run().requireSuccess();
    String json = r.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
    JsonNode sdk = new ObjectMapper().readTree(json);
    Map<String, String> ours = new TreeMap<>();
    SageMakerBuiltInJobs.MODEL_MONITOR_ACCOUNTS.forEach((region, account) -> ours.put("model-monitor " + region, account));
    SageMakerBuiltInJobs.CLARIFY_ACCOUNTS.forEach((region, account) -> ours.put("clarify " + region, account));
    Map<String, String> theirs = new TreeMap<>();
    sdk.fields().forEachRemaining(e -> theirs.put(e.getKey(), e.getValue().asText()));
    assertEquals(theirs, ours);
  }
}
