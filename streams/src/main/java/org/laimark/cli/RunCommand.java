package org.laimark.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.laimark.actors.bank.CorruptJournalException;
import org.laimark.actors.bank.JournalInvariantViolation;
import org.laimark.report.RunReport;
import org.laimark.streams.PipelineDaemon;
import org.laimark.streams.RunConfiguration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code laimark run}: the self-improvement loop as a daemon. Starts a new run (or resumes one), shows live
 * progress, and on SIGTERM/Ctrl-C or a limit drains in-flight work, checkpoints and exits 0.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the self-improvement pipeline (generate, verify, dedup, calibrate, train, evaluate)"
        + " continuously or staged, durably: kill it at any moment and --resume it.")
public final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Experiment file (HOCON) layered over the defaults, e.g. config/experiments/simulated.conf.")
  Path config;

  @Option(names = "--run-dir", paramLabel = "DIR",
      description = "Directory for the new run (default: laimark.pipeline.run.runs-directory/<timestamp>).")
  Path runDir;

  @Option(names = "--resume", paramLabel = "DIR",
      description = "Resume the run in DIR with its own configuration (config.conf in DIR).")
  Path resume;

  @Option(names = "--max-duration", paramLabel = "D",
      description = "Stop gracefully after this long (ISO-8601 like PT10M, or 90s / 10m / 2h).")
  String maxDuration;

  @Option(names = "--max-rounds", paramLabel = "N", description = "Stop gracefully after N GRPO rounds.")
  Long maxRounds;

  @Override
  public Integer call() {
    if (resume != null && (config != null || runDir != null)) {
      throw new UserInputException("--resume DIR continues a run with its own configuration and directory;"
          + " it cannot be combined with --config or --run-dir");
    }
    Map<String, Object> overrides = new LinkedHashMap<>();
    if (maxDuration != null) {
      overrides.put("laimark.pipeline.run.max-duration", parseDuration(maxDuration).toMillis() + "ms");
    }
    if (maxRounds != null) {
      if (maxRounds < 0) {
        throw new UserInputException("--max-rounds: must be 0 (no limit) or a positive integer, got " + maxRounds);
      }
      overrides.put("laimark.pipeline.run.max-rounds", maxRounds);
    }
    RunConfiguration run = resume != null
        ? RunConfiguration.resume(resume, overrides)
        : RunConfiguration.create(config, runDir, overrides);
    try {
      int exit = PipelineDaemon.run(run);
      Path report = RunReport.write(run.run().root());
      spec.commandLine().getOut().println("report: " + report);
      spec.commandLine().getOut().flush();
      return exit;
    } catch (CorruptJournalException | JournalInvariantViolation e) {
      // Never repaired silently: the operator decides (restore a backup, or move the file aside).
      throw new UserInputException(e.getMessage(), e);
    }
  }

  static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase();
    try {
      if (t.startsWith("p")) {
        return Duration.parse(text.trim().toUpperCase());
      }
      long amount = Long.parseLong(t.substring(0, t.length() - 1));
      switch (t.charAt(t.length() - 1)) {
        case 's':
          return Duration.ofSeconds(amount);
        case 'm':
          return Duration.ofMinutes(amount);
        case 'h':
          return Duration.ofHours(amount);
        default:
          break;
      }
    } catch (RuntimeException e) {
      // fall through to the one error message below
    }
    throw new UserInputException("--max-duration: expected a duration like 90s, 10m, 2h or PT10M, got '" + text + "'");
  }
}
