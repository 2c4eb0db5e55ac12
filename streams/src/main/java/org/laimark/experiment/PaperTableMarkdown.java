package org.laimark.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.laimark.report.BarChart;

/**
 * The paper table as markdown (one row per configuration: mean pass@1 over seeds with a 95% Student-t
 * interval, the difference from the base row, the non-degenerate group fraction; then one row per run)
 * and as a bar chart with the intervals as error bars. Says SIMULATED in both titles for simulated runs.
 */
final class PaperTableMarkdown {

  private PaperTableMarkdown() {}

  static String table(PaperTableSettings s, Path dir, List<RunOutcome> outcomes) {
    boolean simulated = s.simulated() || outcomes.stream().anyMatch(RunOutcome::simulated);
    boolean sampled = s.sampled() > 0;
    StringBuilder out = new StringBuilder();
    out.append("# The study's table").append(simulated ? " - SIMULATED" : "").append("\n\n");
    if (simulated) {
      out.append("> **SIMULATED**: every run below used the simulated policy and sandbox of simulated.conf;"
          + " no number here is a model result.\n\n");
    }
    out.append(String.format(Locale.ROOT, "Written %s by `laimark experiment paper-table --seeds %d%s%s%s%s%s%s`;"
            + " run directories under `%s`.%n%n",
        LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME.withLocale(Locale.ROOT)).substring(0, 19),
        s.seeds(), " --config-dir " + s.configDir(), s.rows().isEmpty() ? "" : " --rows " + String.join(",", s.rows()),
        s.simulated() ? " --simulated" : "", s.maxRounds() > 0 ? " --max-rounds " + s.maxRounds() : "",
        s.maxDuration() != null ? " --max-duration " + s.maxDuration() : "",
        (s.problems() > 0 ? " --problems " + s.problems() : "") + (s.sampled() > 0 ? " --sampled " + s.sampled() : "")
            + (s.onlySeeds().isEmpty() ? "" : " --only-seeds "
                + s.onlySeeds().stream().map(String::valueOf).collect(Collectors.joining(","))), dir));
    out.append("pass@1: held-out pass@1 (%) of each run's last policy version (\"last\") and of its best evaluated"
        + " version (\"best\"); mean over seeds ± the half-width of a two-sided 95% Student-t interval over"
        + " seeds (t(0.975, n-1) · s / √n; one seed has no interval). Δ: mean last pass@1 minus the base row's,"
        + " in points. Non-degenerate: the share of GRPO groups with non-zero reward variance over each run's"
        + " published rounds (as GRPO recorded it per version, weighted by groups), mean over seeds; in a row trained"
        + " by supervised rounds the groups are the rollouts each round samples as evidence, not what it learns from."
        + " Rounds: published training rounds (one optimizer step each), mean over seeds."
        + (sampled ? " Sampled: the last version's (and the base's) pass@1 from " + s.sampled() + " answers per task"
            + " sampled at the runs' laimark.pipeline.evaluation.temperature and top-p (the share that pass), with"
            + " sampling seed k for seed k's runs and base, so each run is compared with the base on the same draws and"
            + " the base row's interval is what the draws alone move. Δ sampled, paired: each seed k run's sampled"
            + " pass@1 minus base seed k's, mean over seeds ± the same t half-width, in points."
            : "")
        + "\n\n");
    out.append("| configuration | experiment file | seeds | pass@1 last (%) | pass@1 best (%) | Δ last vs base"
        + " (points) |" + (sampled ? " sampled pass@1 last (%) | Δ sampled vs base, paired (points) |" : "")
        + " non-degenerate group fraction | rounds (mean) |\n");
    out.append("|---|---|---|---|---|---|" + (sampled ? "---|---|" : "") + "---|---|\n");
    double base = TInterval.of(values(outcomes, "base", RunOutcome::lastPassAt1)).mean();
    for (StudyConfiguration c : s.configurations()) {
      List<RunOutcome> rows = measured(outcomes, c.name());
      TInterval last = TInterval.of(values(outcomes, c.name(), RunOutcome::lastPassAt1));
      TInterval best = TInterval.of(values(outcomes, c.name(), RunOutcome::bestPassAt1));
      List<Double> nd = rows.stream().map(RunOutcome::nonDegenerateGroupFraction)
          .filter(v -> !Double.isNaN(v)).collect(Collectors.toList());
      TInterval sampledLast = TInterval.of(values(outcomes, c.name(), RunOutcome::sampledLastPassAt1));
      out.append(String.format(Locale.ROOT, "| %s | %s | %d of %d | %s | %s | %s |%s %s | %s |%n", c.name(), c.file(),
          rows.size(), s.seeds(), interval(last), interval(best), delta(last.mean(), base),
          sampled ? " " + interval(sampledLast) + " | " + signedInterval(pairedSampledGains(outcomes, c.name())) + " |"
              : "",
          c.kind() == StudyConfiguration.Kind.BASE ? "n/a (no training)"
              : nd.isEmpty() ? "n/a (no round published)" : String.format(Locale.ROOT, "%.3f", mean(nd)),
          String.format(Locale.ROOT, "%.1f", rows.stream().mapToLong(RunOutcome::rounds).average().orElse(0))));
    }
    out.append("\n![pass@1 by configuration](").append(s.chart().getFileName()).append(")\n\n## Runs\n\n");
    out.append("| configuration | seed | run directory | start pass@1 (run's own) | last version | pass@1 last |"
        + (sampled ? " sampled pass@1 last |" : "") + " scored by | best version | pass@1 best | non-degenerate | rounds"
        + " | note |\n");
    out.append("|---|---|---|---|---|---|" + (sampled ? "---|" : "") + "---|---|---|---|---|---|\n");
    for (RunOutcome o : outcomes) {
      out.append(String.format(Locale.ROOT, "| %s | %d | `%s` | %s | v%d | %s |%s %s | v%d | %s | %s | %d | %s |%n",
          o.configuration().name(), o.seed(), o.runDir(), pct(o.startPassAt1()), o.lastVersion(), pct(o.lastPassAt1()),
          sampled ? " " + pct(o.sampledLastPassAt1()) + " |" : "",
          o.evaluatedBy(), o.bestVersion(), pct(o.bestPassAt1()),
          Double.isNaN(o.nonDegenerateGroupFraction()) ? "n/a" : String.format(Locale.ROOT, "%.3f", o.nonDegenerateGroupFraction()),
          o.rounds(), o.failure()));
    }
    return out.toString();
  }

  static void chart(PaperTableSettings s, List<RunOutcome> outcomes, Path png) {
    BarChart chart = new BarChart((s.simulated() ? "SIMULATED - " : "") + "held-out pass@1 of the last version,"
        + " mean and 95% t-interval over " + s.seeds() + " seed(s)", "configuration", "pass@1 (%)")
        .yRange(0, 100).valueFormat("%.1f");
    for (StudyConfiguration c : s.configurations()) {
      TInterval t = TInterval.of(values(outcomes, c.name(), RunOutcome::lastPassAt1));
      chart.barWithError(c.name(), 100 * t.mean(), 100 * t.low(), 100 * t.high());
    }
    chart.write(png);
  }

  static String summary(RunOutcome o) {
    return o.failure().isEmpty()
        ? String.format(Locale.ROOT, "%s seed %d: pass@1 last v%d %s (%s)%s, best v%d %s, %d rounds, non-degenerate %s",
            o.configuration().name(), o.seed(), o.lastVersion(), pct(o.lastPassAt1()), o.evaluatedBy(),
            Double.isNaN(o.sampledLastPassAt1()) ? "" : ", sampled " + pct(o.sampledLastPassAt1()),
            o.bestVersion(), pct(o.bestPassAt1()), o.rounds(),
            Double.isNaN(o.nonDegenerateGroupFraction()) ? "n/a" : String.format(Locale.ROOT, "%.3f", o.nonDegenerateGroupFraction()))
        : o.configuration().name() + " seed " + o.seed() + ": " + o.failure();
  }

  static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write the table: " + e.getMessage(), e);
    }
  }

  private static List<RunOutcome> measured(List<RunOutcome> outcomes, String name) {
    return outcomes.stream().filter(o -> o.configuration().name().equals(name) && o.measured())
        .collect(Collectors.toList());
  }

  private static List<Double> values(List<RunOutcome> outcomes, String name, ToDoubleFunction<RunOutcome> value) {
    return measured(outcomes, name).stream().map(o -> value.applyAsDouble(o)).filter(v -> !Double.isNaN(v))
        .collect(Collectors.toList());
  }

  private static String interval(TInterval t) {
    return interval(t, "%.1f");
  }

  /** "mean ± half-width" in points (the mean alone for one seed), "n/a" for none. */
  private static String interval(TInterval t, String meanFormat) {
    if (t.n() == 0) {
      return "n/a";
    }
    String mean = String.format(Locale.ROOT, meanFormat, 100 * t.mean());
    return Double.isNaN(t.halfWidth()) ? mean : mean + String.format(Locale.ROOT, " ± %.1f", 100 * t.halfWidth());
  }

  /** Each measured seed's sampled pass@1 minus the base's of the same seed (drawn with the same sampling seed). */
  private static TInterval pairedSampledGains(List<RunOutcome> outcomes, String name) {
    List<Double> gains = new ArrayList<>();
    for (RunOutcome o : measured(outcomes, name)) {
      measured(outcomes, "base").stream().filter(b -> b.seed() == o.seed()).findFirst()
          .map(b -> o.sampledLastPassAt1() - b.sampledLastPassAt1())
          .filter(g -> !Double.isNaN(g)).ifPresent(gains::add);
    }
    return TInterval.of(gains);
  }

  /** {@link #interval} with the mean's sign always shown: a gain. */
  private static String signedInterval(TInterval t) {
    return interval(t, "%+.1f");
  }

  private static String delta(double mean, double base) {
    return Double.isNaN(mean) || Double.isNaN(base) ? "n/a" : String.format(Locale.ROOT, "%+.1f", 100 * (mean - base));
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
