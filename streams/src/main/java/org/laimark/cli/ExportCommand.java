package org.laimark.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.laimark.actors.bank.CorruptJournalException;
import org.laimark.actors.bank.CurriculumExport;
import org.laimark.actors.bank.JournalInvariantViolation;
import org.laimark.actors.bank.RunDirectory;
import org.laimark.data.Problem;
import org.laimark.data.io.ProblemJsonl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code laimark export RUN_DIR --out FILE.jsonl}: the run's curriculum (every accepted problem, active or
 * retired) as problem records in the study's JSONL format (see {@link CurriculumExport}). Never overwrites:
 * an existing {@code --out} is an error.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write a run's curriculum (every problem calibration accepted, with its pass rate, window and"
        + " life in the bank) as a JSONL problem file, usable as laimark.pipeline.problem-file.")
public final class ExportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RUN_DIR", description = "The run directory (holds journal.log).")
  Path runDir;

  @Option(names = "--out", required = true, paramLabel = "FILE.jsonl", description = "The file to write (must not exist).")
  Path out;

  @Override
  public Integer call() {
    RunDirectory run = new RunDirectory(runDir);
    if (!run.exists()) {
      throw new UserInputException(runDir + ": not a run directory (no journal.log in it)");
    }
    if (Files.exists(out)) {
      throw new UserInputException("--out " + out + ": already exists (export never overwrites a file)");
    }
    List<Problem> curriculum;
    try {
      curriculum = CurriculumExport.read(run);
    } catch (CorruptJournalException | JournalInvariantViolation e) {
      throw new UserInputException(e.getMessage(), e);
    }
    try (ProblemJsonl.Appender file = ProblemJsonl.appender(out, true)) {
      for (Problem p : curriculum) {
        file.append(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + out + ": cannot write: " + e.getMessage(), e);
    }
    long retired = curriculum.stream().filter(CurriculumExport::retired).count();
    System.out.printf("laimark export: wrote %d problems (%d active, %d retired) to %s%n",
        curriculum.size(), curriculum.size() - retired, retired, out);
    return 0;
  }
}
