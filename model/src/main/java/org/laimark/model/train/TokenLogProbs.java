package org.laimark.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Log-probability of each target token under the model's next-token distribution:
 * {@code logSoftmax(logits / temperature)[target]}. Dividing by the sampling temperature keeps the trained
 * log-probs comparable with the ones the sampler recorded (as TRL does).
 */
public final class TokenLogProbs {

  private TokenLogProbs() {}

  /**
   * @param logits (B, T, V), position t predicting token t + 1 of the sequence
   * @param targets (B, T) int64, the token that followed each position
   * @return (B, T) log-probs: float64 for float64 logits, float32 otherwise (half-precision logits are
   *     upcast first, as transformers' loss does)
   */
  public static NDArray of(NDArray logits, NDArray targets, double temperature) {
    NDArray wide = float32(logits);
    NDArray scaled = temperature == 1.0 ? wide : wide.div(temperature);
    return scaled.logSoftmax(-1).gather(targets.expandDims(-1), -1).squeeze(-1); // (B, T)
  }

  /**
   * Half-precision logits as float32, keeping the gradient: DJL's toType would cut the graph, PyTorch's
   * type promotion (adding a one-element float32 zero) does not.
   */
  private static NDArray float32(NDArray logits) {
    DataType type = logits.getDataType();
    if (type != DataType.FLOAT16 && type != DataType.BFLOAT16) {
      return logits;
    }
    return logits.add(logits.getManager().zeros(new Shape(1), DataType.FLOAT32));
  }
}
