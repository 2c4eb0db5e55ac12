package org.laimark.actors.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.GenerationRequest;
import org.laimark.model.policy.Policy;
import org.laimark.model.policy.RolloutGroup;
import org.laimark.model.policy.SimulatedPolicy;
import org.laimark.model.policy.TrainingMetrics;

/**
 * TEST DOUBLE around a {@link SimulatedPolicy}: records every call ("generate 3", "train"), can
 * hold calls at a gate until the test opens it, and can be told to fail its next calls or to crash
 * the actor that owns it once. Also checks that calls never overlap (the policy is not thread-safe).
 */
final class RecordingPolicy implements Policy {

  private final SimulatedPolicy delegate;
  final List<String> calls = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile boolean failing;
  private volatile boolean nullText;
  private volatile boolean inCall;
  private volatile boolean crashArmed;
  final CountDownLatch crashed = new CountDownLatch(1);

  RecordingPolicy(SimulatedPolicy delegate) {
    this.delegate = delegate;
  }

  /** Holds every call until {@link #open()}. */
  void close(boolean closed) {
    gate = closed ? new CountDownLatch(1) : new CountDownLatch(0);
  }

  void open() {
    gate.countDown();
  }

  void failing(boolean fail) {
    failing = fail;
  }

  /** Returns completions without text (a broken policy) while set. */
  void nullText(boolean broken) {
    nullText = broken;
  }

  /**
   * Makes the next {@code description()} throw once. The model-access actor reads it on its own
   * thread after every exclusive call, so the throw crashes the actor, not the call.
   */
  void crashOwnerAfterNextCall() {
    crashArmed = true;
  }

  @Override
  public String description() {
    if (crashArmed) {
      crashArmed = false;
      crashed.countDown();
      throw new IllegalStateException("TEST: the model-access actor crashes here");
    }
    return delegate.description();
  }

  @Override
  public boolean simulated() {
    return true;
  }

  @Override
  public long version() {
    return delegate.version();
  }

  @Override
  public List<Completion> generate(List<GenerationRequest> requests) {
    enter("generate " + requests.size());
    try {
      if (failing) {
        throw new IllegalStateException("simulated model failure");
      }
      List<Completion> out = delegate.generate(requests);
      if (nullText) {
        out =
            out.stream()
                .map(
                    c ->
                        new Completion(
                            c.promptIds(),
                            c.completionIds(),
                            null,
                            c.tokenLogProbs(),
                            c.policyVersion()))
                .toList();
      }
      return out;
    } finally {
      inCall = false;
    }
  }

  @Override
  public TrainingMetrics train(List<RolloutGroup> groups) {
    enter("train");
    try {
      if (failing) {
        throw new IllegalStateException("simulated training failure");
      }
      return delegate.train(groups);
    } finally {
      inCall = false;
    }
  }

  @Override
  public TrainingMetrics imitate(List<RolloutGroup> groups) {
    enter("imitate");
    try {
      if (failing) {
        throw new IllegalStateException("simulated training failure");
      }
      return delegate.imitate(groups);
    } finally {
      inCall = false;
    }
  }

  @Override
  public void save(Path directory) {
    enter("save");
    inCall = false;
    delegate.save(directory);
  }

  @Override
  public void restore(Path directory) {
    enter("restore");
    inCall = false;
    delegate.restore(directory);
  }

  @Override
  public void close() {}

  private void enter(String call) {
    if (inCall) {
      throw new IllegalStateException("overlapping policy calls");
    }
    inCall = true;
    calls.add(call);
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("gate never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
