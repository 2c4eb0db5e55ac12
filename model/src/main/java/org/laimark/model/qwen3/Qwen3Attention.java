package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Causal grouped-query self-attention with RoPE and Qwen3's per-head q/k RMSNorm: {@code softmax(q
 * k^T / sqrt(D) + mask) v}, each key/value head shared by Hq/Hkv query heads. Loads {@code
 * model.layers.{i}.self_attn.{q,k,v,o}_proj.weight} (biases when the config has them) and {@code
 * q_norm}/{@code k_norm} (Qwen3). x: (B, T, C) → (B, T, C).
 */
final class Qwen3Attention {

  private final Linear qProj;
  private final Linear kProj;
  private final Linear vProj;
  private final Linear oProj;
  private final RmsNorm qNorm;
  private final RmsNorm kNorm;
  private final int heads;
  private final int kvHeads;
  private final int headDim;

  private Qwen3Attention(
      Linear qProj,
      Linear kProj,
      Linear vProj,
      Linear oProj,
      RmsNorm qNorm,
      RmsNorm kNorm,
      Qwen3Config c) {
    this.qProj = qProj;
    this.kProj = kProj;
    this.vProj = vProj;
    this.oProj = oProj;
    this.qNorm = qNorm;
    this.kNorm = kNorm;
    this.heads = c.numAttentionHeads();
    this.kvHeads = c.numKeyValueHeads();
    this.headDim = c.headDim();
  }

  static Qwen3Attention load(Qwen3Config c, String prefix, WeightSource w) {
    int q = c.numAttentionHeads() * c.headDim();
    int kv = c.numKeyValueHeads() * c.headDim();
    int hidden = c.hiddenSize();
    return new Qwen3Attention(
        Linear.load(w, prefix + "q_proj", q, hidden, c.qkvBias()),
        Linear.load(w, prefix + "k_proj", kv, hidden, c.qkvBias()),
        Linear.load(w, prefix + "v_proj", kv, hidden, c.qkvBias()),
        Linear.load(w, prefix + "o_proj", hidden, q, c.outputBias()),
        c.qkNorm() ? RmsNorm.load(w, prefix + "q_norm.weight", c.headDim(), c.rmsNormEps()) : null,
        c.qkNorm() ? RmsNorm.load(w, prefix + "k_norm.weight", c.headDim(), c.rmsNormEps()) : null,
        c);
  }

  /**
   * @param maskBias (B or 1, 1, T, S): 0 where query t may attend to key s, -MAX elsewhere
   * @param cache this layer's cache, or null to attend only within x
   */
  NDArray forward(
      NDArray x, Rope.Angles rope, NDArray maskBias, KvCache.Layer cache, AdapterMode mode) {
    long b = x.getShape().get(0);
    long t = x.getShape().get(1);
    // Project, split heads, and normalise q and k per head (Qwen3) before the rotation.
    NDArray q = qProj.forward(x, mode).reshape(b, t, heads, headDim); // (B, T, Hq, D)
    NDArray k = kProj.forward(x, mode).reshape(b, t, kvHeads, headDim); // (B, T, Hkv, D)
    NDArray v = vProj.forward(x, mode).reshape(b, t, kvHeads, headDim); // (B, T, Hkv, D)
    if (qNorm != null) {
      q = qNorm.forward(q);
      k = kNorm.forward(k);
    }
    q = rope.rotate(q.transpose(0, 2, 1, 3)); // (B, Hq, T, D)
    k = rope.rotate(k.transpose(0, 2, 1, 3)); // (B, Hkv, T, D)
    v = v.transpose(0, 2, 1, 3); // (B, Hkv, T, D)
    // Append to the cache: attend over everything so far.
    if (cache != null) {
      NDArray[] past = cache.append(k, v);
      k = past[0]; // (B, Hkv, S, D)
      v = past[1]; // (B, Hkv, S, D)
    }
    // Share each key/value head among its group of query heads (repeat = repeat_interleave).
    if (heads != kvHeads) {
      k = k.repeat(1, heads / kvHeads); // (B, Hq, S, D)
      v = v.repeat(1, heads / kvHeads); // (B, Hq, S, D)
    }
    // Attend: scaled scores, causal/padding mask and softmax in float32, weighted values.
    NDArray scores =
        q.matMul(k.transpose(0, 1, 3, 2)).mul(1.0 / Math.sqrt(headDim)); // (B, Hq, T, S)
    scores = Precision.toFloat32(scores).add(maskBias);
    NDArray weights = Precision.cast(scores.softmax(-1), v.getDataType()); // (B, Hq, T, S)
    NDArray attended = weights.matMul(v); // (B, Hq, T, D)
    // Merge heads and project back.
    NDArray merged =
        attended.transpose(0, 2, 1, 3).reshape(b, t, (long) heads * headDim); // (B, T, Hq*D)
    return oProj.forward(merged, mode);
  }

  /** The projections by PEFT module name, in model order. */
  Map<String, Linear> projections() {
    Map<String, Linear> all = new LinkedHashMap<>();
    all.put("q_proj", qProj);
    all.put("k_proj", kProj);
    all.put("v_proj", vProj);
    all.put("o_proj", oProj);
    return all;
  }
}
