package org.laimark.model.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.laimark.model.CheckpointException;

/**
 * The special tokens of a checkpoint: the added tokens of {@code tokenizer.json} (text → id), the
 * eos, pad, bos and unk tokens named in {@code tokenizer_config.json} (a string or an {"content":
 * ...} object), and the stop ids of {@code generation_config.json}.
 */
final class SpecialTokens {

  private final Path directory;
  private final Map<String, Integer> addedTokens;
  private final Map<String, String> named;
  private final int eosId;
  private final Set<Integer> stopIds;

  private SpecialTokens(
      Path directory,
      Map<String, Integer> added,
      Map<String, String> named,
      int eosId,
      Set<Integer> stopIds) {
    this.directory = directory;
    this.addedTokens = added;
    this.named = named;
    this.eosId = eosId;
    this.stopIds = stopIds;
  }

  static SpecialTokens read(
      Path directory, Path tokenizerJson, JsonNode config, JsonNode generationConfig) {
    Map<String, Integer> added = addedTokens(tokenizerJson);
    Map<String, String> named = new HashMap<>();
    for (String key : new String[] {"bos_token", "eos_token", "pad_token", "unk_token"}) {
      JsonNode node = config.get(key);
      String text =
          node == null || node.isNull()
              ? null
              : node.isObject() ? node.path("content").asText(null) : node.asText();
      if (text != null) {
        named.put(key, text);
      }
    }
    Path configFile = directory.resolve(Qwen3Tokenizer.CONFIG_FILE);
    String eos = named.get("eos_token");
    if (eos == null) {
      throw new CheckpointException(configFile + ": missing eos_token");
    }
    Integer eosId = added.get(eos);
    if (eosId == null) {
      throw new CheckpointException(
          configFile + ": eos_token " + eos + " is not an added token of " + tokenizerJson);
    }
    Set<Integer> stops = new LinkedHashSet<>();
    JsonNode generationEos = generationConfig.get("eos_token_id");
    if (generationEos != null && generationEos.isArray()) {
      generationEos.forEach(id -> stops.add(id.asInt()));
    } else if (generationEos != null && generationEos.canConvertToInt()) {
      stops.add(generationEos.asInt());
    }
    stops.add(eosId);
    return new SpecialTokens(
        directory, Map.copyOf(added), Map.copyOf(named), eosId, Collections.unmodifiableSet(stops));
  }

  private static Map<String, Integer> addedTokens(Path tokenizerJson) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(tokenizerJson.toFile());
    } catch (IOException e) {
      throw new CheckpointException(
          tokenizerJson + ": not valid JSON (" + e.getMessage().split("\n")[0] + ")", e);
    }
    Map<String, Integer> added = new HashMap<>();
    root.path("added_tokens")
        .forEach(t -> added.put(t.path("content").asText(), t.path("id").asInt()));
    return added;
  }

  Path directory() {
    return directory;
  }

  int eosId() {
    return eosId;
  }

  Set<Integer> stopIds() {
    return stopIds;
  }

  OptionalInt padId() {
    String pad = named.get("pad_token");
    return pad == null || !addedTokens.containsKey(pad)
        ? OptionalInt.empty()
        : OptionalInt.of(addedTokens.get(pad));
  }

  OptionalInt idOf(String token) {
    Integer id = addedTokens.get(token);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /**
   * bos_token, eos_token, ... as the chat template sees them (absent when the checkpoint has none).
   */
  Map<String, String> templateVariables() {
    return named;
  }
}
