package org.laimark.model.train;

/**
 * One DPO preference as token ids: a prompt and two answers to it, the preferred ({@code chosen}) and the
 * dispreferred ({@code rejected}), each ending with the stop token.
 */
public record PreferencePair(int[] promptIds, int[] chosenIds, int[] rejectedIds) {

  public PreferencePair {
    if (promptIds.length == 0 || chosenIds.length == 0 || rejectedIds.length == 0) {
      throw new IllegalArgumentException("a preference pair needs a prompt, a chosen and a rejected answer");
    }
    if (java.util.Arrays.equals(chosenIds, rejectedIds)) {
      throw new IllegalArgumentException("chosen and rejected are the same tokens: the pair prefers nothing");
    }
  }

  SupervisedExample chosen() {
    return new SupervisedExample(promptIds, chosenIds);
  }

  SupervisedExample rejected() {
    return new SupervisedExample(promptIds, rejectedIds);
  }

  /** The longer of the two sequences, for length limits. */
  public int length() {
    return promptIds.length + Math.max(chosenIds.length, rejectedIds.length);
  }
}
