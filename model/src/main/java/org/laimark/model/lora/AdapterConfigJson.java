package org.laimark.model.lora;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.laimark.model.CheckpointException;

/** The fields of PEFT's {@code adapter_config.json} we read, and the ones we refuse. */
final class AdapterConfigJson {

  private final Path file;
  private final JsonNode root;

  AdapterConfigJson(Path file, JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new CheckpointException(file + ": not a JSON object");
    }
    this.file = file;
    this.root = root;
  }

  void refuseUnsupported() {
    String type = root.path("peft_type").asText("LORA");
    if (!type.equals("LORA")) {
      throw fail("peft_type " + type + " is not supported (only LORA)");
    }
    refuseTrue("use_dora", "DoRA");
    refuseTrue("use_rslora", "rank-stabilised LoRA");
    refuseTrue("fan_in_fan_out", "fan_in_fan_out (Conv1D layers)");
    if (!root.path("bias").asText("none").equals("none")) {
      throw fail("bias '" + root.get("bias").asText() + "' is not supported (only none)");
    }
    JsonNode saved = root.get("modules_to_save");
    if (saved != null && !saved.isNull() && !(saved.isArray() && saved.isEmpty())) {
      throw fail("modules_to_save " + saved + " is not supported");
    }
    for (String pattern : List.of("rank_pattern", "alpha_pattern")) {
      JsonNode node = root.get(pattern);
      if (node != null && !node.isNull() && !node.isEmpty()) {
        throw fail(pattern + " " + node + " is not supported (one rank and alpha for all modules)");
      }
    }
  }

  int rank() {
    JsonNode node = root.get("r");
    if (node == null || !node.canConvertToInt()) {
      throw fail("missing integer r");
    }
    return node.asInt();
  }

  double alpha() {
    JsonNode node = root.get("lora_alpha");
    if (node == null || !node.isNumber()) {
      throw fail("missing number lora_alpha");
    }
    return node.asDouble();
  }

  double dropout() {
    JsonNode node = root.get("lora_dropout");
    return node == null || node.isNull() ? 0.0 : node.asDouble();
  }

  List<String> targetModules() {
    JsonNode node = root.get("target_modules");
    if (node == null || node.isNull()) {
      throw fail("missing target_modules");
    }
    if (node.isTextual()) {
      if (!node.asText().equals("all-linear")) {
        throw fail(
            "target_modules as a regular expression is not supported (list the module names)");
      }
      return List.of("all-linear");
    }
    List<String> names = new ArrayList<>();
    node.forEach(n -> names.add(n.asText()));
    return names;
  }

  private void refuseTrue(String key, String what) {
    if (root.path(key).asBoolean(false)) {
      throw fail(key + " true: " + what + " is not supported");
    }
  }

  private CheckpointException fail(String message) {
    return new CheckpointException(file + ": " + message);
  }
}
