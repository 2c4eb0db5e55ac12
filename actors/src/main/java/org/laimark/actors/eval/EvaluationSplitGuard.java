package org.laimark.actors.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laimark.data.Problem;
import org.laimark.data.benchmark.MbppSplit;

/**
 * Refuses training on evaluation data unless explicitly forced: HumanEval (all of it is the test set) and
 * MBPP's test (11–510) and validation (511–600) splits. MBPP's train and prompt splits are fair game. The
 * study's curated baseline trained on the 164 HumanEval problems it was then scored on; this is the check
 * that makes that a deliberate act instead of an accident. Problems are recognised by their id
 * ({@code HumanEval/N}, {@code MBPP/N}) or by {@code source} plus id, as the data module names them.
 */
public final class EvaluationSplitGuard {
  private static final Pattern HUMANEVAL_ID = Pattern.compile("(?i)humaneval/\\d+");
  private static final Pattern MBPP_ID = Pattern.compile("(?i)mbpp/(\\d+)");

  private EvaluationSplitGuard() {}

  /** Why {@code p} is evaluation data ("HumanEval test set", "MBPP test split"), or null if it is not. */
  public static String evaluationSplitOf(Problem p) {
    if (HUMANEVAL_ID.matcher(p.id()).matches() || "humaneval".equals(p.source())) {
      return "HumanEval test set";
    }
    Matcher mbpp = MBPP_ID.matcher(p.id());
    if (mbpp.matches()) {
      int taskId = Integer.parseInt(mbpp.group(1));
      if (taskId >= 1 && taskId <= 974) {
        MbppSplit split = MbppSplit.of(taskId);
        if (split == MbppSplit.TEST || split == MbppSplit.VALIDATION) {
          return "MBPP " + split.name().toLowerCase(java.util.Locale.ROOT) + " split";
        }
      }
    }
    return null;
  }

  /**
   * Throws unless none of {@code problems} is evaluation data, or {@code force} is set.
   *
   * @param forceOption the option that forces it, named in the message (e.g. "--allow-eval-data")
   * @throws EvalInputException naming how many problems are evaluation data and the first few
   */
  public static void requireTrainable(List<Problem> problems, boolean force, String forceOption) {
    if (force) {
      return;
    }
    List<String> found = new ArrayList<>();
    for (Problem p : problems) {
      String split = evaluationSplitOf(p);
      if (split != null) {
        found.add(p.id() + " (" + split + ")");
      }
    }
    if (!found.isEmpty()) {
      throw new EvalInputException(found.size() + " of " + problems.size()
          + " training problems are evaluation data, e.g. "
          + String.join(", ", found.subList(0, Math.min(3, found.size())))
          + "; training on them inflates every score measured on them. Pass " + forceOption
          + " to do it anyway");
    }
  }
}
