package org.laimark.model.train;

import ai.djl.ndarray.NDArray;

/**
 * Log-probs under the reference policy: the same model with its adapter disabled, in eval mode, computed
 * before the step's gradient collector opens so that no graph is recorded for them.
 */
final class ReferenceLogProbs {

  private ReferenceLogProbs() {}

  /** (B, S) reference log-probs, attached to the batch's manager; the forward's temporaries are freed. */
  static NDArray of(TrainableLm model, PackedBatch batch, double temperature) {
    model.setAdapterEnabled(false);
    try {
      return batch.logProbsWithoutGraph(model, temperature);
    } finally {
      model.setAdapterEnabled(true);
    }
  }
}
