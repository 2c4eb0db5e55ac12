package org.laimark.model.train;

import ai.djl.ndarray.NDArray;

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
   * @return (B, T) log-probs, the dtype of the logits
   */
  public static NDArray of(NDArray logits, NDArray targets, double temperature) {
    NDArray scaled = temperature == 1.0 ? logits : logits.div(temperature);
    return scaled.logSoftmax(-1).gather(targets.expandDims(-1), -1).squeeze(-1); // (B, T)
  }
}
