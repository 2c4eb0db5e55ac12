package org.laimark.actors.pipeline.tasks;

import org.laimark.data.Problem;
import org.laimark.data.TaskType;

/**
 * The task key a problem is asked under ({@code GenerationRequest.taskKey}): made from the
 * problem's content, not from an id, so the same task has the same key in every run. Induction: the
 * entry point (unique in the bank, which refuses a second problem with the same one). Deduction:
 * {@code deduction:NAME:ARGS}. Abduction: {@code abduction:NAME:OUTPUT}. The DJL policy ignores
 * keys; a simulated policy looks its answers up by them.
 */
public final class TaskKeys {

  private TaskKeys() {}

  public static String of(Problem problem) {
    if (problem.taskType() == TaskType.DEDUCTION) {
      return "deduction:" + problem.deduction().funcName() + ":" + problem.deduction().input();
    }
    if (problem.taskType() == TaskType.ABDUCTION) {
      return "abduction:" + problem.abduction().funcName() + ":" + problem.abduction().expected();
    }
    return problem.entryPoint();
  }
}
