package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;

/**
 * Root-mean-square layer norm (Zhang and Sennrich 2019): {@code x / sqrt(mean(x^2) + eps) * weight}
 * over the last axis. Loads {@code *_layernorm.weight}, {@code model.norm.weight} and Qwen3's
 * {@code q_norm}/{@code k_norm}. x: (..., N) → (..., N). DJL has no rsqrt, hence {@code pow(-0.5)}.
 */
final class RmsNorm {

  private final NDArray weight;
  private final float eps;

  RmsNorm(NDArray weight, double eps) {
    this.weight = weight;
    this.eps = (float) eps;
  }

  static RmsNorm load(WeightSource weights, String name, int size, double eps) {
    return new RmsNorm(weights.get(name, size), eps);
  }

  /** Normalised in float32 and cast back to x's type before the weight, as transformers' Qwen3RMSNorm. */
  NDArray forward(NDArray x) {
    NDArray h = Precision.toFloat32(x);
    NDArray meanSquare = h.square().mean(new int[] {-1}, true); // (..., 1)
    return Precision.cast(h.mul(meanSquare.add(eps).pow(-0.5)), x.getDataType()).mul(weight);
  }
}
