package org.laimark.actors.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.laimark.data.Problem;
import org.laimark.data.io.LineError;
import org.laimark.data.io.Located;
import org.laimark.data.io.ReadResult;

/**
 * Verifies the problems of one file with at most {@code parallelism} problems in flight, and hands
 * one row per input line to a {@link RowSink} in input order (a finished problem waits for the ones
 * before it), so an output file is always a prefix of the full result and an interrupted run can
 * resume by skipping that prefix. Lines that could not be read become {@code malformed} rows in
 * their place.
 */
public final class VerificationRun {

  /** One input line: a problem, or the reason it is not one. */
  public record Entry(int line, Problem problem, LineError error) {}

  /** Receives rows in input order; called from one thread at a time. */
  @FunctionalInterface
  public interface RowSink {
    void accept(ObjectNode row, Verification verification) throws IOException;
  }

  private final ProblemVerifier verifier;
  private final int parallelism;

  public VerificationRun(ProblemVerifier verifier, int parallelism) {
    if (parallelism <= 0) {
      throw new IllegalArgumentException("parallelism must be positive, got " + parallelism);
    }
    this.verifier = verifier;
    this.parallelism = parallelism;
  }

  /** The file's problems and errors as one list in line order. */
  public static List<Entry> entries(ReadResult<Problem> read) {
    List<Entry> entries = new ArrayList<>();
    for (Located<Problem> p : read.located()) {
      entries.add(new Entry(p.line(), p.value(), null));
    }
    for (LineError e : read.errors()) {
      entries.add(new Entry(e.line(), null, e));
    }
    entries.sort(Comparator.comparingInt(Entry::line));
    return entries;
  }

  /**
   * Verifies {@code entries} and hands their rows to {@code sink} in order; returns when all are
   * written.
   *
   * @throws UncheckedIOException when the sink fails (the rows written so far stay valid)
   */
  public void run(String file, List<Entry> entries, RowSink sink) throws InterruptedException {
    OrderedRows rows = new OrderedRows(sink);
    Semaphore inFlight = new Semaphore(parallelism);
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      int index = i;
      if (entry.problem() == null) {
        Verification v =
            Verification.notRun(
                entry.error().file() + ":" + entry.line(),
                VerificationStatus.MALFORMED,
                entry.error().message());
        rows.complete(index, VerificationJson.malformed(entry.error()), v);
        continue;
      }
      inFlight.acquire();
      rows.throwIfFailed();
      verifier
          .verify(entry.problem())
          .whenComplete(
              (verification, failure) -> {
                try {
                  Verification v =
                      failure == null
                          ? verification
                          : Verification.notRun(
                              entry.problem().id(),
                              VerificationStatus.INFRA_ERROR,
                              "verification failed unexpectedly: " + failure);
                  rows.complete(index, VerificationJson.row(v, file, entry.line()), v);
                } finally {
                  inFlight.release();
                }
              });
    }
    inFlight.acquire(parallelism);
    rows.throwIfFailed();
  }

  /** Buffers out-of-order completions and releases rows to the sink strictly in input order. */
  private static final class OrderedRows {
    private record Done(ObjectNode row, Verification verification) {}

    private final RowSink sink;
    private final Map<Integer, Done> waiting = new HashMap<>();
    private int next;
    private IOException failure;

    OrderedRows(RowSink sink) {
      this.sink = sink;
    }

    synchronized void complete(int index, ObjectNode row, Verification v) {
      waiting.put(index, new Done(row, v));
      while (failure == null && waiting.containsKey(next)) {
        Done ready = waiting.remove(next);
        try {
          sink.accept(ready.row(), ready.verification());
          next++;
        } catch (IOException e) {
          failure = e;
        }
      }
    }

    synchronized void throwIfFailed() {
      if (failure != null) {
        throw new UncheckedIOException(
            "cannot write the results: " + failure.getMessage(), failure);
      }
    }
  }
}
