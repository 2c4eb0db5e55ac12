package org.laimark.data.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends JSON records to a JSONL file so that killing the process at any moment leaves only whole
 * lines: each record goes to the operating system in one write of {@code json + "\n"} (no buffer in
 * the JVM), and with {@code sync} it is also forced to disk before {@link #append} returns. A
 * record is accepted exactly when its line is complete. On opening, a partial last line left by an
 * interrupted writer (one without its newline, so never accepted) is cut off; {@link
 * #droppedBytes()} says how much.
 *
 * <p>Thread-safe: appends are serialised. One appender per file; two processes appending to one
 * file are not coordinated.
 */
public final class JsonlAppender implements Closeable {
  private final Path file;
  private final FileChannel channel;
  private final boolean sync;
  private final long droppedBytes;

  private JsonlAppender(Path file, FileChannel channel, boolean sync, long droppedBytes) {
    this.file = file;
    this.channel = channel;
    this.sync = sync;
    this.droppedBytes = droppedBytes;
  }

  /**
   * Opens {@code file} for appending, creating it if needed.
   *
   * @param sync force every line to disk (survives power loss, not just a killed process)
   */
  public static JsonlAppender open(Path file, boolean sync) throws IOException {
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      long complete = completeLength(channel);
      long dropped = channel.size() - complete;
      if (dropped > 0) {
        channel.truncate(complete);
        channel.force(true);
      }
      channel.position(complete);
      return new JsonlAppender(file, channel, sync, dropped);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Appends one record as one line. */
  public synchronized void append(JsonNode record) throws IOException {
    String json;
    try {
      json = JsonlReader.JSON.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("record cannot be written as JSON: " + e.getMessage(), e);
    }
    ByteBuffer line = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
    while (line.hasRemaining()) {
      channel.write(line);
    }
    if (sync) {
      channel.force(false);
    }
  }

  /** Bytes of an unfinished last line that were cut off when the file was opened (0 if none). */
  public long droppedBytes() {
    return droppedBytes;
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }

  /** Length of the file up to and including its last newline. */
  private static long completeLength(FileChannel channel) throws IOException {
    long size = channel.size();
    ByteBuffer chunk = ByteBuffer.allocate(8192);
    long end = size;
    while (end > 0) {
      long start = Math.max(0, end - chunk.capacity());
      chunk.clear().limit((int) (end - start));
      while (chunk.hasRemaining() && channel.read(chunk, start + chunk.position()) >= 0) {
        // a regular file fills the buffer in one read; loop in case it does not
      }
      for (int i = (int) (end - start) - 1; i >= 0; i--) {
        if (chunk.get(i) == '\n') {
          return start + i + 1;
        }
      }
      end = start;
    }
    return 0;
  }
}
