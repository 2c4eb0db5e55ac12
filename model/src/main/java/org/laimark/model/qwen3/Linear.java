package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;

/**
 * {@code y = x W^T + b}, as torch.nn.Linear, optionally with a LoRA branch (PEFT's LoraLayer).
 * Loads {@code <name>.weight} (out, in) and, when present, {@code <name>.bias} (out). x: (..., in)
 * → (..., out). Uses the engine's fused linear op so the product lands in the input's NDManager,
 * never the weights'.
 */
final class Linear {

  private NDArray weight;
  private final NDArray bias;
  private LoraBranch lora;

  Linear(NDArray weight, NDArray bias) {
    this.weight = weight;
    this.bias = bias;
  }

  static Linear load(WeightSource weights, String name, int out, int in, boolean withBias) {
    return new Linear(
        weights.get(name + ".weight", out, in), withBias ? weights.get(name + ".bias", out) : null);
  }

  NDArray forward(NDArray x, AdapterMode mode) {
    NDArray y = linear(x, weight, bias);
    if (lora == null || !mode.adapterEnabled()) {
      return y;
    }
    // As PEFT: the branch runs in the adapter's float32 on x cast to it; the sum is cast back to y's type.
    NDArray input = Precision.cast(x, lora.a().getDataType());
    input = mode.training() && lora.dropout() > 0 ? dropout(input, lora.dropout()) : input;
    NDArray update = linear(linear(input, lora.a(), null), lora.b(), null); // (..., out)
    return Precision.cast(y.add(update.mul(lora.scaling())), y.getDataType());
  }

  long inFeatures() {
    return weight.getShape().get(1);
  }

  long outFeatures() {
    return weight.getShape().get(0);
  }

  NDArray weight() {
    return weight;
  }

  LoraBranch lora() {
    return lora;
  }

  void attach(LoraBranch branch) {
    this.lora = branch;
  }

  /** Replaces the weight by a merged one and drops the branch; the caller closes the old weight. */
  void replaceWeight(NDArray merged) {
    this.weight = merged;
    this.lora = null;
  }

  private static NDArray linear(NDArray x, NDArray w, NDArray b) {
    return x.getNDArrayInternal().linear(x, w, b).singletonOrThrow();
  }

  private static NDArray dropout(NDArray x, float rate) {
    return x.getNDArrayInternal().dropout(x, rate, true).singletonOrThrow();
  }
}
