package org.laimark.model.train;

import org.laimark.model.policy.Completion;

/**
 * One supervised example as token ids: the rendered prompt (context, never a target) and the completion
 * the model learns to produce, ending with the stop token so the model learns to stop.
 */
public record SupervisedExample(int[] promptIds, int[] completionIds) {

  public SupervisedExample {
    if (promptIds.length == 0 || completionIds.length == 0) {
      throw new IllegalArgumentException(
          "a supervised example needs a non-empty prompt and completion, got "
              + promptIds.length
              + " and "
              + completionIds.length
              + " tokens");
    }
  }

  public int length() {
    return promptIds.length + completionIds.length;
  }

  /** As {@link PackedBatch} takes it; the log-probs are unused (zeros) for SFT and DPO. */
  Completion asCompletion() {
    return new Completion(promptIds, completionIds, "", new float[completionIds.length], 0);
  }
}
