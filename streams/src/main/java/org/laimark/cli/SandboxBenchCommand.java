package org.laimark.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.laimark.actors.sandbox.SandboxBenchmark;
import org.laimark.actors.sandbox.SandboxBenchmark.Measurement;
import org.laimark.actors.sandbox.SandboxBenchmark.Program;
import org.laimark.actors.sandbox.SandboxService;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.SandboxSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code laimark sandbox bench}: the pool against the original study's way (a fresh {@code python3
 * FILE} per execution, one after another) on the same programs, measured side by side in one run.
 * The last line is {@code speedup: <number>x} (executions per second on the program mix, pool over
 * baseline).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the sandbox pool against one fresh python3 per execution on the same programs.",
      "Prints executions/s and CPU ms per execution for both; the last line is `speedup:"
          + " <number>x`."
    })
final class SandboxBenchCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--executions",
      paramLabel = "N",
      defaultValue = "2000",
      description = "Pool executions per measurement (default: ${DEFAULT-VALUE}).")
  int executions;

  @Option(
      names = "--baseline-executions",
      paramLabel = "N",
      defaultValue = "210",
      description = "Baseline executions per measurement (default: ${DEFAULT-VALUE}).")
  int baselineExecutions;

  @Option(
      names = "--baseline-python",
      paramLabel = "PATH",
      defaultValue = "/usr/bin/python3",
      description =
          "Interpreter of the baseline (default: ${DEFAULT-VALUE}, the real binary, not a pyenv"
              + " shim).")
  Path baselinePython;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Sandbox workers (laimark.sandbox.pool.workers).")
  Integer workers;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Experiment file (HOCON) over the defaults.")
  Path config;

  @Override
  public Integer call() throws Exception {
    if (executions < 1 || baselineExecutions < 1) {
      throw new UserInputException(
          "--executions and --baseline-executions: expected positive counts, got "
              + executions
              + " and "
              + baselineExecutions);
    }
    if (!Files.isExecutable(baselinePython)) {
      throw new UserInputException(
          "--baseline-python: " + baselinePython + " is not an executable file");
    }
    Map<String, Object> overrides =
        workers == null ? Map.of() : Map.of("laimark.sandbox.pool.workers", workers.toString());
    SandboxSettings settings = SandboxSettings.fromConfig(LaimarkConfig.load(config, overrides));
    PrintWriter out = spec.commandLine().getOut();
    List<Program> mix = SandboxBenchmark.programs();
    List<Program> trivial = mix.subList(0, 1);
    int inFlight = 4 * settings.pool().workers();
    out.printf(
        "sandbox bench: isolation %s, %d workers, %s; baseline: a fresh `%s FILE` per execution,"
            + " one after another (the original study's way)%n",
        settings.isolation().name().toLowerCase(),
        settings.pool().workers(),
        settings.python(),
        baselinePython);
    out.printf(
        "programs: %s (all pass but wrong_median, which fails by design)%n%n",
        String.join(", ", mix.stream().map(Program::name).toList()));
    out.flush();
    Measurement baseTrivial =
        SandboxBenchmark.baseline(baselinePython, trivial, baselineExecutions);
    Measurement baseMix = SandboxBenchmark.baseline(baselinePython, mix, baselineExecutions);
    Measurement poolTrivial;
    Measurement poolMix;
    try (SandboxService sandbox = SandboxService.start(settings)) {
      poolTrivial = SandboxBenchmark.pool(sandbox, trivial, executions, inFlight);
      poolMix = SandboxBenchmark.pool(sandbox, mix, executions, inFlight);
    } catch (IllegalStateException unavailable) {
      spec.commandLine()
          .getErr()
          .println("laimark: sandbox unavailable: " + unavailable.getMessage());
      return 3;
    }
    out.printf("%-14s %-44s %s%n", "", "baseline (fresh interpreter, sequential)", "pool");
    row(out, "trivial", baseTrivial, poolTrivial);
    row(out, "program mix", baseMix, poolMix);
    out.printf(
        "pool warm-up until the JIT settled: %d + %d jobs; JIT compile time while measuring: %d +"
            + " %d ms%n",
        poolTrivial.warmUpExecutions(),
        poolMix.warmUpExecutions(),
        poolTrivial.jitMillis(),
        poolMix.jitMillis());
    boolean agree = baseMix.passedByProgram().equals(poolMix.passedByProgram());
    out.printf(
        "%nverdicts per program agree: %s (baseline %s, pool %s)%n",
        agree ? "yes" : "NO", baseMix.passedByProgram(), poolMix.passedByProgram());
    out.printf(
        "CPU per execution, trivial: %.1f ms baseline, %.1f ms pool (%.1f JVM + %.1f workers)%n",
        baseTrivial.cpuMillisPerExecution(),
        poolTrivial.cpuMillisPerExecution(),
        poolTrivial.jvmCpuMillisPerExecution(),
        poolTrivial.cpuMillisPerExecution() - poolTrivial.jvmCpuMillisPerExecution());
    out.printf(
        "CPU per execution, program mix: %.1f ms baseline, %.1f ms pool (%.1f JVM + %.1f"
            + " workers)%n",
        baseMix.cpuMillisPerExecution(),
        poolMix.cpuMillisPerExecution(),
        poolMix.jvmCpuMillisPerExecution(),
        poolMix.cpuMillisPerExecution() - poolMix.jvmCpuMillisPerExecution());
    out.printf("speedup: %.1fx%n", poolMix.perSecond() / baseMix.perSecond());
    out.flush();
    return agree ? 0 : 1;
  }

  private static void row(PrintWriter out, String label, Measurement base, Measurement pool) {
    out.printf("%-14s %-44s %s%n", label, describe(base), describe(pool));
  }

  private static String describe(Measurement m) {
    return String.format(
        "%d in %.1f s = %.0f exec/s, %.1f ms CPU each",
        m.executions(), m.seconds(), m.perSecond(), m.cpuMillisPerExecution());
  }
}
