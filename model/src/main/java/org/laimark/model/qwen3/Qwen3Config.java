package org.laimark.model.qwen3;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * The architecture part of a Hugging Face {@code config.json} for Qwen3 and the decoders it
 * generalizes (Qwen2, Llama). {@code headDim} is explicit, never derived from hidden/heads at use
 * sites. {@code qkNorm} is Qwen3's per-head RMSNorm of queries and keys; {@code qkvBias}/{@code
 * outputBias} are the attention projection biases (Qwen2 has q/k/v bias, Llama and Qwen3 follow
 * {@code attention_bias}). {@code ropeScalingFactor} is 1 for plain RoPE and the factor of "linear"
 * scaling.
 */
public record Qwen3Config(
    String architecture,
    int vocabSize,
    int hiddenSize,
    int intermediateSize,
    int numHiddenLayers,
    int numAttentionHeads,
    int numKeyValueHeads,
    int headDim,
    double rmsNormEps,
    double ropeTheta,
    double ropeScalingFactor,
    boolean tieWordEmbeddings,
    boolean qkvBias,
    boolean outputBias,
    boolean qkNorm,
    int maxPositionEmbeddings) {

  public Qwen3Config {
    positive("vocab_size", vocabSize);
    positive("hidden_size", hiddenSize);
    positive("intermediate_size", intermediateSize);
    positive("num_hidden_layers", numHiddenLayers);
    positive("num_attention_heads", numAttentionHeads);
    positive("num_key_value_heads", numKeyValueHeads);
    positive("head_dim", headDim);
    positive("max_position_embeddings", maxPositionEmbeddings);
    if (numAttentionHeads % numKeyValueHeads != 0) {
      throw new IllegalArgumentException(
          "num_attention_heads ("
              + numAttentionHeads
              + ") must be a multiple of num_key_value_heads ("
              + numKeyValueHeads
              + ")");
    }
    if (headDim % 2 != 0) {
      throw new IllegalArgumentException(
          "head_dim must be even for rotary embeddings, got " + headDim);
    }
    if (!(rmsNormEps > 0) || !(ropeTheta > 0) || !(ropeScalingFactor > 0)) {
      throw new IllegalArgumentException(
          "rms_norm_eps, rope_theta and the rope scaling factor must be positive, got "
              + rmsNormEps
              + ", "
              + ropeTheta
              + ", "
              + ropeScalingFactor);
    }
  }

  /**
   * A Qwen3 shape with Qwen3's defaults otherwise (eps 1e-6, theta 1e6, no biases); for tests and
   * benchmarks.
   */
  public static Qwen3Config qwen3(
      int vocab,
      int hidden,
      int intermediate,
      int layers,
      int heads,
      int kvHeads,
      int headDim,
      boolean tied) {
    return new Qwen3Config(
        "Qwen3ForCausalLM",
        vocab,
        hidden,
        intermediate,
        layers,
        heads,
        kvHeads,
        headDim,
        1e-6,
        1e6,
        1.0,
        tied,
        false,
        false,
        true,
        4096);
  }

  /**
   * Reads {@code config.json}; unsupported architectures and options are one-line errors naming the
   * key.
   */
  public static Qwen3Config read(Path configJson) {
    return ConfigJson.read(configJson);
  }

  /** Query heads per key/value head (grouped-query attention). */
  public int groups() {
    return numAttentionHeads / numKeyValueHeads;
  }

  /** Parameters of the model (embeddings counted once when tied). */
  public long parameterCount() {
    long c = hiddenSize;
    long q = (long) numAttentionHeads * headDim;
    long kv = (long) numKeyValueHeads * headDim;
    long attention =
        c * q
            + 2 * c * kv
            + q * c
            + (qkNorm ? 2L * headDim : 0)
            + (qkvBias ? q + 2 * kv : 0)
            + (outputBias ? c : 0);
    long mlp = 3 * c * intermediateSize;
    long layer = attention + mlp + 2 * c;
    long embeddings = (long) vocabSize * c * (tieWordEmbeddings ? 1 : 2);
    return numHiddenLayers * layer + embeddings + c;
  }

  /** The config.json Hugging Face would write for this architecture. */
  public String toJson() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.putArray("architectures").add(architecture);
    root.put("model_type", ConfigJson.modelType(architecture));
    root.put("vocab_size", vocabSize);
    root.put("hidden_size", hiddenSize);
    root.put("intermediate_size", intermediateSize);
    root.put("num_hidden_layers", numHiddenLayers);
    root.put("num_attention_heads", numAttentionHeads);
    root.put("num_key_value_heads", numKeyValueHeads);
    root.put("head_dim", headDim);
    root.put("hidden_act", "silu");
    root.put("rms_norm_eps", rmsNormEps);
    root.put("rope_theta", ropeTheta);
    if (ropeScalingFactor != 1.0) {
      root.putObject("rope_scaling").put("rope_type", "linear").put("factor", ropeScalingFactor);
    }
    root.put("tie_word_embeddings", tieWordEmbeddings);
    root.put("attention_bias", qkvBias);
    root.put("max_position_embeddings", maxPositionEmbeddings);
    root.put("torch_dtype", "float32");
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void positive(String key, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + " must be positive, got " + value);
    }
  }
}
