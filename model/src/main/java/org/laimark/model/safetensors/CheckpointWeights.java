package org.laimark.model.safetensors;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.laimark.model.CheckpointException;

/**
 * The weights of a Hugging Face model folder: {@code model.safetensors}, or the shards listed by
 * {@code model.safetensors.index.json}. Looks tensors up by name and checks each one's shape
 * against what the config implies before loading it.
 */
public final class CheckpointWeights {

  public static final String SINGLE_FILE = "model.safetensors";
  public static final String INDEX_FILE = "model.safetensors.index.json";

  private final Path directory;
  private final Map<String, SafetensorsFile> fileByTensor;

  private CheckpointWeights(Path directory, Map<String, SafetensorsFile> fileByTensor) {
    this.directory = directory;
    this.fileByTensor = fileByTensor;
  }

  public static CheckpointWeights open(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new CheckpointException(directory + ": no such model directory");
    }
    Path single = directory.resolve(SINGLE_FILE);
    Path index = directory.resolve(INDEX_FILE);
    Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
    if (Files.isRegularFile(index)) {
      Map<String, SafetensorsFile> shards = new HashMap<>();
      shardNames(index)
          .forEach(
              (tensor, shard) -> {
                SafetensorsFile file =
                    shards.computeIfAbsent(shard, s -> SafetensorsFile.open(directory.resolve(s)));
                if (!file.contains(tensor)) {
                  throw new CheckpointException(
                      index
                          + ": lists "
                          + tensor
                          + " in "
                          + shard
                          + ", but that shard has no such tensor");
                }
                byTensor.put(tensor, file);
              });
    } else if (Files.isRegularFile(single)) {
      SafetensorsFile file = SafetensorsFile.open(single);
      file.entries().keySet().forEach(name -> byTensor.put(name, file));
    } else {
      throw new CheckpointException(
          directory + ": neither " + SINGLE_FILE + " nor " + INDEX_FILE + " found");
    }
    return new CheckpointWeights(directory, byTensor);
  }

  private static Map<String, String> shardNames(Path index) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(index.toFile());
    } catch (IOException e) {
      throw new CheckpointException(
          index + ": not valid JSON (" + e.getMessage().split("\n")[0] + ")", e);
    }
    JsonNode map = root == null ? null : root.get("weight_map");
    if (map == null || !map.isObject()) {
      throw new CheckpointException(index + ": missing the weight_map object");
    }
    Map<String, String> names = new LinkedHashMap<>();
    map.fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
    return names;
  }

  public Set<String> names() {
    return fileByTensor.keySet();
  }

  public boolean contains(String name) {
    return fileByTensor.containsKey(name);
  }

  /** Loads a tensor after checking that it exists and has the shape config.json implies. */
  public NDArray load(String name, long[] expectedShape, NDManager manager) {
    SafetensorsFile file = fileByTensor.get(name);
    if (file == null) {
      throw new CheckpointException(
          directory + ": tensor " + name + " is missing from the checkpoint");
    }
    TensorEntry entry = file.entry(name);
    if (!Arrays.equals(entry.shape(), expectedShape)) {
      throw new CheckpointException(
          file.path()
              + ": tensor "
              + name
              + " has shape "
              + entry.shapeText()
              + " but config.json implies "
              + Arrays.toString(expectedShape));
    }
    return file.load(name, manager);
  }
}
