package org.laimark.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Sets libtorch's intra-op thread count once, before the engine starts. Changing it mid-run gave
 * erratic timings (see shared/notes/dependencies.md), so a second call with a different count after
 * the engine has started is an error rather than a silent no-op. Inter-op parallelism is fixed at
 * one thread: our graphs are sequential and a second pool only competes for the same cores.
 */
public final class ComputeThreads {

  private static final String INTRA = "ai.djl.pytorch.num_threads";
  private static final String INTER = "ai.djl.pytorch.num_interop_threads";
  private static Integer configured;

  private ComputeThreads() {}

  /**
   * Fixes the thread count; {@code threads <= 0} means the {@code -Dai.djl.pytorch.num_threads}
   * given to the JVM, else one per available processor. Call it before the first NDArray is created
   * (the laimark CLI does, from {@code laimark.model.threads}); tests that never call it get
   * libtorch's default.
   *
   * @return the thread count in effect
   */
  public static synchronized int configure(int threads) {
    Integer fromJvm = Integer.getInteger(INTRA);
    int wanted =
        threads > 0
            ? threads
            : fromJvm != null && fromJvm > 0 ? fromJvm : Runtime.getRuntime().availableProcessors();
    if (configured != null) {
      if (configured != wanted) {
        throw new IllegalStateException(
            "compute threads already set to "
                + configured
                + "; cannot change to "
                + wanted
                + " mid-run");
      }
      return wanted;
    }
    System.setProperty(INTRA, Integer.toString(wanted));
    if (System.getProperty(INTER) == null) {
      System.setProperty(INTER, "1");
    }
    // Starting the engine applies the properties. If something started it earlier, the inter-op
    // count is
    // already fixed (libtorch allows setting it only before parallel work), but the intra-op count
    // can still
    // be set directly.
    Engine.getEngine("PyTorch");
    JniUtils.setNumThreads(wanted);
    configured = wanted;
    return wanted;
  }
}
