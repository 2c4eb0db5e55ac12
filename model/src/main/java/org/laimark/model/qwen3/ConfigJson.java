package org.laimark.model.qwen3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.laimark.model.CheckpointException;

/**
 * Reads a Hugging Face {@code config.json} into a {@link Qwen3Config}. Supports the older top-level
 * {@code rope_theta}/{@code rope_scaling} form and the newer {@code rope_parameters} form; refuses
 * what the decoder does not implement (other architectures, sliding windows, non-linear RoPE
 * scaling, MLP bias, activations other than SiLU) rather than computing something different.
 */
final class ConfigJson {

  static final List<String> SUPPORTED =
      List.of("Qwen3ForCausalLM", "Qwen2ForCausalLM", "LlamaForCausalLM");

  private final Path file;
  private final JsonNode root;

  private ConfigJson(Path file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  static Qwen3Config read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CheckpointException(file + ": no such file (a model directory needs config.json)");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new CheckpointException(
          file + ": not valid JSON (" + e.getMessage().split("\n")[0] + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new CheckpointException(file + ": not a JSON object");
    }
    return new ConfigJson(file, root).toConfig();
  }

  static String modelType(String architecture) {
    switch (architecture) {
      case "Qwen2ForCausalLM":
        return "qwen2";
      case "LlamaForCausalLM":
        return "llama";
      default:
        return "qwen3";
    }
  }

  private Qwen3Config toConfig() {
    String architecture = architecture();
    int hidden = integer("hidden_size", null);
    int heads = integer("num_attention_heads", null);
    if (!text("hidden_act", "silu").equals("silu")) {
      throw fail("hidden_act '" + text("hidden_act", "") + "' is not supported (only silu)");
    }
    if (bool("use_sliding_window", false)) {
      throw fail("use_sliding_window true is not supported (full attention only)");
    }
    if (bool("mlp_bias", false)) {
      throw fail("mlp_bias true is not supported");
    }
    boolean attentionBias = bool("attention_bias", false);
    boolean qwen2 = architecture.equals("Qwen2ForCausalLM");
    JsonNode headDimNode = root.get("head_dim");
    int headDim =
        headDimNode == null || headDimNode.isNull() ? hidden / heads : integer("head_dim", null);
    if ((headDimNode == null || headDimNode.isNull()) && hidden % heads != 0) {
      throw fail(
          "no head_dim, and hidden_size "
              + hidden
              + " is not a multiple of num_attention_heads "
              + heads);
    }
    try {
      return new Qwen3Config(
          architecture,
          integer("vocab_size", null),
          hidden,
          integer("intermediate_size", null),
          integer("num_hidden_layers", null),
          heads,
          integer("num_key_value_heads", heads),
          headDim,
          number("rms_norm_eps", 1e-6),
          ropeTheta(),
          ropeScalingFactor(),
          bool("tie_word_embeddings", false),
          qwen2 || attentionBias,
          !qwen2 && attentionBias,
          architecture.equals("Qwen3ForCausalLM"),
          integer("max_position_embeddings", 32768));
    } catch (IllegalArgumentException e) {
      throw fail(e.getMessage());
    }
  }

  private String architecture() {
    JsonNode list = root.get("architectures");
    if (list == null || !list.isArray() || list.size() != 1) {
      throw fail("architectures must list exactly one of " + SUPPORTED + ", got " + list);
    }
    String name = list.get(0).asText();
    if (!SUPPORTED.contains(name)) {
      throw fail(
          "architecture " + name + " is not supported; supported: " + String.join(", ", SUPPORTED));
    }
    return name;
  }

  /** rope_parameters.rope_theta (newer transformers), else top-level rope_theta, else 10000. */
  private double ropeTheta() {
    JsonNode parameters = root.get("rope_parameters");
    if (parameters != null && parameters.isObject() && parameters.has("rope_theta")) {
      return parameters.get("rope_theta").asDouble();
    }
    return number("rope_theta", 10000.0);
  }

  private double ropeScalingFactor() {
    JsonNode scaling = root.get("rope_parameters");
    String key = "rope_parameters";
    if (scaling == null || scaling.isNull()) {
      scaling = root.get("rope_scaling");
      key = "rope_scaling";
    }
    if (scaling == null || scaling.isNull()) {
      return 1.0;
    }
    JsonNode typeNode = scaling.has("rope_type") ? scaling.get("rope_type") : scaling.get("type");
    String type = typeNode == null || typeNode.isNull() ? "default" : typeNode.asText();
    switch (type) {
      case "default":
        return 1.0;
      case "linear":
        if (!scaling.has("factor")) {
          throw fail(key + ".factor is required for linear RoPE scaling");
        }
        return scaling.get("factor").asDouble();
      default:
        throw fail(key + ".rope_type '" + type + "' is not supported (supported: default, linear)");
    }
  }

  private int integer(String key, Integer fallback) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      if (fallback == null) {
        throw fail("missing " + key);
      }
      return fallback;
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw fail(key + " must be an integer, got " + node);
    }
    return node.asInt();
  }

  private double number(String key, double fallback) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isNumber()) {
      throw fail(key + " must be a number, got " + node);
    }
    return node.asDouble();
  }

  private boolean bool(String key, boolean fallback) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw fail(key + " must be true or false, got " + node);
    }
    return node.asBoolean();
  }

  private String text(String key, String fallback) {
    JsonNode node = root.get(key);
    return node == null || node.isNull() ? fallback : node.asText();
  }

  private CheckpointException fail(String message) {
    return new CheckpointException(file + ": " + message);
  }
}
