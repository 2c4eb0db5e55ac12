package org.laimark.actors.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The bank's durable store: the journal, its snapshots, and the state they fold into. {@link #append}
 * checks an entry against the state first and writes it only if it is valid, so the journal never holds a
 * record that recovery would refuse. One process per run directory (an OS file lock, released by the kernel
 * when a process dies, enforces it). Single owner: the {@link CurriculumBank} actor.
 */
public final class BankStore implements AutoCloseable {

  private final RunDirectory run;
  private final JournalCodec codec = new JournalCodec();
  private final SnapshotFiles snapshots;
  private final JournalFile journal;
  private final FileChannel lockChannel;
  private final int snapshotEvery;
  private BankState state;
  private long sinceSnapshot;

  private BankStore(RunDirectory run, int snapshotEvery, boolean fsync) throws IOException {
    this.run = run;
    this.snapshotEvery = snapshotEvery;
    this.snapshots = new SnapshotFiles(run.snapshots());
    Files.createDirectories(run.root());
    this.lockChannel = FileChannel.open(run.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this JVM already holds it
    }
    if (lock == null) {
      lockChannel.close();
      throw new IllegalStateException(run.root() + ": another laimark process is running this run directory");
    }
    this.journal = JournalFile.openForAppend(run.journal(), fsync);
    this.state = recover(run, codec);
  }

  /** Opens (or creates) the run's store, recovering the bank from snapshot and journal. */
  public static BankStore open(RunDirectory run, int snapshotEvery, boolean fsync) {
    try {
      return new BankStore(run, snapshotEvery, fsync);
    } catch (IOException e) {
      throw new UncheckedIOException(run.root() + ": cannot open the run: " + e.getMessage(), e);
    }
  }

  /**
   * The bank as the files describe it, without changing them: the newest intact snapshot plus the journal
   * records after it. A torn tail is ignored here (it was never acknowledged); damage elsewhere throws.
   */
  public static BankState recover(RunDirectory run, JournalCodec codec) {
    Optional<BankSnapshot> snapshot = new SnapshotFiles(run.snapshots()).newest(codec);
    BankState state = snapshot.map(BankState::fromSnapshot).orElseGet(BankState::new);
    long from = state.seq();
    JournalScanner.scan(run.journal(), (offset, payload) -> {
      JournalEntry entry = codec.decode(payload, JournalEntry.class, run.journal() + " offset " + offset);
      if (entry.seq() > from) {
        state.apply(entry);
      }
    });
    if (snapshot.isPresent() && state.seq() < from) {
      throw new CorruptJournalException(run.journal() + ": ends at record " + state.seq()
          + " but a snapshot already covers record " + from + "; durable records are missing");
    }
    return state;
  }

  /** Validates the events as the next record, writes it durably, and returns it. */
  public JournalEntry append(List<BankEvent> events) {
    JournalEntry entry = new JournalEntry(state.seq() + 1, System.currentTimeMillis(), events);
    try {
      state.apply(entry);
    } catch (JournalInvariantViolation e) {
      state = recover(run, codec); // apply may have changed part of the state before it threw
      throw e;
    }
    journal.append(List.of(codec.encode(entry)));
    if (++sinceSnapshot >= snapshotEvery) {
      snapshot();
    }
    return entry;
  }

  public void snapshot() {
    snapshots.write(state.toSnapshot(), codec);
    sinceSnapshot = 0;
  }

  public BankState state() {
    return state;
  }

  public RunDirectory run() {
    return run;
  }

  @Override
  public void close() {
    journal.close();
    try {
      lockChannel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(run.lockFile() + ": " + e.getMessage(), e);
    }
  }
}
