package org.laimark.actors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

  private static SampleResult result(String task, int sample, boolean passed, String answer) {
    return new SampleResult(task, sample, passed ? ErrorClass.PASSED : ErrorClass.ASSERTION_FAILURE,
        passed ? "passed" : "failed", "", "", "", AnswerMode.BODY, 1, 1, 1000, answer);
  }

  /** Samples given as "task sample passed answer" rows. */
  private static List<SampleResult> results(String... rows) {
    List<SampleResult> out = new ArrayList<>();
    for (String row : rows) {
      String[] f = row.split(" ");
      out.add(result(f[0], Integer.parseInt(f[1]), f[2].equals("pass"), f[3]));
    }
    return out;
  }

  @Test
  void theDifferenceIsMeasuredPerTaskAndWonAndLostCountSamples() {
    List<SampleResult> base = results(
        "t1 0 pass x", "t1 1 fail y",
        "t2 0 fail x", "t2 1 fail y",
        "t3 0 pass x", "t3 1 pass y");
    List<SampleResult> adapted = results(
        "t1 0 pass x", "t1 1 pass z",   // +0.5
        "t2 0 fail x", "t2 1 pass z",   // +0.5
        "t3 0 fail z", "t3 1 pass y");  // -0.5

    PairedComparison c = PairedComparison.of("base", base, "adapted", adapted);

    assertEquals(3, c.tasks());
    assertEquals(2, c.samplesPerTask());
    assertEquals(0.5, c.passRateA(), 1e-12);
    assertEquals(4.0 / 6, c.passRateB(), 1e-12);
    assertEquals(1.0 / 6, c.difference(), 1e-12);
    // differences +0.5, +0.5, -0.5: sample variance 1/3, standard error sqrt(1/3 / 3) = 1/3
    assertEquals(1.0 / 3, c.standardError(), 1e-12);
    assertEquals(3, c.alike());
    assertEquals(3, c.unchanged());
    assertEquals(2, c.won());
    assertEquals(1, c.lost());
  }

  @Test
  void evaluationsOfDifferentSamplesAreRefusedNamingWhatIsMissing() {
    List<SampleResult> greedy = results("t1 0 pass x", "t2 0 fail x");
    List<SampleResult> sampled = results("t1 0 pass x", "t1 1 pass x", "t2 0 fail x", "t2 1 fail x");
    List<SampleResult> otherTasks = results("t1 0 pass x", "t9 0 fail x");

    EvalInputException fewerSamples =
        assertThrows(EvalInputException.class, () -> PairedComparison.of("A", greedy, "B", sampled));
    EvalInputException otherTask =
        assertThrows(EvalInputException.class, () -> PairedComparison.of("A", greedy, "B", otherTasks));

    assertTrue(fewerSamples.getMessage().startsWith("A: has no sample 1 of task t1, which B has"),
        fewerSamples.getMessage());
    assertTrue(otherTask.getMessage().startsWith("B: has no result for task t2 of A"), otherTask.getMessage());
  }
}
