package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.laimark.model.safetensors.CheckpointWeights;

/** Weights from a checkpoint folder, checked by name and shape as they load. */
final class CheckpointSource implements WeightSource {

  private final CheckpointWeights weights;
  private final NDManager manager;

  CheckpointSource(CheckpointWeights weights, NDManager manager) {
    this.weights = weights;
    this.manager = manager;
  }

  @Override
  public NDArray get(String name, long... shape) {
    return weights.load(name, shape, manager);
  }

  @Override
  public boolean has(String name) {
    return weights.contains(name);
  }
}
