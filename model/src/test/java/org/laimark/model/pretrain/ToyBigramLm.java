package org.laimark.model.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.laimark.model.train.TrainableLm;

/**
 * A TOY test model (not a transformer): bigram logits {@code E[x] W} with every weight trainable, the way
 * pre-training trains every weight. Lets the pre-training loop be tested without the Qwen3 decoder.
 */
final class ToyBigramLm implements TrainableLm {

  private final Map<String, NDArray> weights = new LinkedHashMap<>();

  ToyBigramLm(int vocab, int hidden, long seed, NDManager manager) {
    Random random = new Random(seed);
    weights.put("embed", gaussian(manager, new Shape(vocab, hidden), random));
    weights.put("head", gaussian(manager, new Shape(hidden, vocab), random));
  }

  private static NDArray gaussian(NDManager manager, Shape shape, Random random) {
    float[] values = new float[(int) shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * 0.02);
    }
    return manager.create(values, shape);
  }

  @Override
  public NDArray logits(NDArray inputIds, NDArray attentionMask) {
    return weights.get("embed").get(new NDIndex("{}", inputIds)).matMul(weights.get("head"));
  }

  @Override
  public Map<String, NDArray> trainableParameters() {
    return weights;
  }

  @Override
  public void setAdapterEnabled(boolean enabled) {}

  @Override
  public void setTraining(boolean training) {}

  @Override
  public void saveAdapter(Path directory) {
    throw new UnsupportedOperationException("the toy model is never saved");
  }

  @Override
  public void loadAdapter(Path directory) {
    throw new UnsupportedOperationException("the toy model is never loaded");
  }
}
