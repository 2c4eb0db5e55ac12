package org.laimark.actors.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of length-prefixed, CRC32-checked records, made durable with {@code fsync}.
 *
 * <p>Opening scans the file with {@link JournalScanner}. A torn final record — the process was killed in
 * the middle of a write — is cut off with a logged warning naming the offset: it held in-flight work that
 * was never acknowledged. Damage anywhere else raises {@link CorruptJournalException} and nothing is cut.
 * One writer per file; not thread-safe (the bank actor owns it).
 */
public final class JournalFile implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JournalFile.class);

  private final Path path;
  private final FileChannel channel;
  private final boolean fsync;
  private long end;

  private JournalFile(Path path, FileChannel channel, long end, boolean fsync) {
    this.path = path;
    this.channel = channel;
    this.end = end;
    this.fsync = fsync;
  }

  /** Opens (creating if absent) for appending, cutting a torn final record if there is one. */
  public static JournalFile openForAppend(Path path, boolean fsync) {
    try {
      boolean fresh = !Files.exists(path) || Files.size(path) == 0;
      FileChannel channel =
          FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      if (fresh) {
        channel.write(ByteBuffer.wrap(JournalFormat.fileHeader()), 0);
        channel.force(true);
        return new JournalFile(path, channel, JournalFormat.FILE_HEADER_LENGTH, fsync);
      }
      JournalScanner.Result scan = JournalScanner.scan(path, (offset, payload) -> {});
      if (scan.tornTail().isPresent()) {
        JournalScanner.TornTail torn = scan.tornTail().get();
        log.warn(
            "{}: torn final record at offset {} ({} bytes: {}); truncating it - it was in flight when"
                + " the previous process died and was never acknowledged",
            path, torn.offset(), torn.length(), torn.reason());
        channel.truncate(torn.offset());
        channel.force(true);
      }
      return new JournalFile(path, channel, scan.validEnd(), fsync);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot open the journal: " + e.getMessage(), e);
    }
  }

  /** Appends the payloads as consecutive records and makes them durable together with one fsync. */
  public void append(List<byte[]> payloads) {
    int total = 0;
    for (byte[] p : payloads) {
      total += JournalFormat.RECORD_HEADER_LENGTH + p.length;
    }
    ByteBuffer buffer = ByteBuffer.allocate(total);
    for (byte[] p : payloads) {
      JournalFormat.writeRecord(buffer, p);
    }
    buffer.flip();
    try {
      while (buffer.hasRemaining()) {
        end += channel.write(buffer, end);
      }
      if (fsync) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot append to the journal: " + e.getMessage(), e);
    }
  }

  /** Byte length of the valid journal. */
  public long size() {
    return end;
  }

  public Path path() {
    return path;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot close the journal: " + e.getMessage(), e);
    }
  }
}
