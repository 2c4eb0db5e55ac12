package org.laimark.model.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.model.CheckpointException;

/** Reading, widening, writing, and the one-line errors for broken files. */
class SafetensorsFileTest {

  @TempDir Path directory;

  @Test
  void writesAndReadsBackTensorsAndMetadata() {
    Path file = directory.resolve("x.safetensors");
    try (NDManager manager = NDManager.newBaseManager()) {
      Map<String, NDArray> tensors = new LinkedHashMap<>();
      tensors.put("a", manager.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3)));
      tensors.put("ids", manager.create(new long[] {7, 8}));

      SafetensorsWriter.write(file, tensors, Map.of("format", "pt"));

      SafetensorsFile read = SafetensorsFile.open(file);
      assertEquals(Map.of("format", "pt"), read.metadata());
      assertArrayEquals(new long[] {2, 3}, read.entry("a").shape());
      assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, read.load("a", manager).toFloatArray());
      assertArrayEquals(new long[] {7, 8}, read.readLongs("ids"));
    }
  }

  @Test
  void padsTheHeaderToAMultipleOfEight() throws Exception {
    Path file = directory.resolve("x.safetensors");
    try (NDManager manager = NDManager.newBaseManager()) {
      SafetensorsWriter.write(file, Map.of("t", manager.create(new float[] {1})), Map.of());
    }

    long headerLength =
        ByteBuffer.wrap(Files.readAllBytes(file), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();

    assertEquals(0, headerLength % 8);
  }

  @Test
  void widensBf16AndF16ToFloat32() throws Exception {
    // 1.5 and -2.0: BF16 0x3FC0, 0xC000; F16 0x3E00, 0xC000.
    Path file =
        write(
            "{\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[4,8]}}",
            new byte[] {(byte) 0xC0, 0x3F, 0x00, (byte) 0xC0, 0x00, 0x3E, 0x00, (byte) 0xC0});

    SafetensorsFile read = SafetensorsFile.open(file);

    try (NDManager manager = NDManager.newBaseManager()) {
      assertArrayEquals(new float[] {1.5f, -2f}, read.load("b", manager).toFloatArray());
      assertArrayEquals(new float[] {1.5f, -2f}, read.load("h", manager).toFloatArray());
    }
  }

  @Test
  void halfPrecisionConversionCoversSubnormalsAndSpecials() {
    assertEquals(5.9604645e-8f, Widening.halfToFloat((short) 0x0001));
    assertEquals(65504f, Widening.halfToFloat((short) 0x7BFF));
    assertEquals(Float.NEGATIVE_INFINITY, Widening.halfToFloat((short) 0xFC00));
    assertTrue(Float.isNaN(Widening.halfToFloat((short) 0x7E00)));
  }

  @Test
  void readsATensorStoredBeyondTwoGibibytes() throws Exception {
    long offset = 3_000_000_000L;
    byte[] header =
        ("{\"far\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":["
                + offset
                + ","
                + (offset + 8)
                + "]}}")
            .getBytes(StandardCharsets.UTF_8);
    Path file = directory.resolve("sparse.safetensors");
    try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
      ByteBuffer length =
          ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
      out.write(length.array());
      out.write(header);
      out.seek(8 + header.length + offset);
      ByteBuffer values =
          ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.25f).putFloat(-4f);
      out.write(values.array()); // the gap stays a hole: no 3 GB are written
    }

    assertArrayEquals(new float[] {0.25f, -4f}, SafetensorsFile.open(file).readFloats("far"));
  }

  @Test
  void refusesAHeaderLengthBeyondTheFile() throws Exception {
    Path file = directory.resolve("bad.safetensors");
    Files.write(file, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array());

    CheckpointException error =
        assertThrows(CheckpointException.class, () -> SafetensorsFile.open(file));

    assertEquals(
        file
            + ": header length 1000 does not fit a file of 16 bytes (not a safetensors file, or"
            + " truncated)",
        error.getMessage());
  }

  @Test
  void refusesTruncatedData() throws Exception {
    Path file =
        write("{\"t\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[12]);

    CheckpointException error =
        assertThrows(CheckpointException.class, () -> SafetensorsFile.open(file));

    assertTrue(
        error
            .getMessage()
            .contains("tensor t: data_offsets end 16 lies beyond the 12-byte data section"),
        error.getMessage());
  }

  @Test
  void refusesAHeaderThatIsNotJson() throws Exception {
    Path file = write("{not json at all}", new byte[0]);

    CheckpointException error =
        assertThrows(CheckpointException.class, () -> SafetensorsFile.open(file));

    assertTrue(
        error.getMessage().startsWith(file + ": header is not valid JSON"), error.getMessage());
  }

  @Test
  void refusesOffsetsThatDisagreeWithTheShape() throws Exception {
    Path file =
        write("{\"t\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]);

    CheckpointException error =
        assertThrows(CheckpointException.class, () -> SafetensorsFile.open(file));

    assertTrue(
        error.getMessage().contains("F32 [3] needs 12 bytes but data_offsets span 8"),
        error.getMessage());
  }

  @Test
  void refusesAFileTooShortForAHeader() throws Exception {
    Path file = directory.resolve("tiny.safetensors");
    Files.write(file, new byte[3]);

    CheckpointException error =
        assertThrows(CheckpointException.class, () -> SafetensorsFile.open(file));

    assertEquals(file + ": 3 bytes is too short for a safetensors file", error.getMessage());
  }

  @Test
  void namesAMissingFile() {
    Path file = directory.resolve("absent.safetensors");

    CheckpointException error =
        assertThrows(CheckpointException.class, () -> SafetensorsFile.open(file));

    assertEquals(file + ": no such file", error.getMessage());
  }

  private Path write(String header, byte[] data) throws Exception {
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer bytes =
        ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.putLong(json.length).put(json).put(data);
    Path file = directory.resolve("t" + System.nanoTime() + ".safetensors");
    Files.write(file, bytes.array());
    return file;
  }
}
