package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One pre-norm transformer layer: {@code x + attn(norm(x))}, then {@code x + mlp(norm(x))}. Loads
 * {@code model.layers.{i}.input_layernorm.weight}, {@code post_attention_layernorm.weight}, and the
 * attention and MLP weights under the same prefix. x: (B, T, C) → (B, T, C).
 */
final class DecoderBlock {

  private final RmsNorm inputLayernorm;
  private final Qwen3Attention selfAttn;
  private final RmsNorm postAttentionLayernorm;
  private final Qwen3Mlp mlp;

  private DecoderBlock(
      RmsNorm inputLayernorm,
      Qwen3Attention selfAttn,
      RmsNorm postAttentionLayernorm,
      Qwen3Mlp mlp) {
    this.inputLayernorm = inputLayernorm;
    this.selfAttn = selfAttn;
    this.postAttentionLayernorm = postAttentionLayernorm;
    this.mlp = mlp;
  }

  static DecoderBlock load(Qwen3Config c, int index, WeightSource w) {
    String prefix = "model.layers." + index + ".";
    return new DecoderBlock(
        RmsNorm.load(w, prefix + "input_layernorm.weight", c.hiddenSize(), c.rmsNormEps()),
        Qwen3Attention.load(c, prefix + "self_attn.", w),
        RmsNorm.load(w, prefix + "post_attention_layernorm.weight", c.hiddenSize(), c.rmsNormEps()),
        Qwen3Mlp.load(c, prefix + "mlp.", w));
  }

  NDArray forward(
      NDArray x, Rope.Angles rope, NDArray maskBias, KvCache.Layer cache, AdapterMode mode) {
    x = x.add(selfAttn.forward(inputLayernorm.forward(x), rope, maskBias, cache, mode));
    return x.add(mlp.forward(postAttentionLayernorm.forward(x), mode));
  }

  /**
   * Every linear projection by its module path below the layer ("self_attn.q_proj", ...), in model
   * order.
   */
  Map<String, Linear> projections() {
    Map<String, Linear> all = new LinkedHashMap<>();
    selfAttn.projections().forEach((name, linear) -> all.put("self_attn." + name, linear));
    mlp.projections().forEach((name, linear) -> all.put("mlp." + name, linear));
    return all;
  }
}
