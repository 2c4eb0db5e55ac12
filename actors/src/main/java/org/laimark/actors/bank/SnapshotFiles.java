package org.laimark.actors.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kryo snapshots of the bank, each in the journal's record format (so CRC-checked), written to a temporary
 * file, fsynced and renamed into place. A damaged snapshot is skipped with a warning naming it: snapshots
 * are a cache and the journal can always rebuild the state.
 */
public final class SnapshotFiles {

  private static final Logger log = LoggerFactory.getLogger(SnapshotFiles.class);
  private static final int KEEP = 2;

  private final Path dir;

  public SnapshotFiles(Path dir) {
    this.dir = dir;
  }

  public void write(BankSnapshot snapshot, JournalCodec codec) {
    byte[] payload = codec.encode(snapshot);
    ByteBuffer buffer =
        ByteBuffer.allocate(JournalFormat.FILE_HEADER_LENGTH + JournalFormat.RECORD_HEADER_LENGTH + payload.length);
    buffer.put(JournalFormat.fileHeader());
    JournalFormat.writeRecord(buffer, payload);
    Path target = dir.resolve(String.format("snapshot-%012d.kryo", snapshot.seq()));
    Path tmp = dir.resolve(target.getFileName() + ".tmp");
    try {
      Files.createDirectories(dir);
      Files.write(tmp, buffer.array());
      RunDirectory.fsyncFile(tmp);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      RunDirectory.fsyncDirectory(dir);
      List<Path> all = list();
      for (Path old : all.subList(Math.min(KEEP, all.size()), all.size())) {
        Files.deleteIfExists(old);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(target + ": cannot write the snapshot: " + e.getMessage(), e);
    }
  }

  /** The newest snapshot that reads back intact, if any. */
  public Optional<BankSnapshot> newest(JournalCodec codec) {
    for (Path file : list()) {
      try {
        List<byte[]> payloads = new ArrayList<>();
        JournalScanner.Result r = JournalScanner.scan(file, (offset, payload) -> payloads.add(payload));
        if (payloads.size() != 1 || r.tornTail().isPresent()) {
          throw new CorruptJournalException(file + ": expected one complete record");
        }
        return Optional.of(codec.decode(payloads.get(0), BankSnapshot.class, file.toString()));
      } catch (CorruptJournalException e) {
        log.warn("{}: skipping a damaged snapshot, the journal will be replayed instead: {}", file, e.getMessage());
      }
    }
    return Optional.empty();
  }

  /** Snapshot files, newest first. */
  public List<Path> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches("snapshot-\\d{12}\\.kryo"))
          .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot list snapshots: " + e.getMessage(), e);
    }
  }
}
