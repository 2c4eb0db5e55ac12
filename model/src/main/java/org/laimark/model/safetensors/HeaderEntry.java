package org.laimark.model.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.laimark.model.CheckpointException;

/** Parses and checks one tensor entry of a safetensors header. */
final class HeaderEntry {

  private HeaderEntry() {}

  static TensorEntry parse(Path path, String name, JsonNode node, long dataSize) {
    String where = path + ": tensor " + name;
    if (!node.isObject()) {
      throw new CheckpointException(where + ": header entry is not a JSON object");
    }
    TensorDType dtype = dtype(where, node.get("dtype"));
    long[] shape = shape(where, node.get("shape"));
    JsonNode offsets = node.get("data_offsets");
    if (offsets == null
        || !offsets.isArray()
        || offsets.size() != 2
        || !offsets.get(0).canConvertToLong()
        || !offsets.get(1).canConvertToLong()) {
      throw new CheckpointException(where + ": data_offsets must be [begin, end]");
    }
    long begin = offsets.get(0).asLong();
    long end = offsets.get(1).asLong();
    if (begin < 0 || end < begin) {
      throw new CheckpointException(
          where + ": data_offsets [" + begin + ", " + end + "] are invalid");
    }
    if (end > dataSize) {
      throw new CheckpointException(
          where
              + ": data_offsets end "
              + end
              + " lies beyond the "
              + dataSize
              + "-byte data section (file truncated?)");
    }
    TensorEntry entry = new TensorEntry(name, dtype, shape, begin, end);
    long expected = entry.elementCount() * dtype.bytes();
    if (entry.byteSize() != expected) {
      throw new CheckpointException(
          where
              + ": "
              + dtype
              + " "
              + entry.shapeText()
              + " needs "
              + expected
              + " bytes but data_offsets span "
              + entry.byteSize());
    }
    return entry;
  }

  private static TensorDType dtype(String where, JsonNode node) {
    if (node == null || !node.isTextual()) {
      throw new CheckpointException(where + ": missing dtype");
    }
    try {
      return TensorDType.valueOf(node.asText());
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(where + ": unknown dtype '" + node.asText() + "'");
    }
  }

  private static long[] shape(String where, JsonNode node) {
    if (node == null || !node.isArray()) {
      throw new CheckpointException(where + ": missing shape");
    }
    long[] shape = new long[node.size()];
    for (int i = 0; i < shape.length; i++) {
      JsonNode d = node.get(i);
      if (!d.canConvertToLong() || d.asLong() < 0) {
        throw new CheckpointException(where + ": shape " + node + " has an invalid dimension");
      }
      shape[i] = d.asLong();
    }
    return shape;
  }
}
