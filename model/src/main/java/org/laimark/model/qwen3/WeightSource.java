package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;

/**
 * Where a model's tensors come from while it is built: a checkpoint, or a seeded random
 * initialisation.
 */
interface WeightSource {

  /** The tensor named as in Hugging Face's state dict, with the given shape. */
  NDArray get(String name, long... shape);

  /**
   * Whether the source has the tensor (for optional ones such as an untied lm_head in a tied
   * checkpoint).
   */
  boolean has(String name);
}
