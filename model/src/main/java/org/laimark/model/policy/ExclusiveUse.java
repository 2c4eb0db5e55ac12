package org.laimark.model.policy;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One call into a model at a time, and a close that waits for the running call. A policy is driven from one
 * thread, but a shutdown may close it from another (a run whose drain timed out): freeing the model's native
 * arrays under a running forward pass corrupts memory that later allocations reuse, so the release waits.
 */
public final class ExclusiveUse {

  private final ReentrantLock lock = new ReentrantLock();
  private final String what;
  private final Runnable interrupt;
  private boolean closed;

  /**
   * @param what names the model in the error a call after close gets
   * @param interrupt asks a running call to end early (e.g. a generation at its next token); close runs it
   *     before waiting, from the closing thread
   */
  public ExclusiveUse(String what, Runnable interrupt) {
    this.what = what;
    this.interrupt = interrupt;
  }

  public <T> T call(Supplier<T> call) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException(what + " is closed");
      }
      return call.get();
    } finally {
      lock.unlock();
    }
  }

  public void run(Runnable call) {
    call(() -> {
      call.run();
      return null;
    });
  }

  /** Whether a call is running (for DjlPolicy's close test). */
  boolean busy() {
    return lock.isLocked();
  }

  /**
   * Interrupts the running call (if any), waits for it to end, then runs {@code release} once; every later
   * call fails.
   */
  public void close(Runnable release) {
    interrupt.run();
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        release.run();
      }
    } finally {
      lock.unlock();
    }
  }
}
