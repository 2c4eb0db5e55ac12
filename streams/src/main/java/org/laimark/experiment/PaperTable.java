package org.laimark.experiment;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laimark.actors.bank.RunDirectory;
import org.laimark.actors.pipeline.HeldOutEvaluation;
import org.laimark.actors.pipeline.HeldOutSampling;
import org.laimark.config.InvalidSettingException;
import org.laimark.report.RunFacts;
import org.laimark.report.RunFactsReader;
import org.laimark.report.RunReport;
import org.laimark.streams.PipelineDaemon;
import org.laimark.streams.RunConfiguration;

/**
 * {@code laimark experiment paper-table}: runs every configuration of {@link StudyConfiguration#STUDY} with
 * each seed, one after another, each in its own run directory under {@code paper-table-<timestamp>/} and
 * through the daemon {@code laimark run} uses ({@link RunConfiguration#create} + {@link PipelineDaemon#run}),
 * writes each run's report, and then the table ({@link PaperTableMarkdown}). A run that fails is recorded
 * with its reason and the table goes on; a configuration error stops everything before more runs start.
 */
public final class PaperTable {

  /** Where everything went. */
  public record Result(Path directory, Path markdown, Path chart, List<RunOutcome> outcomes) {}

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final Duration EVALUATION_TIMEOUT = Duration.ofHours(2);

  private final PaperTableSettings settings;
  private final PrintStream log;
  private final Map<String, Object> simulatedOverlay;
  private final Map<String, RunOutcome> done = new HashMap<>();

  private PaperTable(PaperTableSettings settings, PrintStream log) {
    this.settings = settings;
    this.log = log;
    this.simulatedOverlay = settings.simulated() ? StudyOverrides.simulatedOverlay(settings.configDir()) : Map.of();
  }

  public static Result run(PaperTableSettings settings, PrintStream log) {
    return new PaperTable(settings, log).runAll();
  }

  private Result runAll() {
    for (StudyConfiguration c : settings.configurations()) {
      Path file = settings.configDir().resolve(c.file());
      if (!Files.isRegularFile(file)) {
        throw new InvalidSettingException(file + ": experiment file of configuration '" + c.name() + "' not found"
            + " (--config-dir names the directory holding " + c.file() + ")");
      }
    }
    Path dir = settings.tableDir() != null ? settings.tableDir()
        : settings.runsDir().resolve("paper-table-" + LocalDateTime.now().format(STAMP));
    List<RunOutcome> outcomes = new ArrayList<>();
    for (StudyConfiguration c : settings.configurations()) {
      for (int seed : settings.seedNumbers()) {
        Path runDir = dir.resolve(c.name() + "-seed" + seed);
        RunOutcome o = measuredBefore(c, seed, runDir);
        if (o != null) {
          log.printf("paper-table: %s seed %d ended before in %s: measured, not run again%n", c.name(), seed, runDir);
        } else {
          log.printf("paper-table: %s seed %d -> %s%n", c.name(), seed, runDir);
          o = runOne(c, seed, runDir);
        }
        o = withSampledScore(o);
        done.put(c.name() + "#" + seed, o);
        outcomes.add(o);
        log.println("paper-table: " + PaperTableMarkdown.summary(o));
      }
    }
    String text = PaperTableMarkdown.table(settings, dir, outcomes);
    PaperTableMarkdown.write(settings.out(), text);
    PaperTableMarkdown.write(dir.resolve("results.md"), text);
    PaperTableMarkdown.chart(settings, outcomes, settings.chart());
    return new Result(dir, settings.out(), settings.chart(), outcomes);
  }

  /**
   * The outcome of a run an earlier invocation finished in this directory (a base row's saved score, or a
   * run whose last session ended), or null when it has to be run or resumed.
   */
  private RunOutcome measuredBefore(StudyConfiguration c, int seed, Path runDir) {
    if (c.kind() == StudyConfiguration.Kind.BASE) {
      EvaluationFile.Saved s = EvaluationFile.read(runDir);
      return s == null ? null : baseOutcome(c, seed, runDir, s.policyVersion(), s.passAt1());
    }
    if (!new RunDirectory(runDir).exists() || !RunFactsReader.read(runDir).status().sessionEnded()) {
      return null;
    }
    return measure(c, seed, runDir, initialCheckpoint(c, seed));
  }

  private RunOutcome runOne(StudyConfiguration c, int seed, Path runDir) {
    Map<String, Object> overrides = StudyOverrides.forRun(settings, seed, simulatedOverlay);
    Path file = settings.configDir().resolve(c.file());
    try {
      if (c.kind() == StudyConfiguration.Kind.BASE) {
        return base(c, seed, runDir, RunConfiguration.create(file, runDir, overrides));
      }
      if (Files.isRegularFile(new RunDirectory(runDir).resolvedConfig())) {
        // A run this table started and did not see end (killed): it continues from its own journal and
        // checkpoints, with the settings it was started with.
        log.printf("paper-table: %s seed %d did not end in %s: resuming it%n", c.name(), seed, runDir);
        PipelineDaemon.run(RunConfiguration.resume(runDir, Map.of()));
        return measure(c, seed, runDir, initialCheckpoint(c, seed));
      }
      Path initial = null;
      if (c.kind() == StudyConfiguration.Kind.ITERATION) {
        initial = initialCheckpoint(c, seed);
        if (initial == null) {
          return RunOutcome.failed(c, seed, runDir, settings.simulated(),
              "not run: " + c.startsFrom() + " seed " + seed + " published no checkpoint to continue from");
        }
        overrides.put(StudyOverrides.PREFIX + "run.initial-checkpoint", initial.toAbsolutePath().toString());
      }
      PipelineDaemon.run(RunConfiguration.create(file, runDir, overrides));
      return measure(c, seed, runDir, initial);
    } catch (InvalidSettingException e) {
      throw e; // the configuration is wrong for every seed: stop before spending more runs on it
    } catch (RuntimeException e) {
      return RunOutcome.failed(c, seed, runDir, settings.simulated(), "failed: " + oneLine(e));
    }
  }

  private RunOutcome base(StudyConfiguration c, int seed, Path runDir, RunConfiguration rc) {
    HeldOutEvaluation.Score s = HeldOutCheck.evaluate(rc.config(), null, EVALUATION_TIMEOUT);
    EvaluationFile.write(runDir, s, "the starting policy, nothing trained");
    return baseOutcome(c, seed, runDir, s.policyVersion(), s.passRate());
  }

  /** A base row: the starting policy's score is its start, last and best. */
  private RunOutcome baseOutcome(StudyConfiguration c, int seed, Path runDir, long version, double passAt1) {
    return new RunOutcome(c, seed, runDir, settings.simulated(), passAt1, version, passAt1, version, passAt1, "base",
        Double.NaN, 0, "", Double.NaN);
  }

  /** Reads the finished run; evaluates its last version's checkpoint when the run did not. */
  private RunOutcome measure(StudyConfiguration c, int seed, Path runDir, Path initial) {
    RunReport.write(runDir);
    RunFacts f = RunFactsReader.read(runDir);
    long lastVersion = f.status().policyVersion();
    double last;
    String by;
    double best = f.bestEvaluation() == null ? Double.NaN : RunFacts.passRate(f.bestEvaluation());
    long bestVersion = f.bestEvaluation() == null ? -1 : f.bestEvaluation().policyVersion();
    if (f.lastEvaluation() != null && f.lastEvaluation().policyVersion() == lastVersion) {
      last = RunFacts.passRate(f.lastEvaluation());
      by = "journal";
    } else {
      EvaluationFile.Saved saved = EvaluationFile.read(runDir);
      if (saved == null || saved.policyVersion() != lastVersion) {
        Path checkpoint = lastVersionCheckpoint(runDir, initial);
        HeldOutEvaluation.Score s = HeldOutCheck.evaluate(RunConfiguration.resume(runDir, Map.of()).config(),
            checkpoint, EVALUATION_TIMEOUT);
        EvaluationFile.write(runDir, s, "last version v" + lastVersion + ", not evaluated by the run itself");
        saved = new EvaluationFile.Saved(s.policyVersion(), s.passRate(), 1);
      }
      last = saved.passAt1();
      by = "paper-table";
      if (Double.isNaN(best) || last > best) {
        best = last;
        bestVersion = saved.policyVersion();
      }
    }
    double start = f.startEvaluation() == null ? Double.NaN : RunFacts.passRate(f.startEvaluation());
    return new RunOutcome(c, seed, runDir, f.simulated(), start, lastVersion, last, bestVersion, best, by,
        f.nonDegenerateGroupFraction(), f.status().rounds(), "", Double.NaN);
  }

  /**
   * With {@code --sampled N}: the outcome with its last version's pass@1 from N sampled answers per task (saved in
   * the run directory, so a continued table does not score it again); otherwise, or for a failed run, as it is.
   * Seed k's runs, the base's included, draw with sampling seed k: each run is compared with the base on the same
   * draws, and the base row's interval over seeds shows what the draws alone move.
   */
  private RunOutcome withSampledScore(RunOutcome o) {
    int n = settings.sampled();
    if (n == 0 || !o.measured()) {
      return o;
    }
    EvaluationFile.Saved saved = EvaluationFile.read(o.runDir(), EvaluationFile.SAMPLED);
    if (saved == null || saved.policyVersion() != o.lastVersion() || saved.answersPerTask() != n) {
      Path checkpoint = o.configuration().kind() == StudyConfiguration.Kind.BASE ? null
          : lastVersionCheckpoint(o.runDir(), initialCheckpoint(o.configuration(), o.seed()));
      log.printf("paper-table: %s seed %d: scoring v%d with %d sampled answers per held-out task%n",
          o.configuration().name(), o.seed(), o.lastVersion(), n);
      HeldOutEvaluation.Score s;
      try {
        s = HeldOutCheck.evaluate(RunConfiguration.resume(o.runDir(), Map.of(HeldOutSampling.PATH + ".samples", n,
            HeldOutSampling.PATH + ".seed", o.seed())).config(), checkpoint, EVALUATION_TIMEOUT);
      } catch (InvalidSettingException e) {
        throw e;
      } catch (RuntimeException e) {
        // The greedy measurement stands; the sampled cell says n/a and the log says why.
        log.printf("paper-table: %s seed %d: the sampled score failed: %s%n", o.configuration().name(), o.seed(),
            oneLine(e));
        return o;
      }
      EvaluationFile.write(o.runDir(), EvaluationFile.SAMPLED, s, n, "last version v" + o.lastVersion() + ", " + n
          + " sampled answers per task");
      saved = new EvaluationFile.Saved(s.policyVersion(), s.passRate(), n);
    }
    return o.withSampledLastPassAt1(saved.passAt1());
  }

  /** For an iteration row, the last checkpoint of the run it continues (same seed); otherwise, or without one, null. */
  private Path initialCheckpoint(StudyConfiguration c, int seed) {
    return c.kind() == StudyConfiguration.Kind.ITERATION ? lastCheckpoint(done.get(c.startsFrom() + "#" + seed)) : null;
  }

  private static Path lastCheckpoint(RunOutcome from) {
    return from == null || !from.failure().isEmpty() ? null : lastVersionCheckpoint(from.runDir(), null);
  }

  /** The checkpoint of the run's last published version, or {@code initial} when it published none. */
  private static Path lastVersionCheckpoint(Path runDir, Path initial) {
    String checkpoint = RunFactsReader.read(runDir).status().checkpoint();
    return checkpoint == null ? initial : runDir.resolve(checkpoint);
  }

  static String oneLine(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return message.replace('\n', ' ').replace('|', '/');
  }
}
