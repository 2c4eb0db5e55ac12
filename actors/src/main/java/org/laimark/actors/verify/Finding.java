package org.laimark.actors.verify;

import java.util.List;
import org.laimark.data.Verdict;

/** One thing verification found wrong with a problem; a {@link Verification} lists all of them. */
public sealed interface Finding {

  /** One sentence for humans. */
  String describe();

  /** The reference solution did not pass its tests in {@code world}. */
  record ReferenceFailed(String world, Verdict verdict) implements Finding {
    @Override
    public String describe() {
      return "the reference solution " + VerdictText.outcome(verdict) + " (" + world + ")";
    }
  }

  /**
   * The tests judged {@code subject} (the reference or a trivial solution) one way in {@code world}
   * and another way in {@code otherWorld}.
   */
  record WorldDependent(
      String subject, String world, Verdict verdict, String otherWorld, Verdict otherVerdict)
      implements Finding {
    @Override
    public String describe() {
      return "the tests judge "
          + subject
          + " differently: it "
          + VerdictText.outcome(verdict)
          + " in "
          + world
          + " but "
          + VerdictText.outcome(otherVerdict)
          + " in "
          + otherWorld;
    }
  }

  /** {@code candidate} passed every test in {@code worlds} (of {@code worldCount} tried). */
  record TrivialPass(TrivialSolution candidate, List<String> worlds, int worldCount)
      implements Finding {
    public TrivialPass {
      worlds = List.copyOf(worlds);
    }

    @Override
    public String describe() {
      String where =
          worlds.size() == worldCount
              ? "in all " + worldCount + " worlds"
              : "in "
                  + worlds.size()
                  + " of "
                  + worldCount
                  + " worlds ("
                  + String.join(", ", worlds)
                  + ")";
      return "the trivial solution '" + candidate.label() + "' passes every test " + where;
    }
  }
}
