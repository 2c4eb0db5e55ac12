package org.laimark.streams.simulated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.GenerationRequest;
import org.laimark.model.policy.Policy;
import org.laimark.model.policy.RolloutGroup;
import org.laimark.model.policy.TrainingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIMULATED cost model of a policy call, wrapped around a simulated policy: a call takes a fixed
 * {@code perCall} latency plus {@code perSequence} for each sequence in it (each request of a
 * {@code generate} batch, each rollout of a {@code train} step). That is the shape of a real decoder's
 * cost: a batch of 16 costs far less than 16 batches of 1 (DJL's measured decode gives 5.4-6.5x the
 * tokens/s at batch 16 vs 1; 40 ms + 5 ms/sequence gives 6.0x). The wait is a sleep: it costs wall time,
 * not CPU, so the benchmark measures the pipeline's structure, not the machine's load. Counts calls and
 * sequences and logs them when closed (mean batch size, time busy).
 */
final class CostedPolicy implements Policy {

  private static final Logger log = LoggerFactory.getLogger(CostedPolicy.class);

  private final Policy inner;
  private final Duration perCall;
  private final Duration perSequence;
  private final long openedAt = System.nanoTime();
  private long calls;
  private long sequences;
  private long busyNanos;

  CostedPolicy(Policy inner, Duration perCall, Duration perSequence) {
    this.inner = inner;
    this.perCall = perCall;
    this.perSequence = perSequence;
  }

  /** The policy behind the cost model (for tests that read its simulated skills). */
  Policy inner() {
    return inner;
  }

  @Override
  public String description() {
    return inner.description() + String.format(Locale.ROOT, " [SIMULATED cost: %d ms/call + %d ms/sequence]",
        perCall.toMillis(), perSequence.toMillis());
  }

  @Override
  public boolean simulated() {
    return inner.simulated();
  }

  @Override
  public long version() {
    return inner.version();
  }

  @Override
  public List<Completion> generate(List<GenerationRequest> requests) {
    pay(requests.size());
    return inner.generate(requests);
  }

  @Override
  public TrainingMetrics train(List<RolloutGroup> groups) {
    pay(groups.stream().mapToInt(g -> g.completions().size()).sum());
    return inner.train(groups);
  }

  @Override
  public TrainingMetrics imitate(List<RolloutGroup> groups) {
    pay((int) groups.stream().filter(g -> g.demonstration() != null).count());
    return inner.imitate(groups);
  }

  @Override
  public void save(Path directory) {
    inner.save(directory);
  }

  @Override
  public void restore(Path directory) {
    inner.restore(directory);
  }

  @Override
  public void close() {
    if (calls > 0) {
      double seconds = (System.nanoTime() - openedAt) / 1e9;
      log.info(String.format(Locale.ROOT, "SIMULATED policy cost: %d calls, %d sequences, %.1f sequences/call,"
          + " busy %.1f s of %.1f s (%.0f%%)", calls, sequences, (double) sequences / calls, busyNanos / 1e9,
          seconds, 100 * busyNanos / 1e9 / seconds));
    }
    inner.close();
  }

  private void pay(int count) {
    calls++;
    sequences += count;
    long nanos = perCall.toNanos() + count * perSequence.toNanos();
    busyNanos += nanos;
    if (nanos == 0) {
      return;
    }
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("simulated policy call interrupted", e);
    }
  }
}
