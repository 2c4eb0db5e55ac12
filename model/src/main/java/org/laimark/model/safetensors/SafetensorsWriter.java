package org.laimark.model.safetensors;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes NDArrays as one safetensors file, atomically: the bytes go to a temporary file in the same
 * folder, are forced to disk, then renamed over the target, so a crash leaves either the old file
 * or the new one. The header is padded with spaces to a multiple of 8 bytes, as the reference
 * implementation does.
 */
public final class SafetensorsWriter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SafetensorsWriter() {}

  /** Writes {@code tensors} in map order, with optional string metadata (e.g. {"format": "pt"}). */
  public static void write(Path file, Map<String, NDArray> tensors, Map<String, String> metadata) {
    ObjectNode header = JSON.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = header.putObject("__metadata__");
      metadata.forEach(meta::put);
    }
    List<ByteBuffer> data = new ArrayList<>();
    long offset = 0;
    for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
      NDArray array = e.getValue();
      ByteBuffer bytes = array.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      ObjectNode entry = header.putObject(e.getKey());
      entry.put("dtype", TensorDType.of(array.getDataType()).name());
      ArrayNode shape = entry.putArray("shape");
      for (long d : array.getShape().getShape()) {
        shape.add(d);
      }
      entry.putArray("data_offsets").add(offset).add(offset + bytes.remaining());
      offset += bytes.remaining();
      data.add(bytes);
    }
    writeAtomically(file, headerBytes(header), data);
  }

  private static byte[] headerBytes(ObjectNode header) {
    try {
      String json = JSON.writeValueAsString(header);
      int padding = (8 - json.getBytes(StandardCharsets.UTF_8).length % 8) % 8;
      return (json + " ".repeat(padding)).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeAtomically(Path file, byte[] header, List<ByteBuffer> data) {
    Path absolute = file.toAbsolutePath();
    Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    try {
      Files.createDirectories(absolute.getParent());
      try (FileChannel out =
          FileChannel.open(
              temporary,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        length.putLong(header.length).flip();
        writeFully(out, length);
        writeFully(out, ByteBuffer.wrap(header));
        for (ByteBuffer bytes : data) {
          writeFully(out, bytes);
        }
        out.force(true);
      }
      Files.move(
          temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          file + ": cannot write safetensors file (" + e.getMessage() + ")", e);
    }
  }

  private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
  }
}
