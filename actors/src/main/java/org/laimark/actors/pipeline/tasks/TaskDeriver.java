package org.laimark.actors.pipeline.tasks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.laimark.data.Abduction;
import org.laimark.data.Deduction;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;

/**
 * Makes deduction and abduction tasks from a verified induction problem, deterministically: the
 * first {@code perProblem} distinct test lines of the form {@code assert ENTRY(literals) ==
 * literal} each give one deduction task (given the reference and the call, predict the value) and
 * one abduction task (given the reference and the value, give arguments). Other test lines are
 * skipped. Everything is stored in canonical literal form; the reference is correct for both
 * because it passed those very tests.
 */
public final class TaskDeriver {

  private final int perProblem;

  public TaskDeriver(int perProblem) {
    if (perProblem < 0 || perProblem > 3) {
      throw new IllegalArgumentException("perProblem must be between 0 and 3, got " + perProblem);
    }
    this.perProblem = perProblem;
  }

  /** The literal-only test lines the derived tasks come from, in order, duplicates removed. */
  public List<AssertLine> usableAsserts(Problem induction) {
    Set<String> seenCalls = new LinkedHashSet<>();
    List<AssertLine> usable = new ArrayList<>();
    for (String line : induction.tests().split("\n")) {
      if (usable.size() >= perProblem) {
        break;
      }
      AssertLine.parse(line.strip(), induction.entryPoint())
          .filter(a -> seenCalls.add(a.call()))
          .ifPresent(usable::add);
    }
    return usable;
  }

  /** Deduction tasks then abduction tasks; empty for a problem that is not an induction problem. */
  public List<Problem> derive(Problem induction) {
    if (induction.taskType() != TaskType.INDUCTION) {
      return List.of();
    }
    List<AssertLine> asserts = usableAsserts(induction);
    List<Problem> out = new ArrayList<>();
    for (int i = 0; i < asserts.size(); i++) {
      AssertLine a = asserts.get(i);
      out.add(
          derived(induction, TaskType.DEDUCTION, i)
              .deduction(
                  new Deduction(
                      induction.solution(),
                      a.function(),
                      a.argumentSource(),
                      a.expected().canonical()))
              .build());
    }
    Set<String> seenOutputs = new LinkedHashSet<>();
    for (int i = 0; i < asserts.size(); i++) {
      AssertLine a = asserts.get(i);
      if (seenOutputs.add(a.expected().canonical())) {
        out.add(
            derived(induction, TaskType.ABDUCTION, i)
                .abduction(
                    new Abduction(induction.solution(), a.function(), a.expected().canonical()))
                .build());
      }
    }
    return out;
  }

  private static Problem.Builder derived(Problem parent, TaskType type, int index) {
    return new Problem.Builder(parent.id() + "#" + type.wireName() + index, type)
        .entryPoint(parent.entryPoint())
        .topic(parent.topic())
        .difficulty(parent.difficulty())
        .source(parent.source())
        .seedId(parent.seedId());
  }
}
