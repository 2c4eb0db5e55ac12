package org.laimark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.laimark.report.RunDirectoryException;
import org.laimark.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code laimark report RUN_DIR}: writes {@code RUN_DIR/report/report.md} and its PNG charts from the run's
 * journal (read only; safe while the run is going). A missing or damaged run is one line and exit 2.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Write a run's report (RUN_DIR/report/report.md and PNG charts): held-out pass@1 by policy"
        + " version, acceptance funnel, pass-rate histogram, task-type mix, format-error rate.")
public final class ReportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RUN_DIR", description = "The run directory (holds journal.log).")
  Path runDir;

  @Override
  public Integer call() {
    try {
      Path md = RunReport.write(runDir);
      System.out.println("laimark report: wrote " + md + " and its charts");
      return 0;
    } catch (RunDirectoryException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }
}
