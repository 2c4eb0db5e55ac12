package org.laimark.actors.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a journal file record by record without changing it. A bad record is a torn tail only when no
 * valid record can be found anywhere after it; otherwise it is corruption in the middle, reported with
 * {@link CorruptJournalException} naming both offsets. Used by recovery, {@code status} and {@code audit}.
 */
public final class JournalScanner {

  /** Receives each valid record's payload and the offset its header starts at. */
  @FunctionalInterface
  public interface Visitor {
    void record(long offset, byte[] payload);
  }

  /** Bytes after the last valid record that do not form one: a write interrupted by a kill. */
  public record TornTail(long offset, long length, String reason) {}

  /** Where the valid records end, and the torn tail after them if any. */
  public record Result(long validEnd, int records, Optional<TornTail> tornTail) {}

  private JournalScanner() {}

  public static Result scan(Path path, Visitor visitor) {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      checkFileHeader(path, ch, size);
      long pos = JournalFormat.FILE_HEADER_LENGTH;
      int records = 0;
      while (pos < size) {
        Read read = readRecord(ch, pos, size);
        if (read.payload == null) {
          long next = findValidRecordAfter(ch, pos + 1, size);
          if (next >= 0) {
            throw new CorruptJournalException(
                path + ": corrupt record at offset " + pos + " (" + read.problem + ") followed by valid"
                    + " records from offset " + next + "; nothing was truncated. The damage is not a"
                    + " torn write: restore the file from a backup or move it aside.");
          }
          return new Result(pos, records, Optional.of(new TornTail(pos, size - pos, read.problem)));
        }
        visitor.record(pos, read.payload);
        records++;
        pos += JournalFormat.RECORD_HEADER_LENGTH + read.payload.length;
      }
      return new Result(pos, records, Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot read the journal: " + e.getMessage(), e);
    }
  }

  private static void checkFileHeader(Path path, FileChannel ch, long size) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(JournalFormat.FILE_HEADER_LENGTH);
    ch.read(header, 0);
    byte[] magic = Arrays.copyOf(header.array(), JournalFormat.FILE_MAGIC.length);
    if (size < JournalFormat.FILE_HEADER_LENGTH || !Arrays.equals(magic, JournalFormat.FILE_MAGIC)) {
      throw new CorruptJournalException(
          path + ": not a laimark journal (expected the header \"LAIMARKJ\" at offset 0)");
    }
    int version = header.getInt(JournalFormat.FILE_MAGIC.length);
    if (version != JournalFormat.FORMAT_VERSION) {
      throw new CorruptJournalException(
          path + ": journal format version " + version + ", this build reads version "
              + JournalFormat.FORMAT_VERSION);
    }
  }

  private record Read(byte[] payload, String problem) {}

  private static Read readRecord(FileChannel ch, long pos, long size) throws IOException {
    if (size - pos < JournalFormat.RECORD_HEADER_LENGTH) {
      return new Read(null, "incomplete record header");
    }
    ByteBuffer header = ByteBuffer.allocate(JournalFormat.RECORD_HEADER_LENGTH);
    ch.read(header, pos);
    header.flip();
    if (header.getInt() != JournalFormat.RECORD_MAGIC) {
      return new Read(null, "bad record marker");
    }
    int length = header.getInt();
    int crc = header.getInt();
    if (length < 0 || length > JournalFormat.MAX_RECORD_LENGTH) {
      return new Read(null, "impossible record length " + length);
    }
    if (pos + JournalFormat.RECORD_HEADER_LENGTH + length > size) {
      return new Read(null, "record of " + length + " bytes runs past the end of the file");
    }
    ByteBuffer payload = ByteBuffer.allocate(length);
    long at = pos + JournalFormat.RECORD_HEADER_LENGTH;
    while (payload.hasRemaining()) {
      at += ch.read(payload, at);
    }
    if (JournalFormat.crc(length, payload.array()) != crc) {
      return new Read(null, "CRC32 mismatch");
    }
    return new Read(payload.array(), "");
  }

  /** The offset of the first fully valid record starting after {@code from}, or -1. */
  private static long findValidRecordAfter(FileChannel ch, long from, long size) throws IOException {
    ByteBuffer window = ByteBuffer.allocate(64 * 1024);
    for (long base = from; base + 4 <= size; base += window.capacity() - 3) {
      window.clear();
      ch.read(window, base);
      window.flip();
      for (int i = 0; i + 4 <= window.limit(); i++) {
        if (window.getInt(i) == JournalFormat.RECORD_MAGIC
            && readRecord(ch, base + i, size).payload != null) {
          return base + i;
        }
      }
    }
    return -1;
  }
}
