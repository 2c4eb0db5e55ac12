package org.laimark.actors.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laimark.actors.pipeline.tasks.AssertLine;
import org.laimark.actors.pipeline.tasks.TaskDeriver;
import org.laimark.actors.pipeline.tasks.TaskKeys;
import org.laimark.data.Problem;
import org.laimark.model.policy.SimulatedAnswers;
import org.laimark.model.policy.SimulatedPolicy;

/**
 * A SIMULATED workload for the whole pipeline: a {@link SimulatedPolicy} that "writes" the given
 * problems (in the study's FUNCTION/TESTS/SOLUTION format) and answers every task the pipeline
 * makes from them under the pipeline's task keys. Right answers are real: an induction answer is
 * the reference's body (indentation kept) or the whole reference; a deduction answer is the test's
 * expected literal; an abduction answer is the test's arguments. Wrong ones: {@code return None},
 * the body with its first line unindented (the study's whitespace trap), {@code None}. So a real
 * sandbox judges them for real; only the policy's skill is simulated.
 */
public final class SimulatedWorkload {

  private SimulatedWorkload() {}

  /**
   * A policy builder preloaded with the problems' texts and answers; set skills on it, then build.
   */
  public static SimulatedPolicy.Builder policy(
      long seed, List<Problem> problems, int derivedPerProblem) {
    Map<String, SimulatedAnswers> table = answers(problems, new TaskDeriver(derivedPerProblem));
    return SimulatedPolicy.builder(seed)
        .problemTexts(problems.stream().map(SimulatedWorkload::proposalText).toList())
        .answerSource(key -> table.getOrDefault(key, SimulatedAnswers.NONE));
  }

  /** The problem as a model would write it in answer to the generation prompt. */
  public static String proposalText(Problem p) {
    return "FUNCTION:\n"
        + p.prompt().stripTrailing()
        + "\n\nTESTS:\n"
        + p.tests().strip()
        + "\n\nSOLUTION:\n"
        + p.solution().stripTrailing()
        + "\n";
  }

  /** Answers for every task key the pipeline derives from {@code problems}. */
  public static Map<String, SimulatedAnswers> answers(List<Problem> problems, TaskDeriver deriver) {
    Map<String, SimulatedAnswers> out = new HashMap<>();
    for (Problem p : problems) {
      String body = body(p.solution(), p.entryPoint());
      out.put(
          TaskKeys.of(p),
          new SimulatedAnswers(
              List.of(body, p.solution()), List.of("    return None\n", body.stripLeading())));
      List<AssertLine> asserts = deriver.usableAsserts(p);
      for (Problem task : deriver.derive(p)) {
        out.put(TaskKeys.of(task), derivedAnswers(task, asserts));
      }
    }
    return Map.copyOf(out);
  }

  private static SimulatedAnswers derivedAnswers(Problem task, List<AssertLine> asserts) {
    for (AssertLine a : asserts) {
      if (task.deduction() != null && a.argumentSource().equals(task.deduction().input())) {
        String right = a.expected().canonical();
        return SimulatedAnswers.of(right, right.equals("None") ? "0" : "None");
      }
      if (task.abduction() != null
          && a.expected().canonical().equals(task.abduction().expected())) {
        return SimulatedAnswers.of(a.argumentSource(), "None");
      }
    }
    return SimulatedAnswers.NONE;
  }

  /** The lines after the entry point's {@code def} line (a body, indentation kept). */
  static String body(String solution, String entryPoint) {
    Matcher def =
        Pattern.compile("(?m)^def\\s+" + Pattern.quote(entryPoint) + "\\s*\\(.*$")
            .matcher(solution);
    if (!def.find()) {
      return solution;
    }
    // A signature may span lines; the body starts after the line that ends with ':'.
    int end = def.end();
    while (end < solution.length() && !solution.substring(0, end).stripTrailing().endsWith(":")) {
      int next = solution.indexOf('\n', end + 1);
      end = next < 0 ? solution.length() : next;
    }
    return solution.substring(Math.min(end + 1, solution.length())).stripTrailing() + "\n";
  }
}
