package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SwiGLU feed-forward block (Shazeer 2020): {@code down(silu(gate(x)) * up(x))}. Loads {@code
 * model.layers.{i}.mlp.{gate,up,down}_proj.weight}. x: (B, T, C) → (B, T, C). SiLU is DJL's {@code
 * swish} with beta 1.
 */
final class Qwen3Mlp {

  private final Linear gateProj;
  private final Linear upProj;
  private final Linear downProj;

  private Qwen3Mlp(Linear gateProj, Linear upProj, Linear downProj) {
    this.gateProj = gateProj;
    this.upProj = upProj;
    this.downProj = downProj;
  }

  static Qwen3Mlp load(Qwen3Config c, String prefix, WeightSource w) {
    int hidden = c.hiddenSize();
    int inner = c.intermediateSize();
    return new Qwen3Mlp(
        Linear.load(w, prefix + "gate_proj", inner, hidden, false),
        Linear.load(w, prefix + "up_proj", inner, hidden, false),
        Linear.load(w, prefix + "down_proj", hidden, inner, false));
  }

  NDArray forward(NDArray x, AdapterMode mode) {
    NDArray gate = gateProj.forward(x, mode); // (B, T, I)
    NDArray activated = gate.getNDArrayInternal().swish(1f); // (B, T, I)
    return downProj.forward(activated.mul(upProj.forward(x, mode)), mode); // (B, T, C)
  }

  Map<String, Linear> projections() {
    Map<String, Linear> all = new LinkedHashMap<>();
    all.put("gate_proj", gateProj);
    all.put("up_proj", upProj);
    all.put("down_proj", downProj);
    return all;
  }
}
