package org.laimark.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.cli.LaimarkCli;

/** Bad paper-table arguments stop before any run, with one line naming what is wrong. */
class PaperTableInputTest {

  @TempDir Path tmp;

  @Test
  void zeroSeedsIsRefused() {
    String err = run("experiment", "paper-table", "--seeds", "0", "--runs-dir", tmp.toString());

    assertEquals("laimark: --seeds: must be at least 1, got 0", err);
  }

  @Test
  void aMissingExperimentFileIsNamedAndNothingRuns() throws Exception {
    String err = run("experiment", "paper-table", "--config-dir", tmp.resolve("empty").toString(),
        "--runs-dir", tmp.resolve("runs").toString(), "--out", tmp.resolve("results.md").toString());

    assertTrue(err.startsWith("laimark: ") && err.contains("selfgen-g4.conf") && err.contains("not found"), err);
    assertTrue(Files.notExists(tmp.resolve("runs")) && Files.notExists(tmp.resolve("results.md")));
  }

  @Test
  void simulatedNeedsASimulatedConfiguration() throws Exception {
    Files.writeString(tmp.resolve("simulated.conf"), "laimark.pipeline.run.policy = djl\n");

    String err = run("experiment", "paper-table", "--simulated", "--config-dir", tmp.toString(),
        "--runs-dir", tmp.resolve("runs").toString());

    assertTrue(err.contains("simulated.conf") && err.contains("must be 'simulated'"), err);
  }

  @Test
  void anUnknownRowIsNamedWithTheKnownOnes() {
    String err = run("experiment", "paper-table", "--rows", "base,selfgen-g8", "--runs-dir", tmp.toString());

    assertEquals("laimark: --rows: unknown configuration 'selfgen-g8' (expected some of base, selfgen-g2,"
        + " selfgen-g4, curated, iteration, task-skew, selfgen-supervised, curated-supervised)", err);
  }

  @Test
  void aSeedOutsideTheTablesSeedsIsRefused() {
    String err = run("experiment", "paper-table", "--seeds", "3", "--only-seeds", "2,4", "--runs-dir", tmp.toString());

    assertEquals("laimark: --only-seeds: 4 is not one of the table's seeds 1..3 (--seeds 3)", err);
  }

  @Test
  void theIterationRowNeedsTheRowItContinues() {
    String err = run("experiment", "paper-table", "--rows", "base,iteration", "--runs-dir", tmp.toString());

    assertEquals("laimark: --rows: iteration continues selfgen-g4's runs, so it needs selfgen-g4 too", err);
  }

  @Test
  void oneSampledAnswerPerTaskIsRefused() {
    String err = run("experiment", "paper-table", "--sampled", "1", "--runs-dir", tmp.toString());

    assertEquals("laimark: --sampled: must be 0 (none) or at least 2 answers per task, got 1", err);
  }

  /** Runs the CLI, expects exit 2, returns its one line of stderr. */
  private static String run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = LaimarkCli.execute(args);
    } finally {
      System.setErr(saved);
    }
    String text = err.toString(StandardCharsets.UTF_8).trim();
    assertEquals(2, code, text);
    assertEquals(1, text.lines().count(), text);
    return text;
  }
}
