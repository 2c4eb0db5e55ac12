package org.laimark.model.lora;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laimark.model.CheckpointException;
import org.laimark.model.safetensors.SafetensorsFile;
import org.laimark.model.safetensors.SafetensorsWriter;
import org.laimark.model.safetensors.TensorEntry;

/**
 * Reads and writes PEFT's LoRA folder format. Options PEFT has but we do not implement (DoRA,
 * rsLoRA, per-module rank or alpha patterns, trained biases, modules_to_save, fan_in_fan_out) are
 * refused with a one-line error instead of being loaded wrongly.
 */
public final class PeftFormat {

  public static final String CONFIG_FILE = "adapter_config.json";
  public static final String WEIGHTS_FILE = "adapter_model.safetensors";
  private static final Pattern KEY =
      Pattern.compile(
          "base_model\\.model\\.model\\.layers\\.(\\d+)\\.((?:self_attn|mlp)\\.\\w+)\\.lora_([AB])(?:\\.default)?\\.weight");
  private static final ObjectMapper JSON = new ObjectMapper();

  private PeftFormat() {}

  /**
   * PEFT's state-dict key of one LoRA matrix; {@code module} is e.g. "self_attn.q_proj", matrix "A"
   * or "B".
   */
  public static String key(int layer, String module, String matrix) {
    return "base_model.model.model.layers." + layer + "." + module + ".lora_" + matrix + ".weight";
  }

  /** A parsed key: decoder layer, module path below the layer, and "A" or "B". */
  public record Key(int layer, String module, String matrix) {}

  /** Parses a PEFT key, or throws naming the file when it is not a decoder-layer LoRA matrix. */
  public static Key parseKey(Path file, String key) {
    Matcher m = KEY.matcher(key);
    if (!m.matches()) {
      throw new CheckpointException(
          file
              + ": unexpected tensor "
              + key
              + " (only lora_A/lora_B of decoder-layer projections are supported)");
    }
    return new Key(Integer.parseInt(m.group(1)), m.group(2), m.group(3));
  }

  public static PeftAdapter read(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new CheckpointException(directory + ": no such adapter directory");
    }
    LoraConfig config = readConfig(directory.resolve(CONFIG_FILE));
    Path weights = directory.resolve(WEIGHTS_FILE);
    if (!Files.isRegularFile(weights)) {
      throw new CheckpointException(
          weights
              + ": no such file"
              + (Files.exists(directory.resolve("adapter_model.bin"))
                  ? " (only safetensors adapters are supported, not adapter_model.bin)"
                  : ""));
    }
    SafetensorsFile file = SafetensorsFile.open(weights);
    Map<String, LoraTensor> tensors = new LinkedHashMap<>();
    for (TensorEntry entry : file.entries().values()) {
      parseKey(weights, entry.name());
      if (entry.shape().length != 2) {
        throw new CheckpointException(
            weights + ": tensor " + entry.name() + " must be 2-D, got " + entry.shapeText());
      }
      tensors.put(entry.name(), new LoraTensor(entry.shape(), file.readFloats(entry.name())));
    }
    return new PeftAdapter(config, tensors);
  }

  static LoraConfig readConfig(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CheckpointException(file + ": no such file");
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new CheckpointException(
          file + ": not valid JSON (" + e.getMessage().split("\n")[0] + ")", e);
    }
    AdapterConfigJson json = new AdapterConfigJson(file, root);
    json.refuseUnsupported();
    try {
      return new LoraConfig(json.rank(), json.alpha(), json.dropout(), json.targetModules());
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(file + ": " + e.getMessage());
    }
  }

  /**
   * Writes {@code adapter_model.safetensors} then {@code adapter_config.json}, each atomically,
   * with the keys PEFT's {@code save_pretrained} writes.
   */
  public static void write(
      Path directory, LoraConfig config, Map<String, NDArray> tensors, String baseModelNameOrPath) {
    try {
      Files.createDirectories(directory);
      SafetensorsWriter.write(directory.resolve(WEIGHTS_FILE), tensors, Map.of("format", "pt"));
      Path target = directory.resolve(CONFIG_FILE);
      Path temporary = directory.resolve(CONFIG_FILE + ".tmp");
      Files.writeString(temporary, configJson(config, baseModelNameOrPath), StandardCharsets.UTF_8);
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          directory + ": cannot write adapter (" + e.getMessage() + ")", e);
    }
  }

  private static String configJson(LoraConfig config, String baseModel) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("peft_type", "LORA");
    root.put("task_type", "CAUSAL_LM");
    root.put("base_model_name_or_path", baseModel);
    root.put("r", config.rank());
    root.put("lora_alpha", config.alpha());
    root.put("lora_dropout", config.dropout());
    List<String> targets = new ArrayList<>(config.targetModules());
    if (targets.equals(List.of("all-linear"))) {
      root.put("target_modules", "all-linear");
    } else {
      targets.forEach(root.withArray("target_modules")::add);
    }
    root.put("bias", "none");
    root.put("fan_in_fan_out", false);
    root.put("init_lora_weights", true);
    root.put("inference_mode", true);
    root.put("use_rslora", false);
    root.put("use_dora", false);
    root.putNull("modules_to_save");
    root.putNull("layers_to_transform");
    root.putNull("layers_pattern");
    root.putObject("rank_pattern");
    root.putObject("alpha_pattern");
    root.putNull("revision");
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }
}
