package org.laimark.experiment;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code laimark experiment paper-table} runs and where it writes.
 *
 * @param seeds runs per configuration; seed k (1..seeds) sets the generator's and the tasks' sampling seeds
 * @param configDir where the experiment files named in {@link StudyConfiguration#STUDY} are looked up
 * @param out the markdown table; the chart is written beside it with the extension {@code .png}
 * @param runsDir parent of {@code paper-table-<timestamp>/}, which holds one run directory per run
 * @param maxRounds GRPO rounds per run (0 = the experiment's own schedule)
 * @param maxDuration wall time per run, or null for none
 * @param problems candidates per staged round ({@code staged.problems}), or 0 for the experiment's own
 * @param simulated run every configuration on the SIMULATED policy and sandbox of {@code simulated.conf}
 */
public record PaperTableSettings(
    int seeds, Path configDir, Path out, Path runsDir, long maxRounds, Duration maxDuration, int problems,
    boolean simulated) {

  public PaperTableSettings {
    if (seeds < 1) {
      throw new IllegalArgumentException("--seeds: must be at least 1, got " + seeds);
    }
    if (maxRounds < 0) {
      throw new IllegalArgumentException("--max-rounds: must be 0 (the experiment's own schedule) or positive, got "
          + maxRounds);
    }
    if (problems < 0) {
      throw new IllegalArgumentException("--problems: must be 0 (the experiment's own) or positive, got " + problems);
    }
    if (maxDuration != null && (maxDuration.isNegative() || maxDuration.isZero())) {
      throw new IllegalArgumentException("--max-duration: must be positive, got " + maxDuration);
    }
  }

  /** The chart's path: {@code out} with its extension replaced by {@code .png}. */
  public Path chart() {
    String name = out.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return out.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".png");
  }
}
