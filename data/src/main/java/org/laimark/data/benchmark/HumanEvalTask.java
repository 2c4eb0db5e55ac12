package org.laimark.data.benchmark;

import org.laimark.data.Problem;

/**
 * One raw HumanEval record. {@code prompt} holds imports, helpers and the stub with its docstring;
 * {@code canonicalSolution} is only the function body; {@code test} defines {@code
 * check(candidate)}. The official harness runs {@code prompt + completion + "\n" + test + "\n" +
 * "check(ENTRY)"}; {@link #toProblem} runs the same asserts, its simple ones lifted out of {@code
 * check} so that their expected values stay out of the process that runs the program.
 */
public record HumanEvalTask(
    String taskId, String prompt, String canonicalSolution, String test, String entryPoint) {

  /**
   * As a {@link Problem}: solution = prompt + canonical body (a complete program defining the entry
   * point and its helpers); tests = the simple asserts of {@code check} lifted to the top level as
   * {@code assert ENTRY(args) == expected} (the sandbox compares their values outside the child),
   * then {@code check(ENTRY)}; test setup = the {@code test} code with those asserts taken out of
   * {@code check}, which keeps its loops and other checks (see {@link HumanEvalCheckUnrolling}).
   */
  public Problem toProblem() {
    HumanEvalCheckUnrolling checks = HumanEvalCheckUnrolling.of(test, entryPoint);
    return new Problem.Builder(taskId, org.laimark.data.TaskType.INDUCTION)
        .prompt(prompt)
        .solution(prompt + canonicalSolution)
        .testSetupCode(checks.setupCode())
        .tests(checks.tests())
        .entryPoint(entryPoint)
        .source("humaneval")
        .build();
  }
}
