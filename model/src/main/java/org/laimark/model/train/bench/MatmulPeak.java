package org.laimark.model.train.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * The CPU's practical float32 ceiling: a 1024 × 1024 × 1024 matmul through DJL (2 · 1024³ FLOPs), timed
 * after warm-up. Measured in the same run as the model benchmarks, with the same thread count, because a
 * shared machine's ceiling moves with what else runs.
 */
public final class MatmulPeak {

  private MatmulPeak() {}

  /** GFLOP/s of {@code repeats} timed matmuls: every sample, so the caller can report median and spread. */
  public static Samples measure(NDManager manager, int repeats) {
    int n = 1024;
    double flops = 2.0 * n * n * n;
    try (NDManager scope = manager.newSubManager()) {
      NDArray a = scope.randomNormal(new Shape(n, n));
      NDArray b = scope.randomNormal(new Shape(n, n));
      for (int i = 0; i < 3; i++) {
        a.matMul(b).close();
      }
      double[] gflops = new double[repeats];
      for (int i = 0; i < repeats; i++) {
        long start = System.nanoTime();
        NDArray c = a.matMul(b);
        c.getFloat(0, 0); // the op is synchronous on CPU; reading one value makes sure it ran
        gflops[i] = flops / (System.nanoTime() - start);
        c.close();
      }
      return new Samples(gflops);
    }
  }

  /** Repeated measurements of one rate. */
  public record Samples(double[] values) {
    public double median() {
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      int m = sorted.length / 2;
      return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    public double min() {
      return Arrays.stream(values).min().orElse(0);
    }

    public double max() {
      return Arrays.stream(values).max().orElse(0);
    }
  }
}
