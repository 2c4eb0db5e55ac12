package org.laimark.experiment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

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
 * @param rows the configurations to run, by name, or empty for the study's (a run of 2 cores cannot afford
 *     every row with several seeds); only named, the rows beyond the study ({@link StudyConfiguration#BEYOND_THE_STUDY})
 * @param tableDir the table's directory, or null for a new {@code paper-table-<timestamp>/} under runsDir. An
 *     existing one is continued: a run that ended there is measured, not run again; one that did not end (the
 *     table was killed) is resumed. So a killed table loses nothing, and several invocations with disjoint
 *     rows or seeds can share one directory and a last one with every row writes the whole table.
 * @param onlySeeds the seeds (of 1..seeds) this invocation runs, or empty for all of them
 * @param sampled answers per held-out task of a second score of each run's last version and of the base, sampled
 *     at the run's {@code evaluation.temperature} (pass@1 of the sampling policy), or 0 for none
 */
public record PaperTableSettings(
    int seeds, Path configDir, Path out, Path runsDir, long maxRounds, Duration maxDuration, int problems,
    boolean simulated, List<String> rows, Path tableDir, List<Integer> onlySeeds, int sampled) {

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
    if (sampled < 0 || sampled == 1) {
      throw new IllegalArgumentException("--sampled: must be 0 (none) or at least 2 answers per task, got " + sampled);
    }
    rows = rows == null ? List.of() : List.copyOf(rows);
    onlySeeds = onlySeeds == null ? List.of() : List.copyOf(onlySeeds);
    for (int seed : onlySeeds) {
      if (seed < 1 || seed > seeds) {
        throw new IllegalArgumentException("--only-seeds: " + seed + " is not one of the table's seeds 1.." + seeds
            + " (--seeds " + seeds + ")");
      }
    }
    List<String> known = StudyConfiguration.ALL.stream().map(StudyConfiguration::name).toList();
    for (String row : rows) {
      if (!known.contains(row)) {
        throw new IllegalArgumentException("--rows: unknown configuration '" + row + "' (expected some of "
            + String.join(", ", known) + ")");
      }
    }
    for (StudyConfiguration c : StudyConfiguration.ALL) {
      if (rows.contains(c.name()) && c.startsFrom() != null && !rows.contains(c.startsFrom())) {
        throw new IllegalArgumentException("--rows: " + c.name() + " continues " + c.startsFrom()
            + "'s runs, so it needs " + c.startsFrom() + " too");
      }
    }
  }

  /** The configurations to run, in the study's order: the study's own unless {@code rows} names others. */
  public List<StudyConfiguration> configurations() {
    return rows.isEmpty() ? StudyConfiguration.STUDY
        : StudyConfiguration.ALL.stream().filter(c -> rows.contains(c.name())).toList();
  }

  /** The seeds this invocation runs, in increasing order. */
  public List<Integer> seedNumbers() {
    return IntStream.rangeClosed(1, seeds).filter(k -> onlySeeds.isEmpty() || onlySeeds.contains(k)).boxed()
        .toList();
  }

  /** The chart's path: {@code out} with its extension replaced by {@code .png}. */
  public Path chart() {
    String name = out.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return out.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".png");
  }
}
