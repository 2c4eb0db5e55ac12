package org.laimark.experiment;

import java.util.List;
import java.util.stream.Stream;

/**
 * One row of the study's table and the experiment file behind it (looked up by name in the configuration
 * directory, {@code config/experiments/} unless {@code --config-dir} says otherwise).
 *
 * @param name the row's name, also the run directories' prefix ({@code <name>-seed<k>})
 * @param file the experiment file (HOCON) in the configuration directory
 * @param kind how the row is measured
 * @param startsFrom for {@link Kind#ITERATION}: the row whose run of the same seed it continues, else null
 */
public record StudyConfiguration(String name, String file, Kind kind, String startsFrom, String description) {

  /** How a row is measured. */
  public enum Kind {
    /** No training: held-out pass@1 of the starting policy (version 0), evaluated once per seed. */
    BASE,
    /** A run of the pipeline with the experiment file; pass@1 of its last and best versions. */
    TRAIN,
    /** A run that starts from the last checkpoint of {@code startsFrom}'s run of the same seed. */
    ITERATION
  }

  /**
   * The study's configurations, in the order they run (an iteration row after the row it continues). The
   * base row uses selfgen-g4.conf only for its model and evaluation settings; nothing is trained.
   */
  public static final List<StudyConfiguration> STUDY = List.of(
      new StudyConfiguration("base", "selfgen-g4.conf", Kind.BASE, null,
          "no training: the starting policy (version 0)"),
      new StudyConfiguration("selfgen-g2", "selfgen-g2.conf", Kind.TRAIN, null,
          "self-generated curriculum, GRPO G = 2"),
      new StudyConfiguration("selfgen-g4", "selfgen-g4.conf", Kind.TRAIN, null,
          "self-generated curriculum, GRPO G = 4"),
      new StudyConfiguration("curated", "curated.conf", Kind.TRAIN, null,
          "curated problems instead of self-generated ones (MBPP's train split; the embedded model's own set)"),
      new StudyConfiguration("iteration", "iteration.conf", Kind.ITERATION, "selfgen-g4",
          "a second round from selfgen-g4's last adapter, calibrated against it"),
      new StudyConfiguration("task-skew", "task-mix.conf", Kind.TRAIN, null,
          "deduction/abduction task mix (the study's R0 shares, capped)"));

  /**
   * Rows beyond the study, run only when {@code --rows} names them: the same staged schedule with supervised
   * rounds (one step on the kept problems' verified reference answers per round) instead of GRPO, on the
   * self-generated and on the curated curriculum. On the embedded model this is the update that raised held-out
   * pass@1 where GRPO did not (docs/embedded-model.md, sessions 14-16).
   */
  public static final List<StudyConfiguration> BEYOND_THE_STUDY = List.of(
      new StudyConfiguration("selfgen-supervised", "selfgen-supervised-staged.conf", Kind.TRAIN, null,
          "self-generated curriculum, supervised rounds on its verified reference answers"),
      new StudyConfiguration("curated-supervised", "curated-supervised-staged.conf", Kind.TRAIN, null,
          "curated problems, supervised rounds on their reference answers"));

  /** Every row {@code --rows} may name, in the order they run. */
  public static final List<StudyConfiguration> ALL =
      Stream.concat(STUDY.stream(), BEYOND_THE_STUDY.stream()).toList();
}
