package org.laimark.actors.eval;

import org.laimark.data.Problem;

/** Sample {@code index} (0-based) of one task. */
public record SampleKey(Problem problem, int index) {
  public SampleKey {
    if (index < 0) {
      throw new IllegalArgumentException("sample index must be >= 0, got " + index);
    }
  }

  public String taskId() {
    return problem.id();
  }

  /** "HumanEval/3#0": the label a sandbox job carries. */
  public String label() {
    return problem.id() + "#" + index;
  }
}
