package org.laimark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.laimark.actors.pipeline.calibration.CalibrationCost;
import org.laimark.config.CalibratorSettings;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.TrainerSettings;
import java.util.Map;
import java.util.concurrent.Callable;
import org.laimark.streams.PipelineBenchmark;
import org.laimark.streams.PipelineBenchmark.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code laimark bench pipeline}: continuous vs staged mode on the same SIMULATED workload (accepted problems
 * per minute, target at least 1.5x), and adaptive vs fixed K (calibration samples per accepted problem,
 * target at most 0.6x). Every run is a real {@code laimark run} with the simulated policy and sandbox.
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = "Continuous vs staged throughput and adaptive vs fixed K sample cost, on the SIMULATED workload.")
public final class BenchPipelineCommand implements Callable<Integer> {

  @Option(names = "--duration", paramLabel = "D", defaultValue = "60s",
      description = "Measured wall time of each of the three runs (default ${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--policy-latency", paramLabel = "MS", defaultValue = "40",
      description = "SIMULATED fixed cost of one policy call (a batch of samples or a training step), ms.")
  int policyLatency;

  @Option(names = "--per-sequence", paramLabel = "MS", defaultValue = "5",
      description = "SIMULATED cost each sequence adds to a policy call, ms (40 + 5 per sequence: batch 16 gives"
          + " 6x the throughput of batch 1, as DJL's measured 5.4-6.5x).")
  int perSequence;

  @Option(names = "--sandbox-latency", paramLabel = "MS", defaultValue = "3",
      description = "SIMULATED cost of one sandbox job, ms. A verified problem costs about 66 jobs (10 reference"
          + " worlds, 7 trivial solutions in 8 worlds), so at 3 ms on 3 workers verification and sampling cost"
          + " the same order per problem; docs/pipeline.md shows how the ratio moves with this.")
  int sandboxLatency;

  @Option(names = "--sandbox-workers", paramLabel = "N", defaultValue = "3",
      description = "SIMULATED sandbox jobs that run at once (the pool size).")
  int sandboxWorkers;

  @Option(names = "--workload", paramLabel = "MIX", defaultValue = "study-like",
      description = "Pass-rate mix of the problems: study-like (60% always solved, 15% never, the rest uniform)"
          + " or uniform (every skill uniform in [0, 1]).")
  String mix;

  @Option(names = "--staged-problems", paramLabel = "N", defaultValue = "120",
      description = "Candidates per staged round (the study's ~1000 would not finish a round in a minute).")
  int stagedProblems;

  @Option(names = "--config", paramLabel = "FILE", description = "Experiment file (default: config/experiments/simulated.conf).")
  Path config;

  @Override
  public Integer call() throws IOException {
    Duration window = RunCommand.parseDuration(duration);
    // The SIMULATED policy logs its calls and sequences per call when each run closes (batching evidence).
    System.setProperty("org.slf4j.simpleLogger.log.org.laimark.streams.simulated.CostedPolicy", "info");
    Path experiment = config != null ? config
        : Path.of(System.getProperty("laimark.home", ".")).resolve("config/experiments/simulated.conf");
    Path work = Files.createTempDirectory("laimark-bench-pipeline");
    if (!mix.equals("study-like") && !mix.equals("uniform")) {
      throw new UserInputException("--workload: must be study-like or uniform, got '" + mix + "'");
    }
    boolean studyLike = mix.equals("study-like");
    Map<String, Object> workload = new java.util.LinkedHashMap<>();
    workload.put("laimark.pipeline.simulated.policy-latency", policyLatency + "ms");
    workload.put("laimark.pipeline.simulated.policy-per-sequence", perSequence + "ms");
    workload.put("laimark.pipeline.simulated.sandbox-latency", sandboxLatency + "ms");
    workload.put("laimark.pipeline.simulated.sandbox-workers", sandboxWorkers);
    workload.put("laimark.pipeline.simulated.solved-always-fraction", studyLike ? 0.6 : 0.0);
    workload.put("laimark.pipeline.simulated.solved-never-fraction", studyLike ? 0.15 : 0.0);
    workload.put("laimark.pipeline.evaluation.every-rounds", 0);
    workload.put("laimark.pipeline.evaluation.at-start", false);
    workload.put("laimark.pipeline.staged.problems", stagedProblems);
    // One pass over the kept problems, as the continuous mode trains each fresh problem once: the two
    // modes then do the same training work per accepted problem (the study's 2 epochs would double it).
    workload.put("laimark.pipeline.staged.epochs", 1);
    workload.put("laimark.pipeline.staged.rounds", 1000);
    // Warm-up (discarded): class loading and JIT would otherwise be charged to whichever run goes first.
    PipelineBenchmark.run("warm-up", experiment, work.resolve("warm-up"), Duration.ofSeconds(15),
        with(workload, "laimark.pipeline.mode", "continuous"));
    Result continuous = PipelineBenchmark.run("continuous", experiment, work.resolve("continuous"), window,
        with(workload, "laimark.pipeline.mode", "continuous"));
    Result staged = PipelineBenchmark.run("staged", experiment, work.resolve("staged"), window,
        with(workload, "laimark.pipeline.mode", "staged"));
    Result fixedK = PipelineBenchmark.run("fixed K", experiment, work.resolve("fixed-k"), window,
        with(with(workload, "laimark.pipeline.mode", "continuous"), "laimark.pipeline.calibrator.adaptive.enabled", false));
    System.out.printf(Locale.ROOT, "%nlaimark bench pipeline - SIMULATED workload (%s pass rates; simulated policy"
        + " %d ms/call + %d ms/sequence, simulated sandbox %d ms/job on %d workers), %s per run, runs in %s%n%n",
        mix, policyLatency, perSequence, sandboxLatency, sandboxWorkers, window, work);
    System.out.printf(Locale.ROOT, "%-34s %12s %12s %10s%n", "", "continuous", "staged", "ratio");
    System.out.printf(Locale.ROOT, "%-34s %12.1f %12.1f %9.2fx   (target >= 1.5x)%n", "accepted problems / minute",
        continuous.acceptedPerMinute(), staged.acceptedPerMinute(), continuous.acceptedPerMinute() / staged.acceptedPerMinute());
    System.out.printf(Locale.ROOT, "%-34s %12s %12s %10s%n", "", "adaptive K", "fixed K", "ratio");
    System.out.printf(Locale.ROOT, "%-34s %12.2f %12.2f %9.2fx   (target <= 0.6x)%n", "calibration samples / accepted",
        continuous.samplesPerAccepted(), fixedK.samplesPerAccepted(), continuous.samplesPerAccepted() / fixedK.samplesPerAccepted());
    System.out.printf(Locale.ROOT, "%-34s %12.3f %12.3f %10s%n", "accepted / calibrated",
        continuous.keptShare(), fixedK.keptShare(), "");
    System.out.printf(Locale.ROOT, "%-34s %12.3f %12.3f %10s   (true pass rate at the calibrating version in [lo, hi])%n",
        "precision of accepted", continuous.precision(), fixedK.precision(), "");
    System.out.printf(Locale.ROOT, "%-34s %12.3f %12.3f %10s   (truly learnable calibrated problems accepted)%n",
        "recall", continuous.recall(), fixedK.recall(), "");
    System.out.printf(Locale.ROOT, "%-34s %12s %12s %10s   (of accepted problems the trainer used;"
        + " adaptive.enabled = false also stops the trainer retiring on fewer than K samples)%n",
        "trainer: retired within 1 round", share(continuous.retiredEarly(), continuous.acceptedSeenByTrainer()),
        share(fixedK.retiredEarly(), fixedK.acceptedSeenByTrainer()), "");
    System.out.printf(Locale.ROOT, "%-34s %12s %12s %10s   (all rewards equal: no GRPO signal)%n",
        "trainer: first group without signal", share(continuous.firstGroupsWithoutSignal(), continuous.acceptedSeenByTrainer()),
        share(fixedK.firstGroupsWithoutSignal(), fixedK.acceptedSeenByTrainer()), "");
    System.out.printf(Locale.ROOT, "%-34s %12s %12s %10s   (only then do its rollouts add to the calibration"
        + " evidence)%n", "trainer: first round same version",
        share(continuous.firstRoundsSameVersion(), continuous.acceptedSeenByTrainer()),
        share(fixedK.firstRoundsSameVersion(), fixedK.acceptedSeenByTrainer()), "");
    CalibrationCost.Comparison draws = sameDraws(experiment, studyLike);
    CalibrationCost.Side a = draws.adaptive();
    CalibrationCost.Side f = draws.fixed();
    System.out.printf(Locale.ROOT, "  same sample draws, %d problems of this mix (%d truly in the window), first GRPO"
        + " round of G = %d:%n", draws.problems(), draws.inWindow(), draws.groupSize());
    System.out.printf(Locale.ROOT, "%-34s %12.2f %12.2f %9.2fx   (target <= 0.6x)%n", "  samples / kept",
        a.samplesPerKept(), f.samplesPerKept(), draws.ratio());
    System.out.printf(Locale.ROOT, "%-34s %12d %12d %9.2fx%n", "  kept", a.kept(), f.kept(),
        (double) a.kept() / f.kept());
    System.out.printf(Locale.ROOT, "%-34s %12.3f %12.3f %10s   (true p in [lo, hi])%n", "  precision",
        a.precision(), f.precision(), "");
    System.out.printf(Locale.ROOT, "%-34s %12.3f %12.3f %10s   (truly learnable problems kept)%n", "  recall",
        a.recall(draws.inWindow()), f.recall(draws.inWindow()), "");
    System.out.printf(Locale.ROOT, "%-34s %12.3f %12.3f %10s   (expected, from true p)%n",
        "  first GRPO group has a signal", a.signalShare(), f.signalShare(), "");
    System.out.printf(Locale.ROOT, "%-34s %12.3f %12.3f %10s%n", "  retired after the first round",
        a.retiredShare(), f.retiredShare(), "");
    System.out.printf(Locale.ROOT, "%-34s %12.3f %12.3f %10s   (decisions agree %.1f%%, clear cases %d/%d)%n",
        "  precision after the first round", a.survivorPrecision(), f.survivorPrecision(), "",
        100.0 * draws.agreed() / draws.problems(), draws.clearAgreed(), draws.clearProblems());
    System.out.printf(Locale.ROOT, "%n(in the window: accepted continuous %d, staged %d, fixed K %d; calibrated %d, %d, %d;"
        + " samples %d, %d, %d; GRPO rounds %d, %d, %d)%n",
        continuous.accepted(), staged.accepted(), fixedK.accepted(),
        continuous.calibrated(), staged.calibrated(), fixedK.calibrated(),
        continuous.calibrationSamples(), staged.calibrationSamples(), fixedK.calibrationSamples(),
        continuous.rounds(), staged.rounds(), fixedK.rounds());
    System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
    return 0;
  }

  /** Fixed vs adaptive K on one seeded sequence of samples per problem (the run's calibrator settings). */
  private static CalibrationCost.Comparison sameDraws(Path experiment, boolean studyLike) {
    Config config = ConfigFactory.parseFile(experiment.toFile()).withFallback(LaimarkConfig.defaults()).resolve();
    CalibratorSettings settings = CalibratorSettings.fromConfig(config);
    int groupSize = TrainerSettings.fromConfig(config).groupSize();
    List<Double> rates = studyLike ? CalibrationCost.studyLikeWorkload(20_000, 1)
        : CalibrationCost.uniformWorkload(20_000, 1);
    return CalibrationCost.compare(settings, groupSize, rates, 3);
  }

  private static String share(long part, long whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%d/%d %.2f", part, whole, (double) part / whole);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> out = new java.util.LinkedHashMap<>(base);
    out.put(key, value);
    return out;
  }
}
