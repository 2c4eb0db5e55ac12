package org.laimark.data.benchmark;

import org.laimark.data.Problem;

/**
 * One raw HumanEval record. {@code prompt} holds imports, helpers and the stub with its docstring;
 * {@code canonicalSolution} is only the function body; {@code test} defines {@code
 * check(candidate)}. The official harness runs {@code prompt + completion + "\n" + test + "\n" +
 * "check(ENTRY)"}.
 */
public record HumanEvalTask(
    String taskId, String prompt, String canonicalSolution, String test, String entryPoint) {

  /**
   * As a {@link Problem}, keeping the official harness's program exactly: solution = prompt +
   * canonical body (a complete program defining the entry point and its helpers), test setup = the
   * {@code test} code (defines {@code check}), tests = the single line {@code check(ENTRY)}. The
   * asserts stay inside {@code check}: many are loops or tolerance comparisons that are not
   * one-line statements.
   */
  public Problem toProblem() {
    return new Problem.Builder(taskId, org.laimark.data.TaskType.INDUCTION)
        .prompt(prompt)
        .solution(prompt + canonicalSolution)
        .testSetupCode(test)
        .tests("check(" + entryPoint + ")")
        .entryPoint(entryPoint)
        .source("humaneval")
        .build();
  }
}
