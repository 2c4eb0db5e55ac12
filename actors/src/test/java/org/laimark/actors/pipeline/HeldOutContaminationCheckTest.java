package org.laimark.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.laimark.data.Problem;

/** The run's own held-out set rejects near-copies by the dedup rule; checks chain in order. */
class HeldOutContaminationCheckTest {

  private static Problem problem(String id, String entry, String docstring) {
    return Problem.induction(id, "def " + entry + "(nums):\n    \"\"\"" + docstring + "\"\"\"",
        "assert " + entry + "([1]) == 1", "def " + entry + "(nums):\n    return 1", entry);
  }

  private final Verifier.ContaminationCheck heldOut = Verifier.ContaminationCheck.nearCopiesOf(
      List.of(problem("h1", "evens_squared_sum", "Take a list of integers nums: keep only the even numbers,"
          + " then square every number, then add the numbers up. Return the resulting integer.")),
      new DedupSettings(3, 0.6));

  @Test
  void aProblemWithTheHeldOutEntryPointOrANearIdenticalDocstringIsRejected() {
    Optional<String> sameName = heldOut.apply(problem("p1", "evens_squared_sum", "anything at all"));
    Optional<String> sameText = heldOut.apply(problem("p2", "other_name", "Take a list of integers nums: keep"
        + " only the even numbers, then square every number, then add the numbers up. Return the resulting"
        + " number."));

    assertTrue(sameName.orElseThrow().startsWith("near-copy of held-out task h1 (same entry point"), sameName.get());
    assertTrue(sameText.orElseThrow().contains("Jaccard"), sameText.get());
  }

  @Test
  void aProblemOfTheSameDomainThatCopiesNothingPasses() {
    assertTrue(heldOut.apply(problem("p3", "odds_doubled_max", "Take a list of integers nums: keep only the odd"
        + " numbers, then double every number, then take the largest number. Return the resulting integer."))
        .isEmpty());
  }

  @Test
  void chainedChecksReportTheFirstFinding() {
    Verifier.ContaminationCheck first = p -> Optional.of("first");

    assertEquals(Optional.of("first"), first.or(heldOut).apply(problem("p1", "evens_squared_sum", "x")));
    assertTrue(Verifier.ContaminationCheck.NONE.or(heldOut).apply(problem("p1", "evens_squared_sum", "x"))
        .orElseThrow().startsWith("near-copy"));
  }
}
