package org.laimark.streams;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laimark.actors.bank.BankEvent;
import org.laimark.actors.bank.JournalCodec;
import org.laimark.actors.bank.JournalEntry;
import org.laimark.actors.bank.JournalScanner;
import org.laimark.actors.bank.PipelineStage;
import org.laimark.actors.bank.RunDirectory;
import org.laimark.actors.pipeline.tasks.TaskKeys;
import org.laimark.config.CalibratorSettings;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.SimulatedSettings;
import org.laimark.streams.simulated.SimulatedCosts;
import org.laimark.streams.simulated.SimulatedWorkload;
import org.laimark.streams.simulated.TrueSkills;

/**
 * One measured run of the SIMULATED workload for {@code laimark bench pipeline}: a real {@code laimark run}
 * (same daemon, journal and actors) for a fixed wall time, then the journal is read back and only what
 * became durable within {@code duration} of the session's start is counted, so the drain after the stop
 * does not flatter either mode. Because the workload is simulated, the true pass rate of every calibrated
 * problem at the version that calibrated it is known ({@link TrueSkills}), so calibration decisions are
 * also scored against the true window.
 */
public final class PipelineBenchmark {

  /**
   * What one run achieved inside its window: problems accepted, problems calibrated (accepted or rejected
   * by calibration), calibration samples they cost, GRPO rounds published; how many calibrated and accepted
   * problems truly had a pass rate inside the window; and what accepted problems cost the trainer.
   *
   * @param calibratedInWindow calibrated problems whose true pass rate (at the calibrating version) is in
   *     the window
   * @param acceptedInWindow accepted problems whose true pass rate is in the window
   * @param acceptedSeenByTrainer accepted problems that took part in at least one GRPO round
   * @param retiredEarly accepted problems retired after at most one recorded training round
   * @param firstGroupsWithoutSignal accepted problems whose first trained GRPO group had equal rewards
   * @param firstRoundsSameVersion first trained groups sampled from the version that accepted the problem
   *     (only then do the rollouts add to the calibration evidence)
   */
  public record Result(String label, long accepted, long calibrated, long calibrationSamples, long rounds,
      Duration window, long calibratedInWindow, long acceptedInWindow, long acceptedSeenByTrainer,
      long retiredEarly, long firstGroupsWithoutSignal, long firstRoundsSameVersion) {
    public double acceptedPerMinute() {
      return accepted * 60_000.0 / window.toMillis();
    }

    public double samplesPerAccepted() {
      return accepted == 0 ? Double.NaN : (double) calibrationSamples / accepted;
    }

    public double keptShare() {
      return calibrated == 0 ? Double.NaN : (double) accepted / calibrated;
    }

    /** Share of accepted problems whose true pass rate is in the window. */
    public double precision() {
      return accepted == 0 ? Double.NaN : (double) acceptedInWindow / accepted;
    }

    /** Share of the calibrated problems truly in the window that were accepted. */
    public double recall() {
      return calibratedInWindow == 0 ? Double.NaN : (double) acceptedInWindow / calibratedInWindow;
    }
  }

  private PipelineBenchmark() {}

  public static Result run(String label, Path experiment, Path runDir, Duration duration, Map<String, Object> settings) {
    Map<String, Object> overrides = new LinkedHashMap<>(settings);
    overrides.put("laimark.pipeline.run.max-duration", duration.toMillis() + "ms");
    overrides.put("laimark.pipeline.run.progress", "off");
    PipelineDaemon.run(RunConfiguration.create(experiment, runDir, overrides));
    RunDirectory run = new RunDirectory(runDir);
    Config config = LaimarkConfig.load(run.resolvedConfig(), Map.of());
    TrueSkills truth = new SimulatedWorkload(SimulatedSettings.fromConfig(config), SimulatedCosts.fromConfig(config))
        .trueSkills();
    return measure(label, run, duration, truth, CalibratorSettings.fromConfig(config));
  }

  /** A calibration decision as journaled. */
  private record Calibrated(String problemId, long version, boolean accepted) {}

  /** One accepted problem's life in GRPO rounds (within the window). */
  private static final class TrainerView {
    int rounds;
    boolean retired;
    int roundsBeforeRetirement;
    Boolean firstGroupHadSignal;
    Long firstRoundVersion;
  }

  static Result measure(String label, RunDirectory run, Duration window, TrueSkills truth, CalibratorSettings calibrator) {
    JournalCodec codec = new JournalCodec();
    long[] start = {-1};
    long[] counts = new long[4];
    Map<String, String> keys = new HashMap<>();
    List<Calibrated> calibrations = new ArrayList<>();
    Map<String, Long> acceptedAt = new HashMap<>();
    Map<String, TrainerView> trainer = new HashMap<>();
    JournalScanner.scan(run.journal(), (offset, payload) -> {
      JournalEntry entry = codec.decode(payload, JournalEntry.class, run.journal() + " offset " + offset);
      for (BankEvent e : entry.events()) {
        if (e instanceof BankEvent.SessionStarted s && start[0] < 0) {
          start[0] = s.startedAtMillis();
        }
      }
      if (start[0] < 0 || entry.writtenAtMillis() > start[0] + window.toMillis()) {
        return;
      }
      for (BankEvent e : entry.events()) {
        if (e instanceof BankEvent.ProblemProposed p) {
          keys.put(p.problemId(), TaskKeys.of(p.problem()));
        } else if (e instanceof BankEvent.ProblemAccepted a) {
          counts[0]++;
          counts[1] += a.samples();
          counts[2]++;
          calibrations.add(new Calibrated(a.problemId(), a.policyVersion(), true));
          acceptedAt.put(a.problemId(), a.policyVersion());
          trainer.put(a.problemId(), new TrainerView());
        } else if (e instanceof BankEvent.ProblemRejected r && r.stage() == PipelineStage.CALIBRATE) {
          counts[1] += r.samples();
          counts[2]++;
          calibrations.add(new Calibrated(r.problemId(), r.policyVersion(), false));
        } else if (e instanceof BankEvent.PolicyVersionPublished) {
          counts[3]++;
        } else if (e instanceof BankEvent.ProblemTrained t) {
          truth.trained(keys.getOrDefault(t.problemId(), ""), t.producedVersion(), t.passes(), t.rollouts());
          TrainerView v = trainer.get(t.problemId());
          if (v != null) {
            if (v.rounds == 0) {
              v.firstGroupHadSignal = t.passes() > 0 && t.passes() < t.rollouts();
              v.firstRoundVersion = t.policyVersion();
            }
            v.rounds++;
          }
        } else if (e instanceof BankEvent.ProblemRetired r) {
          TrainerView v = trainer.get(r.problemId());
          if (v != null) {
            v.retired = true;
            v.roundsBeforeRetirement = v.rounds;
          }
        }
      }
    });
    long calibratedInWindow = 0;
    long acceptedInWindow = 0;
    for (Calibrated c : calibrations) {
      double p = truth.passRate(keys.getOrDefault(c.problemId(), ""), c.version());
      boolean learnable = p >= calibrator.lo() && p <= calibrator.hi();
      calibratedInWindow += learnable ? 1 : 0;
      acceptedInWindow += learnable && c.accepted() ? 1 : 0;
    }
    long seen = 0;
    long retiredEarly = 0;
    long noSignal = 0;
    long sameVersion = 0;
    for (Map.Entry<String, TrainerView> e : trainer.entrySet()) {
      TrainerView v = e.getValue();
      if (v.rounds > 0 || v.retired) {
        seen++;
      }
      retiredEarly += v.retired && v.roundsBeforeRetirement <= 1 ? 1 : 0;
      noSignal += Boolean.FALSE.equals(v.firstGroupHadSignal) ? 1 : 0;
      sameVersion += v.firstRoundVersion != null && v.firstRoundVersion.equals(acceptedAt.get(e.getKey())) ? 1 : 0;
    }
    return new Result(label, counts[0], counts[2], counts[1], counts[3], window, calibratedInWindow,
        acceptedInWindow, seen, retiredEarly, noSignal, sameVersion);
  }
}
