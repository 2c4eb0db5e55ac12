package org.laimark.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a run's report: {@code RUN_DIR/report/report.md} and its PNG charts (held-out pass@1 over policy
 * versions, the acceptance funnel and rejections by reason, the pass-rate histogram of accepted problems,
 * the task-type mix of what was trained, the format-error rate per version). Reads the journal and
 * {@code config.conf} only (never writes them), so it can run beside a live run; the report reflects the
 * records durable when it was read. A SIMULATED run says so in the title and in every chart.
 */
public final class RunReport {

  public static final String DIRECTORY = "report";
  public static final String MARKDOWN = "report.md";

  private RunReport() {}

  /**
   * Writes the report and returns the path of {@code report.md}.
   *
   * @throws RunDirectoryException when {@code runDir} is missing, is not a run, or its journal is damaged
   */
  public static Path write(Path runDir) {
    RunFacts facts = RunFactsReader.read(runDir);
    Path dir = runDir.resolve(DIRECTORY);
    try {
      Files.createDirectories(dir);
      ReportCharts.drawAll(facts, dir);
      Path md = dir.resolve(MARKDOWN);
      Path tmp = dir.resolve(MARKDOWN + ".tmp");
      Files.writeString(tmp, ReportMarkdown.of(facts), StandardCharsets.UTF_8);
      Files.move(tmp, md, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return md;
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot write the report: " + e.getMessage(), e);
    }
  }
}
