package org.laimark.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.laimark.experiment.PaperTable;
import org.laimark.experiment.PaperTableSettings;
import org.laimark.report.RunDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code laimark experiment}: the study's experiments as commands. */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = "Run the study's experiments.",
    subcommands = {ExperimentCommand.PaperTableCommand.class})
public final class ExperimentCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand (paper-table)");
  }

  /**
   * {@code laimark experiment paper-table}: base, self-generated G=2 and G=4, curated, iteration and
   * task-type skew, each with N seeds, sequentially, each through the {@code laimark run} daemon in its own
   * run directory; writes the table with 95% t-intervals and a bar chart.
   */
  @Command(
      name = "paper-table",
      mixinStandardHelpOptions = true,
      description = "Run the study's configurations (base, selfgen-g2, selfgen-g4, curated, iteration, task-skew)"
          + " with N seeds each and write the table (mean held-out pass@1 with 95%% t-intervals, delta vs base,"
          + " non-degenerate group fraction) as markdown plus a PNG bar chart.")
  public static final class PaperTableCommand implements Callable<Integer> {

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "Seeds per configuration (default 3).")
    int seeds;

    @Option(names = "--config-dir", paramLabel = "DIR",
        description = "Directory of the experiment files (default: config/experiments of the laimark checkout).")
    Path configDir;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "docs/results.md",
        description = "The markdown table (default docs/results.md); the chart goes beside it as .png.")
    Path out;

    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs",
        description = "Parent of paper-table-<timestamp>/, which holds every run directory (default runs).")
    Path runsDir;

    @Option(names = "--max-rounds", paramLabel = "N", defaultValue = "0",
        description = "Stop each run after N GRPO rounds (0 = the experiment's own schedule).")
    long maxRounds;

    @Option(names = "--max-duration", paramLabel = "D", description = "Stop each run after this long (90s, 10m, PT1H).")
    String maxDuration;

    @Option(names = "--problems", paramLabel = "N", defaultValue = "0",
        description = "Candidates per staged round (staged.problems; 0 = the experiment's own).")
    int problems;

    @Option(names = "--rows", paramLabel = "NAME", split = ",",
        description = "Run only these configurations, e.g. base,selfgen-g4,curated (default: the study's six). Two"
            + " rows beyond the study run only when named: selfgen-supervised and curated-supervised (the staged"
            + " schedule with supervised rounds on the verified reference answers instead of GRPO).")
    List<String> rows;

    @Option(names = "--table-dir", paramLabel = "DIR",
        description = "The table's directory instead of a new runs/paper-table-<timestamp>/. An existing one is"
            + " continued: runs that ended there are measured, not run again; a run that did not end is resumed."
            + " Invocations with disjoint --rows or --only-seeds may share it; a last one writes the whole table.")
    Path tableDir;

    @Option(names = "--only-seeds", paramLabel = "K", split = ",",
        description = "Run only these of the seeds 1..N, e.g. 1,2 (default: all).")
    List<Integer> onlySeeds;

    @Option(names = "--sampled", paramLabel = "N", defaultValue = "0",
        description = "Also score each run's last version and the base with N sampled answers per held-out task"
            + " (laimark.pipeline.evaluation.temperature and top-p; sampling seed k for seed k's runs and base; the"
            + " share that pass is pass@1 of the sampling policy) and add that column; 0 = greedy only (default).")
    int sampled;

    @Option(names = "--simulated",
        description = "Run every configuration on the SIMULATED policy and sandbox (simulated.conf): seconds, not a model result.")
    boolean simulated;

    @Override
    public Integer call() {
      Duration duration = maxDuration == null ? null : RunCommand.parseDuration(maxDuration);
      PaperTableSettings settings;
      try {
        // The launcher names the checkout (laimark.home), so the shipped experiments are found from any directory.
        Path dir = configDir != null ? configDir
            : Path.of(System.getProperty("laimark.home", ".")).resolve("config/experiments");
        settings = new PaperTableSettings(seeds, dir, out, runsDir, maxRounds, duration, problems, simulated, rows,
            tableDir, onlySeeds, sampled);
      } catch (IllegalArgumentException e) {
        throw new UserInputException(e.getMessage(), e);
      }
      try {
        PaperTable.Result result = PaperTable.run(settings, System.out);
        System.out.println("laimark experiment paper-table: wrote " + result.markdown() + " and " + result.chart()
            + "; runs in " + result.directory());
        return result.outcomes().stream().allMatch(o -> o.failure().isEmpty()) ? 0 : 1;
      } catch (RunDirectoryException e) {
        throw new UserInputException(e.getMessage(), e);
      }
    }
  }
}
