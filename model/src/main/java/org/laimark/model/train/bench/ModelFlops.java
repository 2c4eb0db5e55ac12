package org.laimark.model.train.bench;

import org.laimark.model.qwen3.Qwen3Config;

/**
 * Floating-point operations of a Qwen3 forward pass, counting multiply-adds as 2 and ignoring elementwise
 * work (norms, RoPE, softmax): per token {@code 2 * (projection weights + output head)} plus, per layer, the
 * attention products {@code 2 * 2 * Hq * D * S} for S attended positions. A LoRA training step costs about
 * 2× the forward: the backward needs activation gradients through every layer (≈ 1× the forward for the
 * frozen projections, 2× for attention, whose both operands carry gradients) but no weight gradients of
 * the frozen base. We count exactly that, not the 3× of full fine-tuning, and the output head only for the
 * positions that are scored (completion tokens), so the FLOP rate is never inflated by avoidable work.
 */
public final class ModelFlops {

  private ModelFlops() {}

  /** Weights that multiply activations: every projection and the output head (not the embedding lookup). */
  public static long matmulWeights(Qwen3Config c) {
    return layerWeights(c) + headWeights(c);
  }

  /** The decoder layers' projection weights. */
  public static long layerWeights(Qwen3Config c) {
    long q = (long) c.numAttentionHeads() * c.headDim();
    long kv = (long) c.numKeyValueHeads() * c.headDim();
    long attention = c.hiddenSize() * (q + 2 * kv) + q * c.hiddenSize();
    long mlp = 3L * c.hiddenSize() * c.intermediateSize();
    return c.numHiddenLayers() * (attention + mlp);
  }

  /** The output head, V × C. */
  public static long headWeights(Qwen3Config c) {
    return (long) c.vocabSize() * c.hiddenSize();
  }

  /** Attention FLOPs of one query attending to {@code attended} positions, all layers. */
  public static double attentionPerQuery(Qwen3Config c, double attended) {
    return 4.0 * c.numHiddenLayers() * c.numAttentionHeads() * c.headDim() * attended;
  }

  /** Forward FLOPs of a batch of sequences of {@code length} tokens computed with a full (T × T) mask. */
  public static double forward(Qwen3Config c, long sequences, long length) {
    return sequences * length * (2.0 * matmulWeights(c) + attentionPerQuery(c, length));
  }

  /**
   * LoRA training FLOPs (forward + backward without frozen-weight gradients) of sequences of {@code length}
   * positions of which the last {@code scored} go through the output head.
   */
  public static double loraTraining(Qwen3Config c, long sequences, long length, long scored) {
    double projections = sequences * (length * 2.0 * layerWeights(c) + scored * 2.0 * headWeights(c));
    double attention = sequences * length * attentionPerQuery(c, length);
    return 2 * projections + 3 * attention;
  }
}
