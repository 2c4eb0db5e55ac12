package org.laimark.actors.eval;

import java.util.List;

/**
 * The evaluation's input is wrong: a samples file, a benchmark file, an output folder from another run, an
 * option that does not fit the data. {@link #problems()} holds one line per problem, each naming the
 * file and line (or the option) and what was expected; the message is the first of them plus a count.
 */
public final class EvalInputException extends RuntimeException {
  private final List<String> problems;
  private final String advice;

  public EvalInputException(String problem) {
    this(List.of(problem), "");
  }

  /**
   * @param problems one line each, at least one
   * @param advice what to do about them, appended to the message (may be empty)
   */
  public EvalInputException(List<String> problems, String advice) {
    super(message(problems, advice));
    this.problems = List.copyOf(problems);
    this.advice = advice;
  }

  public List<String> problems() {
    return problems;
  }

  /** What to do about the problems, or empty. */
  public String advice() {
    return advice;
  }

  private static String message(List<String> problems, String advice) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an input error needs at least one problem");
    }
    String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more)";
    return problems.get(0) + more + (advice.isEmpty() ? "" : "; " + advice);
  }
}
