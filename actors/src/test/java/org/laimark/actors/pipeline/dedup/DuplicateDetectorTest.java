package org.laimark.actors.pipeline.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.laimark.data.Problem;

class DuplicateDetectorTest {

  private static Problem problem(String id, String entry, String docstring) {
    return Problem.induction(
        id,
        "def " + entry + "(x):\n    \"\"\"" + docstring + "\"\"\"",
        "assert " + entry + "(1) == 1",
        "def " + entry + "(x):\n    return x",
        entry);
  }

  private final DuplicateDetector detector = new DuplicateDetector(3, 0.6);

  @Test
  void theSameEntryPointIsADuplicateWhateverTheDocstring() {
    detector.remember(problem("p1", "merge", "one thing"));

    Optional<DuplicateDetector.Duplicate> dup =
        detector.check(problem("p2", "merge", "something else entirely"));

    assertEquals("p1", dup.orElseThrow().of());
    assertTrue(dup.get().reason().contains("same entry point"));
  }

  @Test
  void jaccardOfExactlyTheThresholdIsNotADuplicate() {
    // Trigrams {w1 w2 w3, w2 w3 w4, w3 w4 w5, w4 w5 w6} vs {.., .., .., w4 w5 w7}: 3 shared of 5 =
    // 0.6.
    detector.remember(problem("p1", "a", "w1 w2 w3 w4 w5 w6"));

    assertTrue(detector.check(problem("p2", "b", "w1 w2 w3 w4 w5 w7")).isEmpty());
  }

  @Test
  void jaccardAboveTheThresholdIsADuplicate() {
    // 4 trigrams vs 5 (the same 4 plus one): 4 shared of 5 = 0.8.
    detector.remember(problem("p1", "a", "w1 w2 w3 w4 w5 w6"));

    Optional<DuplicateDetector.Duplicate> dup =
        detector.check(problem("p2", "b", "w1 w2 w3 w4 w5 w6 w7"));

    assertEquals(0.8, dup.orElseThrow().similarity(), 1e-12);
  }

  @Test
  void comparesLowercasedWordsWithPunctuationAsSpaces() {
    detector.remember(problem("p1", "a", "Return the SUM of: all-even numbers!"));

    assertTrue(
        detector.check(problem("p2", "b", "return the sum of all even numbers")).isPresent());
  }

  @Test
  void problemsWithoutDocstringsMatchOnlyByEntryPoint() {
    detector.remember(problem("p1", "a", ""));

    assertTrue(detector.check(problem("p2", "b", "")).isEmpty());
  }

  @Test
  void aForgottenProblemNoLongerBlocksItsEntryPoint() {
    detector.remember(problem("p1", "merge", "merge two sorted lists into one"));

    detector.forget("p1");

    assertTrue(detector.check(problem("p2", "merge", "merge two sorted lists into one")).isEmpty());
  }
}
