package org.laimark.model.qwen3;

import java.util.function.Function;

/**
 * An independent reference forward pass in plain Java float arithmetic (double accumulators),
 * written from the transformers Qwen3/Qwen2/Llama modelling code without sharing anything with the
 * DJL implementation but the config record. Weights are looked up by Hugging Face name. No padding,
 * positions 0..T-1.
 */
final class NaiveQwen3 {

  private final Qwen3Config c;
  private final Function<String, float[]> w;

  NaiveQwen3(Qwen3Config config, Function<String, float[]> weights) {
    this.c = config;
    this.w = weights;
  }

  /** Logits (T, V) for one sequence. */
  float[][] logits(int[] ids) {
    int t = ids.length;
    int hidden = c.hiddenSize();
    float[] embed = w.apply("model.embed_tokens.weight");
    float[][] x = new float[t][hidden];
    for (int i = 0; i < t; i++) {
      System.arraycopy(embed, ids[i] * hidden, x[i], 0, hidden);
    }
    for (int layer = 0; layer < c.numHiddenLayers(); layer++) {
      String p = "model.layers." + layer + ".";
      float[][] attention =
          attention(rmsNorm(x, w.apply(p + "input_layernorm.weight")), p + "self_attn.");
      x = add(x, attention);
      float[][] mlp = mlp(rmsNorm(x, w.apply(p + "post_attention_layernorm.weight")), p + "mlp.");
      x = add(x, mlp);
    }
    x = rmsNorm(x, w.apply("model.norm.weight"));
    float[] head = c.tieWordEmbeddings() ? embed : w.apply("lm_head.weight");
    return linear(x, head, null, c.vocabSize());
  }

  private float[][] attention(float[][] x, String p) {
    int t = x.length;
    int hq = c.numAttentionHeads();
    int hkv = c.numKeyValueHeads();
    int d = c.headDim();
    float[][] q =
        linear(
            x,
            w.apply(p + "q_proj.weight"),
            c.qkvBias() ? w.apply(p + "q_proj.bias") : null,
            hq * d);
    float[][] k =
        linear(
            x,
            w.apply(p + "k_proj.weight"),
            c.qkvBias() ? w.apply(p + "k_proj.bias") : null,
            hkv * d);
    float[][] v =
        linear(
            x,
            w.apply(p + "v_proj.weight"),
            c.qkvBias() ? w.apply(p + "v_proj.bias") : null,
            hkv * d);
    for (int i = 0; i < t; i++) {
      for (int h = 0; h < hq; h++) {
        if (c.qkNorm()) {
          normaliseHead(q[i], h * d, d, w.apply(p + "q_norm.weight"));
        }
        rotate(q[i], h * d, d, i);
      }
      for (int h = 0; h < hkv; h++) {
        if (c.qkNorm()) {
          normaliseHead(k[i], h * d, d, w.apply(p + "k_norm.weight"));
        }
        rotate(k[i], h * d, d, i);
      }
    }
    float[][] out = new float[t][hq * d];
    double scale = 1 / Math.sqrt(d);
    for (int h = 0; h < hq; h++) {
      int kvHead = h / (hq / hkv);
      for (int i = 0; i < t; i++) {
        double[] scores = new double[i + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j <= i; j++) {
          double dot = 0;
          for (int e = 0; e < d; e++) {
            dot += (double) q[i][h * d + e] * k[j][kvHead * d + e];
          }
          scores[j] = dot * scale;
          max = Math.max(max, scores[j]);
        }
        double sum = 0;
        for (int j = 0; j <= i; j++) {
          scores[j] = Math.exp(scores[j] - max);
          sum += scores[j];
        }
        for (int e = 0; e < d; e++) {
          double acc = 0;
          for (int j = 0; j <= i; j++) {
            acc += scores[j] / sum * v[j][kvHead * d + e];
          }
          out[i][h * d + e] = (float) acc;
        }
      }
    }
    return linear(
        out,
        w.apply(p + "o_proj.weight"),
        c.outputBias() ? w.apply(p + "o_proj.bias") : null,
        c.hiddenSize());
  }

  /** transformers' rotate_half RoPE on one head, in place. */
  private void rotate(float[] vector, int offset, int d, int position) {
    int half = d / 2;
    float[] rotated = new float[d];
    for (int i = 0; i < half; i++) {
      double frequency = Math.pow(c.ropeTheta(), -(2.0 * i) / d) / c.ropeScalingFactor();
      double angle = position * frequency;
      double cos = Math.cos(angle);
      double sin = Math.sin(angle);
      double a = vector[offset + i];
      double b = vector[offset + i + half];
      rotated[i] = (float) (a * cos - b * sin);
      rotated[i + half] = (float) (b * cos + a * sin);
    }
    System.arraycopy(rotated, 0, vector, offset, d);
  }

  private float[][] mlp(float[][] x, String p) {
    int inner = c.intermediateSize();
    float[][] gate = linear(x, w.apply(p + "gate_proj.weight"), null, inner);
    float[][] up = linear(x, w.apply(p + "up_proj.weight"), null, inner);
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < inner; j++) {
        double g = gate[i][j];
        gate[i][j] = (float) (g / (1 + Math.exp(-g)) * up[i][j]);
      }
    }
    return linear(gate, w.apply(p + "down_proj.weight"), null, c.hiddenSize());
  }

  private float[][] rmsNorm(float[][] x, float[] weight) {
    float[][] out = new float[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i].clone();
      normaliseHead(out[i], 0, out[i].length, weight);
    }
    return out;
  }

  private void normaliseHead(float[] vector, int offset, int size, float[] weight) {
    double sumSquares = 0;
    for (int i = 0; i < size; i++) {
      sumSquares += (double) vector[offset + i] * vector[offset + i];
    }
    double inverse = 1 / Math.sqrt(sumSquares / size + c.rmsNormEps());
    for (int i = 0; i < size; i++) {
      vector[offset + i] = (float) (vector[offset + i] * inverse * weight[i]);
    }
  }

  /** x (T, in) times W^T for W (out, in), plus bias. */
  private static float[][] linear(float[][] x, float[] weight, float[] bias, int out) {
    int in = x[0].length;
    float[][] y = new float[x.length][out];
    for (int i = 0; i < x.length; i++) {
      for (int o = 0; o < out; o++) {
        double acc = bias == null ? 0 : bias[o];
        for (int e = 0; e < in; e++) {
          acc += (double) x[i][e] * weight[o * in + e];
        }
        y[i][o] = (float) acc;
      }
    }
    return y;
  }

  private static float[][] add(float[][] a, float[][] b) {
    float[][] out = new float[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        out[i][j] = a[i][j] + b[i][j];
      }
    }
    return out;
  }
}
