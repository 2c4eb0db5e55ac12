package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Rotary position embedding (Su et al. 2021) in Hugging Face's "rotate half" layout: frequency i of
 * a head is {@code theta^(-2i/D)}, angles are {@code position * frequency} (positions divided by
 * the factor under linear scaling), and the D/2 angles are repeated to cover both halves of the
 * head.
 */
final class Rope {

  private final float[] inverseFrequencies;

  Rope(Qwen3Config config) {
    int half = config.headDim() / 2;
    inverseFrequencies = new float[half];
    for (int i = 0; i < half; i++) {
      // float32 exponent as in transformers (arange(0, D, 2).float() / D), then theta^-exponent.
      float exponent = (float) (2 * i) / config.headDim();
      double frequency = 1.0 / Math.pow(config.ropeTheta(), exponent);
      inverseFrequencies[i] = (float) (frequency / config.ropeScalingFactor());
    }
  }

  /** Cosines and sines for positions (B, T) int64, shaped (B, 1, T, D) to broadcast over heads. */
  Angles angles(NDArray positions) {
    NDManager manager = positions.getManager();
    NDArray frequencies = manager.create(inverseFrequencies); // (D/2)
    NDArray theta =
        positions.toType(DataType.FLOAT32, false).expandDims(-1).mul(frequencies); // (B, T, D/2)
    NDArray both = theta.concat(theta, -1).expandDims(1); // (B, 1, T, D)
    return new Angles(both.cos(), both.sin());
  }

  /** The rotation for one forward pass. */
  record Angles(NDArray cos, NDArray sin) {

    /** x: (B, H, T, D) → (B, H, T, D). */
    NDArray rotate(NDArray x) {
      // The angles are constants (no gradient), so a plain cast to a half-precision x is fine.
      NDArray c = cos.getDataType() == x.getDataType() ? cos : cos.toType(x.getDataType(), false);
      NDArray s = sin.getDataType() == x.getDataType() ? sin : sin.toType(x.getDataType(), false);
      long half = x.getShape().get(3) / 2;
      NDArray first = x.get("..., :{}", half); // (B, H, T, D/2)
      NDArray second = x.get("..., {}:", half); // (B, H, T, D/2)
      NDArray rotatedHalf = second.neg().concat(first, -1); // (B, H, T, D)
      return x.mul(c).add(rotatedHalf.mul(s));
    }
  }
}
