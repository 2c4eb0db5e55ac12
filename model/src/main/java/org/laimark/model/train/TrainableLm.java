package org.laimark.model.train;

import ai.djl.ndarray.NDArray;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the trainers need from a causal language model carrying a LoRA adapter: next-token logits, the
 * trainable (adapter) parameters, and switches for the adapter and for training-time dropout. The base
 * weights stay frozen; only the arrays of {@link #trainableParameters()} receive gradients.
 */
public interface TrainableLm {

  /**
   * @param inputIds (B, T) int64
   * @param attentionMask (B, T), 1 for real tokens and 0 for padding, or null when nothing is padded
   * @return (B, T, V) float logits, position t predicting token t + 1
   */
  NDArray logits(NDArray inputIds, NDArray attentionMask);

  /**
   * Logits of positions {@code fromPosition} onwards only, (B, T - fromPosition, V). Training scores only
   * completion tokens, so a model that can apply its output head to the later positions alone (the head is
   * the largest matmul of a small model) should override this; the default slices the full logits.
   */
  default NDArray logits(NDArray inputIds, NDArray attentionMask, int fromPosition) {
    NDArray all = logits(inputIds, attentionMask);
    return fromPosition == 0 ? all : all.get(":, {}:", fromPosition);
  }

  /** The adapter's parameters by stable name, in a stable order; the same arrays for the model's life. */
  Map<String, NDArray> trainableParameters();

  /** Disabled, the model is the frozen reference policy (for KL and DPO). */
  void setAdapterEnabled(boolean enabled);

  /** Training mode turns LoRA dropout on. */
  void setTraining(boolean training);

  /** Writes the adapter (PEFT format for the real model) into {@code directory}, exactly. */
  void saveAdapter(Path directory);

  /** Loads what {@link #saveAdapter} wrote; {@link #trainableParameters()} may return new arrays after. */
  void loadAdapter(Path directory);
}
