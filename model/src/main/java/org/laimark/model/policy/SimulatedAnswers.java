package org.laimark.model.policy;

import java.util.List;

/**
 * What a {@link SimulatedPolicy} may say for one task: answers that are right and answers that are
 * wrong. The policy picks a right one with probability equal to its skill on the task; with no
 * wrong answers it answers the empty string when it misses (an empty answer always fails).
 */
public record SimulatedAnswers(List<String> correct, List<String> wrong) {

  public static final SimulatedAnswers NONE = new SimulatedAnswers(List.of(), List.of());

  public SimulatedAnswers {
    correct = List.copyOf(correct);
    wrong = List.copyOf(wrong);
  }

  public static SimulatedAnswers of(String correct, String wrong) {
    return new SimulatedAnswers(List.of(correct), List.of(wrong));
  }
}
