package org.laimark.actors.pipeline.tasks;

import java.util.List;
import org.laimark.actors.eval.AnswerMode;
import org.laimark.actors.eval.Harness;
import org.laimark.data.Problem;
import org.laimark.data.SandboxJob;
import org.laimark.data.TaskType;

/**
 * Decides how a sampled answer to a problem of any type is judged. Induction: the answer read
 * exactly as the evaluator reads it ({@link Harness#STANDARD}: thinking and fences removed, a body
 * kept under the stub with its indentation, a full function after it), judged by the problem's
 * tests, so the reward GRPO trains on is what evaluation measures. Deduction: the answer read as
 * one literal; the sandbox checks {@code f(input) == answer}. Abduction: the answer read as a
 * literal argument list; the sandbox checks {@code f(answer) == expected}. Only canonical literals
 * this side wrote reach the test line, so an answer cannot inject code or pass by evaluating to
 * something clever.
 */
public final class AnswerGrader {

  private AnswerGrader() {}

  public static Grading grade(Problem problem, String completion, String jobId) {
    if (problem.taskType() == TaskType.DEDUCTION) {
      return deduction(problem, completion, jobId);
    }
    if (problem.taskType() == TaskType.ABDUCTION) {
      return abduction(problem, completion, jobId);
    }
    Harness.Prepared prepared = Harness.STANDARD.prepare(problem, completion, AnswerMode.AUTO);
    if (prepared.empty()) {
      return Grading.fail("empty answer");
    }
    return Grading.run(
        SandboxJob.withTests(jobId, problem.programFor(prepared.solution()), problem.tests()));
  }

  private static Grading deduction(Problem problem, String completion, String jobId) {
    String answer = AnswerText.value(completion);
    if (answer.isEmpty()) {
      return Grading.fail("empty answer");
    }
    try {
      PythonLiteral value = PythonLiteral.parse(answer);
      List<PythonLiteral> input = PythonLiteral.parseArguments(problem.deduction().input());
      String test =
          "assert "
              + problem.deduction().funcName()
              + "("
              + PythonLiteral.render(input)
              + ") == "
              + value.canonical();
      return Grading.run(SandboxJob.withTests(jobId, problem.deduction().code(), test));
    } catch (PythonLiteral.NotALiteralException e) {
      return Grading.fail("answer is not a single Python literal: " + e.getMessage());
    }
  }

  private static Grading abduction(Problem problem, String completion, String jobId) {
    String answer = AnswerText.value(completion);
    if (answer.isEmpty()) {
      return Grading.fail("empty answer");
    }
    PythonLiteral expected;
    try {
      expected = PythonLiteral.parse(problem.abduction().expected());
    } catch (PythonLiteral.NotALiteralException e) {
      return Grading.fail("the problem's expected output is not a literal: " + e.getMessage());
    }
    try {
      List<PythonLiteral> args = PythonLiteral.parseArguments(answer);
      String test =
          "assert "
              + problem.abduction().funcName()
              + "("
              + PythonLiteral.render(args)
              + ") == "
              + expected.canonical();
      return Grading.run(SandboxJob.withTests(jobId, problem.abduction().code(), test));
    } catch (PythonLiteral.NotALiteralException e) {
      return Grading.fail("answer is not a list of Python literals: " + e.getMessage());
    }
  }
}
