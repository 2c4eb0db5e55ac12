package org.laimark.data.benchmark;

/**
 * The standard MBPP split by {@code task_id} (Austin et al., 2021): 1–10 few-shot prompt, 11–510
 * test, 511–600 validation, 601–974 train.
 */
public enum MbppSplit {
  PROMPT(1, 10),
  TEST(11, 510),
  VALIDATION(511, 600),
  TRAIN(601, 974);

  private final int first;
  private final int last;

  MbppSplit(int first, int last) {
    this.first = first;
    this.last = last;
  }

  public boolean contains(int taskId) {
    return taskId >= first && taskId <= last;
  }

  /** The split {@code taskId} belongs to. */
  public static MbppSplit of(int taskId) {
    for (MbppSplit split : values()) {
      if (split.contains(taskId)) {
        return split;
      }
    }
    throw new IllegalArgumentException("MBPP task_id must be between 1 and 974, got " + taskId);
  }
}
