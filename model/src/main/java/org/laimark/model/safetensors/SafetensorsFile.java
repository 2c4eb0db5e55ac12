package org.laimark.model.safetensors;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.laimark.model.CheckpointException;

/**
 * One safetensors file, its header parsed and checked against the file size when opened. Tensors
 * are read through a memory mapping of their own byte range, so files above 2 GiB work and nothing
 * is copied onto the heap. A float32 tensor becomes an NDArray over the mapping itself (read-only:
 * never modify it in place).
 */
public final class SafetensorsFile {

  private static final long MAX_HEADER_BYTES = 100L << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;
  private final long dataStart;
  private final Map<String, TensorEntry> entries;
  private final Map<String, String> metadata;

  private SafetensorsFile(
      Path path, long dataStart, Map<String, TensorEntry> entries, Map<String, String> metadata) {
    this.path = path;
    this.dataStart = dataStart;
    this.entries = entries;
    this.metadata = metadata;
  }

  /** Reads and validates the header; the tensor data is not touched until a tensor is loaded. */
  public static SafetensorsFile open(Path path) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < 8) {
        throw new CheckpointException(
            path + ": " + size + " bytes is too short for a safetensors file");
      }
      ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(channel, lengthBytes, 0);
      long headerLength = lengthBytes.getLong(0);
      if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || 8 + headerLength > size) {
        throw new CheckpointException(
            path
                + ": header length "
                + headerLength
                + " does not fit a file of "
                + size
                + " bytes (not a safetensors file, or truncated)");
      }
      ByteBuffer header = ByteBuffer.allocate((int) headerLength);
      readFully(channel, header, 8);
      long dataSize = size - 8 - headerLength;
      return parse(path, header.array(), 8 + headerLength, dataSize);
    } catch (NoSuchFileException e) {
      throw new CheckpointException(path + ": no such file");
    } catch (IOException e) {
      throw new CheckpointException(path + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  private static SafetensorsFile parse(Path path, byte[] header, long dataStart, long dataSize) {
    JsonNode root;
    try {
      root = JSON.readTree(header);
    } catch (IOException e) {
      throw new CheckpointException(path + ": header is not valid JSON (" + firstLine(e) + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new CheckpointException(path + ": header is not a JSON object");
    }
    Map<String, TensorEntry> entries = new LinkedHashMap<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    var fields = root.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (field.getKey().equals("__metadata__")) {
        field
            .getValue()
            .fields()
            .forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
      } else {
        entries.put(
            field.getKey(), HeaderEntry.parse(path, field.getKey(), field.getValue(), dataSize));
      }
    }
    return new SafetensorsFile(
        path,
        dataStart,
        Collections.unmodifiableMap(entries),
        Collections.unmodifiableMap(metadata));
  }

  public Path path() {
    return path;
  }

  /** Header entries in file order. */
  public Map<String, TensorEntry> entries() {
    return entries;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  public boolean contains(String name) {
    return entries.containsKey(name);
  }

  public TensorEntry entry(String name) {
    TensorEntry entry = entries.get(name);
    if (entry == null) {
      throw new CheckpointException(path + ": no tensor named " + name);
    }
    return entry;
  }

  /** The tensor's raw little-endian bytes, memory-mapped. */
  public ByteBuffer bytes(TensorEntry entry) {
    if (entry.byteSize() > Integer.MAX_VALUE) {
      throw new CheckpointException(
          path
              + ": tensor "
              + entry.name()
              + " has "
              + entry.byteSize()
              + " bytes; tensors above 2 GiB cannot be loaded into one NDArray");
    }
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      return channel
          .map(FileChannel.MapMode.READ_ONLY, dataStart + entry.begin(), entry.byteSize())
          .order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw new CheckpointException(
          path + ": cannot map tensor " + entry.name() + " (" + e + ")", e);
    }
  }

  /**
   * Loads a tensor into {@code manager}: F32 without a copy, F16/BF16/F64 widened or narrowed to
   * float32, integer types as they are.
   */
  public NDArray load(String name, NDManager manager) {
    TensorEntry entry = entry(name);
    Shape shape = new Shape(entry.shape());
    ByteBuffer raw = bytes(entry);
    switch (entry.dtype()) {
      case F32:
        boolean aligned = (dataStart + entry.begin()) % 4 == 0;
        return manager.create(aligned ? raw : copyOf(raw), shape, DataType.FLOAT32);
      case BF16:
      case F16:
      case F64:
        return manager.create(Widening.toFloat32(raw, entry.dtype()), shape, DataType.FLOAT32);
      case I64:
        return manager.create(copyOf(raw), shape, DataType.INT64);
      case I32:
        return manager.create(copyOf(raw), shape, DataType.INT32);
      default:
        throw new CheckpointException(
            path
                + ": tensor "
                + name
                + " has dtype "
                + entry.dtype()
                + ", which the model cannot load");
    }
  }

  /** A tensor's values as floats (any float dtype), e.g. for comparisons in tests and tools. */
  public float[] readFloats(String name) {
    TensorEntry entry = entry(name);
    ByteBuffer raw = bytes(entry);
    if (entry.dtype() == TensorDType.F32) {
      float[] out = new float[(int) entry.elementCount()];
      raw.asFloatBuffer().get(out);
      return out;
    }
    float[] out = new float[(int) entry.elementCount()];
    Widening.toFloat32(raw, entry.dtype()).asFloatBuffer().get(out);
    return out;
  }

  /** An I64 tensor's values. */
  public long[] readLongs(String name) {
    TensorEntry entry = entry(name);
    if (entry.dtype() != TensorDType.I64) {
      throw new CheckpointException(
          path + ": tensor " + name + " is " + entry.dtype() + ", not I64");
    }
    long[] out = new long[(int) entry.elementCount()];
    bytes(entry).asLongBuffer().get(out);
    return out;
  }

  private static ByteBuffer copyOf(ByteBuffer raw) {
    ByteBuffer copy = ByteBuffer.allocateDirect(raw.remaining()).order(ByteOrder.nativeOrder());
    copy.put(raw.duplicate().order(ByteOrder.LITTLE_ENDIAN));
    return copy.flip();
  }

  private static void readFully(FileChannel channel, ByteBuffer into, long position)
      throws IOException {
    long at = position;
    while (into.hasRemaining()) {
      int n = channel.read(into, at);
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
      at += n;
    }
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
