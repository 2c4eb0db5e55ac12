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
  private boolean closed;

  /** @param what names the model in the error a call after close gets */
  public ExclusiveUse(String what) {
    this.what = what;
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

  /** Whether a call is running. */
  public boolean busy() {
    return lock.isLocked();
  }

  /** Runs {@code release} once, after the running call (if any) ends; every later call fails. */
  public void close(Runnable release) {
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
