package org.laimark.model;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's grad mode belongs to a thread and is on in every new thread. DJL turns it off only on the thread
 * that starts the engine, and its {@code GradientCollector} restores whatever mode the thread had when it
 * closes. So model code called from another thread (the pipeline's model-access dispatcher) must turn it off
 * itself: otherwise every forward pass records an autograd graph, and the optimizer's in-place update of a
 * trainable array fails ("a leaf Variable that requires grad is being used in an in-place operation").
 */
public final class GradMode {

  private GradMode() {}

  /** Turns gradient recording off on the calling thread (a GradientCollector turns it on for its scope). */
  public static void offOnThisThread() {
    if (JniUtils.isGradMode()) {
      JniUtils.setGradMode(false);
    }
  }
}
