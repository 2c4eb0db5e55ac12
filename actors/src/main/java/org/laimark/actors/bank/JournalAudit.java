package org.laimark.actors.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks a run's files against the journal's invariants without changing them: every record readable and
 * in sequence; every problem's life legal (nothing trained that was not accepted, nothing accepted twice or
 * outside its window, nothing left in flight by a graceful shutdown, a crash's leftovers abandoned on
 * record); policy versions strictly increasing, each with its checkpoint on disk; every snapshot equal to
 * the journal replayed to the same record. Stops at the first violation.
 */
public final class JournalAudit {

  /** The outcome: the first violation (empty when the run is sound) and what was checked. */
  public record Report(
      Optional<String> firstViolation, long records, Optional<String> tornTail, int snapshotsChecked,
      int checkpointsChecked, BankStatus status) {
    public boolean passed() {
      return firstViolation.isEmpty();
    }
  }

  private JournalAudit() {}

  public static Report audit(RunDirectory run) {
    if (!run.exists()) {
      return new Report(Optional.of(run.journal() + ": no journal (is " + run.root() + " a run directory?)"),
          0, Optional.empty(), 0, 0, null);
    }
    JournalCodec codec = new JournalCodec();
    BankState state = new BankState();
    int[] checked = new int[2];
    try {
      Map<Long, BankSnapshot> snapshots = readSnapshots(run, codec);
      JournalScanner.Result scan = JournalScanner.scan(run.journal(), (offset, payload) -> {
        JournalEntry entry = codec.decode(payload, JournalEntry.class, run.journal() + " offset " + offset);
        state.apply(entry);
        for (BankEvent e : entry.events()) {
          if (e instanceof BankEvent.PolicyVersionPublished p) {
            requireCheckpoint(run, p, entry.seq());
            checked[1]++;
          }
        }
        BankSnapshot snapshot = snapshots.remove(entry.seq());
        if (snapshot != null) {
          if (!snapshot.equals(state.toSnapshot())) {
            throw new JournalInvariantViolation(entry.seq(),
                "the snapshot taken at this record disagrees with the journal replayed to it");
          }
          checked[0]++;
        }
      });
      if (!snapshots.isEmpty()) {
        return violation("snapshot(s) at record(s) " + snapshots.keySet() + " are beyond the journal's last"
            + " record " + state.seq() + ": durable records are missing", state, checked);
      }
      Optional<String> torn = scan.tornTail().map(t -> "torn final record at offset " + t.offset()
          + " (" + t.reason() + "): never acknowledged, cut on the next resume");
      return new Report(Optional.empty(), state.seq(), torn, checked[0], checked[1], BankStatus.of(state));
    } catch (CorruptJournalException | JournalInvariantViolation e) {
      return violation(e.getMessage(), state, checked);
    }
  }

  private static Report violation(String message, BankState state, int[] checked) {
    return new Report(Optional.of(message), state.seq(), Optional.empty(), checked[0], checked[1],
        BankStatus.of(state));
  }

  private static void requireCheckpoint(RunDirectory run, BankEvent.PolicyVersionPublished p, long seq) {
    Path dir = run.root().resolve(p.checkpoint());
    boolean present;
    try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
      present = files.findAny().isPresent();
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
    }
    if (!present) {
      throw new JournalInvariantViolation(seq,
          "policy version " + p.version() + " was published but its checkpoint " + dir + " is missing or empty");
    }
  }

  private static Map<Long, BankSnapshot> readSnapshots(RunDirectory run, JournalCodec codec) {
    Map<Long, BankSnapshot> bySeq = new HashMap<>();
    for (Path file : new SnapshotFiles(run.snapshots()).list()) {
      List<byte[]> payloads = new ArrayList<>();
      JournalScanner.scan(file, (offset, payload) -> payloads.add(payload));
      if (payloads.size() == 1) {
        BankSnapshot s = codec.decode(payloads.get(0), BankSnapshot.class, file.toString());
        bySeq.put(s.seq(), s);
      }
    }
    return bySeq;
  }
}
