package org.laimark.model.qwen3;

import ai.djl.ndarray.NDManager;

/**
 * Tests outside this package that need a random model whose weights spread wider than transformers'
 * 0.02: with tiny hidden sizes a 0.02 embedding caps every logit near ±1, so no adapter could make the
 * model confident and a training test could not show learning.
 */
public final class SpreadRandomModel {

  private SpreadRandomModel() {}

  public static Qwen3Model of(Qwen3Config config, long seed, double std, NDManager manager) {
    return Qwen3Model.random(config, seed, std, manager);
  }
}
