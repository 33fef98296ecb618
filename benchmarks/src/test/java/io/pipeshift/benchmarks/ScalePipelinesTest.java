package io.pipeshift.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.pipeshift.ir.Pipeline;
import io.pipeshift.validate.PipelineValidator;
import io.pipeshift.yaml.PipelineReader;
import org.junit.jupiter.api.Test;

/** The benchmark generator makes valid pipelines of exactly the requested size, the same every time. */
class ScalePipelinesTest {

  @Test
  void everyShapeIsValidAndExactlySized() {
    for (ScalePipelines.Shape shape : ScalePipelines.Shape.values()) {
      for (int n : new int[] {3, 10, 100, 1000}) {
        Pipeline p = ScalePipelines.generate(shape, n, Inputs.SEED);
        assertEquals(n, ScalePipelines.count(p.steps()), shape + " " + n);
        assertFalse(PipelineValidator.hasErrors(new PipelineValidator().validate(p, "bench")),
            shape + " " + n + ": " + new PipelineValidator().validate(p, "bench"));
        String yaml = Inputs.yaml(p);
        assertEquals(p, new PipelineReader().read("bench.yaml", yaml).pipeline(), shape + " " + n + " round trip");
      }
    }
    assertEquals(Inputs.yaml(ScalePipelines.generate(ScalePipelines.Shape.RANDOM, 500, 7)),
        Inputs.yaml(ScalePipelines.generate(ScalePipelines.Shape.RANDOM, 500, 7)));
  }
}
