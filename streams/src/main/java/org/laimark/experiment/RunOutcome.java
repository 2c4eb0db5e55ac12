package org.laimark.experiment;

import java.nio.file.Path;

/**
 * What one paper-table run measured. Pass rates are fractions in [0, 1] and NaN when not measured.
 *
 * @param startPassAt1 the run's own evaluation of its starting version, when its journal holds one
 * @param evaluatedBy where the last version's score comes from: "journal" (the run evaluated it),
 *     "paper-table" (the run stopped before evaluating its last version, so the table evaluated its
 *     checkpoint) or "base" (no run: the starting policy evaluated directly)
 * @param nonDegenerateGroupFraction groups with non-zero reward variance over the published rounds; NaN
 *     when nothing was published
 * @param failure why the run produced no measurement, or empty
 * @param sampledLastPassAt1 the last version's pass@1 from several sampled answers per task ({@code --sampled}),
 *     NaN when not measured
 */
public record RunOutcome(
    StudyConfiguration configuration,
    int seed,
    Path runDir,
    boolean simulated,
    double startPassAt1,
    long lastVersion,
    double lastPassAt1,
    long bestVersion,
    double bestPassAt1,
    String evaluatedBy,
    double nonDegenerateGroupFraction,
    long rounds,
    String failure,
    double sampledLastPassAt1) {

  static RunOutcome failed(StudyConfiguration c, int seed, Path runDir, boolean simulated, String why) {
    return new RunOutcome(c, seed, runDir, simulated, Double.NaN, -1, Double.NaN, -1, Double.NaN, "", Double.NaN,
        0, why, Double.NaN);
  }

  RunOutcome withSampledLastPassAt1(double passAt1) {
    return new RunOutcome(configuration, seed, runDir, simulated, startPassAt1, lastVersion, lastPassAt1, bestVersion,
        bestPassAt1, evaluatedBy, nonDegenerateGroupFraction, rounds, failure, passAt1);
  }

  public boolean measured() {
    return failure.isEmpty() && !Double.isNaN(lastPassAt1);
  }
}
