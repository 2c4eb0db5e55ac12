package org.laimark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
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

  @Option(names = "--policy-latency", paramLabel = "MS", defaultValue = "30",
      description = "Simulated cost of one policy call (a batch of samples or a training step), ms.")
  int policyLatency;

  @Option(names = "--sandbox-latency", paramLabel = "MS", defaultValue = "25",
      description = "Simulated cost of one sandbox job, ms (3 workers).")
  int sandboxLatency;

  @Option(names = "--config", paramLabel = "FILE", description = "Experiment file (default: config/experiments/simulated.conf).")
  Path config;

  @Override
  public Integer call() throws IOException {
    Duration window = RunCommand.parseDuration(duration);
    Path experiment = config != null ? config
        : Path.of(System.getProperty("laimark.home", ".")).resolve("config/experiments/simulated.conf");
    Path work = Files.createTempDirectory("laimark-bench-pipeline");
    Map<String, Object> workload = Map.of(
        "laimark.pipeline.simulated.policy-latency", policyLatency + "ms",
        "laimark.pipeline.simulated.sandbox-latency", sandboxLatency + "ms",
        "laimark.pipeline.evaluation.every-rounds", 0,
        "laimark.pipeline.staged.problems", 60,
        "laimark.pipeline.staged.rounds", 1000);
    // Warm-up (discarded): class loading and JIT would otherwise be charged to whichever run goes first.
    PipelineBenchmark.run("warm-up", experiment, work.resolve("warm-up"), Duration.ofSeconds(15),
        with(workload, "laimark.pipeline.mode", "continuous"));
    Result continuous = PipelineBenchmark.run("continuous", experiment, work.resolve("continuous"), window,
        with(workload, "laimark.pipeline.mode", "continuous"));
    Result staged = PipelineBenchmark.run("staged", experiment, work.resolve("staged"), window,
        with(workload, "laimark.pipeline.mode", "staged"));
    Result fixedK = PipelineBenchmark.run("fixed K", experiment, work.resolve("fixed-k"), window,
        with(with(workload, "laimark.pipeline.mode", "continuous"), "laimark.pipeline.calibrator.adaptive.enabled", false));
    System.out.printf(Locale.ROOT, "%nlaimark bench pipeline - SIMULATED workload (simulated policy %d ms/call,"
        + " simulated sandbox %d ms/job), %s per run, runs in %s%n%n", policyLatency, sandboxLatency, window, work);
    System.out.printf(Locale.ROOT, "%-34s %12s %12s %10s%n", "", "continuous", "staged", "ratio");
    System.out.printf(Locale.ROOT, "%-34s %12.1f %12.1f %9.2fx   (target >= 1.5x)%n", "accepted problems / minute",
        continuous.acceptedPerMinute(), staged.acceptedPerMinute(), continuous.acceptedPerMinute() / staged.acceptedPerMinute());
    System.out.printf(Locale.ROOT, "%-34s %12s %12s %10s%n", "", "adaptive K", "fixed K", "ratio");
    System.out.printf(Locale.ROOT, "%-34s %12.2f %12.2f %9.2fx   (target <= 0.6x)%n", "calibration samples / accepted",
        continuous.samplesPerAccepted(), fixedK.samplesPerAccepted(), continuous.samplesPerAccepted() / fixedK.samplesPerAccepted());
    System.out.printf(Locale.ROOT, "%n(accepted in window: continuous %d, staged %d, fixed K %d; samples: %d, %d, %d)%n",
        continuous.accepted(), staged.accepted(), fixedK.accepted(),
        continuous.calibrationSamples(), staged.calibrationSamples(), fixedK.calibrationSamples());
    return 0;
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> out = new java.util.LinkedHashMap<>(base);
    out.put(key, value);
    return out;
  }
}
