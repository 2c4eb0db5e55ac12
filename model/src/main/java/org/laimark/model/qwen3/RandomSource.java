package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Seeded random weights drawn in Java, so a seed gives the same model on every machine: matrices
 * and embeddings N(0, 0.02^2) as transformers initialises them (tests may ask for a wider spread),
 * biases likewise, and norm weights 1 + U(-0.2, 0.2) rather than exactly 1, so a forgotten norm
 * weight shows in tests.
 */
final class RandomSource implements WeightSource {

  static final double STD = 0.02;

  private final SplittableRandom random;
  private final double std;
  private final NDManager manager;

  RandomSource(long seed, double std, NDManager manager) {
    this.random = new SplittableRandom(seed);
    this.std = std;
    this.manager = manager;
  }

  @Override
  public NDArray get(String name, long... shape) {
    int count = Math.toIntExact(new Shape(shape).size());
    float[] values = new float[count];
    boolean norm = name.endsWith("norm.weight");
    for (int i = 0; i < count; i++) {
      values[i] =
          norm ? (float) (1 + random.nextDouble(-0.2, 0.2)) : (float) (random.nextGaussian() * std);
    }
    return manager.create(values, new Shape(shape));
  }

  @Override
  public boolean has(String name) {
    return true;
  }
}
