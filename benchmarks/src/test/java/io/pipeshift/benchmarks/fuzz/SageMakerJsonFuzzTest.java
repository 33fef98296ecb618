package io.pipeshift.benchmarks.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pipeshift.from.sagemaker.SageMakerImporter;

/** SageMaker pipeline definition JSON through the SageMaker importer. */
class SageMakerJsonFuzzTest {

  @FuzzTest
  void importSageMaker(byte[] data) {
    String text = Hostile.text(data);
    Hostile.run("sagemaker json", data, () -> SageMakerImporter.read("fuzz.json", text));
  }
}
