package org.laimark.model.train.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.laimark.model.qwen3.Qwen3Config;

class ModelFlopsTest {

  @Test
  void matmulWeightsAreTheParametersLessNormsWhenEmbeddingsAreTied() {
    Qwen3Config c = ModelBenchmark.DEFAULT_CONFIG;

    long norms = c.numHiddenLayers() * (2L * c.hiddenSize() + 2L * c.headDim()) + c.hiddenSize();

    assertEquals(c.parameterCount() - norms, ModelFlops.matmulWeights(c));
  }

  @Test
  void trainingCountsTwiceTheProjectionsAndThriceTheAttentionOfAForwardPass() {
    Qwen3Config c = Qwen3Config.qwen3(100, 8, 16, 1, 2, 1, 4, true);

    double forward = ModelFlops.forward(c, 3, 10);
    double training = ModelFlops.loraTraining(c, 3, 10, 10);

    double attention = 3 * 10 * ModelFlops.attentionPerQuery(c, 10);
    assertEquals(2 * (forward - attention) + 3 * attention, training, 1e-6);
  }
}
