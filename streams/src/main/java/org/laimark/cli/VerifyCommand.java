package org.laimark.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.laimark.actors.sandbox.SandboxService;
import org.laimark.actors.verify.ProblemVerifier;
import org.laimark.actors.verify.ResumePoint;
import org.laimark.actors.verify.Verification;
import org.laimark.actors.verify.VerificationRun;
import org.laimark.actors.verify.VerificationStatus;
import org.laimark.actors.verify.VerificationSummary;
import org.laimark.actors.verify.VerifierSettings;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.SandboxSettings;
import org.laimark.data.Problem;
import org.laimark.data.io.Datasets;
import org.laimark.data.io.JsonlAppender;
import org.laimark.data.io.ProblemFiles;
import org.laimark.data.io.ProblemFormat;
import org.laimark.data.io.ReadResult;
import org.laimark.data.io.UnknownFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code laimark verify}: checks every problem of a file (or of a shipped dataset) in the sandbox
 * and writes one JSONL row per input line, in input order; an interrupted run resumes from its
 * {@code --out}. Exit code 0 when every problem verified, 1 when some did not, 2 for unusable
 * input.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Verify problems in the sandbox: the reference solution must pass its tests in every world"
            + " (clock moved by 12 h and by 1..N days; two more hash seeds), the tests must judge"
            + " each program the same way in all of them, and they must reject trivial solutions"
            + " (return None, 0, [], '', True, False, or the first argument). Writes one JSONL row"
            + " per input line (id, status, detail, findings) and prints a summary. Exit code: 0"
            + " all verified, 1 some not, 2 unusable input.")
public final class VerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--problems",
      required = true,
      paramLabel = "FILE|seed|humaneval|mbpp",
      description =
          "Problem file (JSONL, gzip allowed), or the name of a dataset shipped with laimark.")
  String problems;

  @Option(
      names = "--format",
      paramLabel = "seed|humaneval|mbpp",
      description = "Format of FILE; recognised from its first record when omitted.")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE.jsonl",
      description =
          "Write the rows here, resuming a run whose rows it already holds; without it the rows"
              + " go to stdout and the report to stderr.")
  Path out;

  @Option(names = "--fresh", description = "Start --out afresh instead of resuming it.")
  boolean fresh;

  @Option(
      names = "--days",
      defaultValue = "6",
      paramLabel = "N",
      description = "Clock shifts of 1..N days (6 sees every weekday). Default: ${DEFAULT-VALUE}.")
  int days;

  @Option(
      names = "--parallel",
      defaultValue = "4",
      paramLabel = "N",
      description = "Problems verified at once. Default: ${DEFAULT-VALUE}.")
  int parallel;

  @Option(names = "--limit", paramLabel = "N", description = "Verify only the first N input lines.")
  Integer limit;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Experiment file (HOCON) over the defaults.")
  Path config;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Sandbox workers (laimark.sandbox.pool.workers).")
  Integer workers;

  @Override
  public Integer call() throws Exception {
    checkOptions();
    ReadResult<Problem> read = readProblems();
    List<VerificationRun.Entry> entries = VerificationRun.entries(read);
    if (limit != null && limit < entries.size()) {
      entries = entries.subList(0, limit);
    }
    // Rows on stdout push the human report to stderr; with --out the report is the stdout.
    PrintWriter report = out == null ? spec.commandLine().getErr() : spec.commandLine().getOut();
    Map<String, Object> overrides = new LinkedHashMap<>();
    if (workers != null) {
      overrides.put("laimark.sandbox.pool.workers", workers.toString());
    }
    SandboxSettings sandboxSettings =
        SandboxSettings.fromConfig(LaimarkConfig.load(config, overrides));
    VerifierSettings settings = VerifierSettings.standard(days);
    long started = System.nanoTime();
    VerificationSummary summary;
    try (SandboxService sandbox = SandboxService.start(sandboxSettings);
        Rows rows =
            out == null ? new Rows(null, spec.commandLine().getOut()) : Rows.open(out, fresh)) {
      ResumePoint resume =
          out == null
              ? new ResumePoint(0, new VerificationSummary())
              : resume(read.file(), entries, rows);
      summary = resume.summary();
      new VerificationRun(new ProblemVerifier(sandbox, settings), parallel)
          .run(
              read.file(),
              entries.subList(resume.done(), entries.size()),
              (row, v) -> record(row, v, rows, resume, report));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    report.printf(
        Locale.ROOT,
        "%s; %.1f s, %.0f runs/s%n",
        summary.format(),
        seconds,
        summary.runs() / Math.max(seconds, 1e-9));
    report.flush();
    return summary.count(VerificationStatus.VERIFIED) == summary.total() ? 0 : 1;
  }

  private void checkOptions() {
    if (days < 0 || days > 366) {
      throw new UserInputException("--days: must be between 0 and 366, got " + days);
    }
    if (parallel < 1) {
      throw new UserInputException("--parallel: must be positive, got " + parallel);
    }
    if (limit != null && limit < 1) {
      throw new UserInputException("--limit: must be positive, got " + limit);
    }
    if (fresh && out == null) {
      throw new UserInputException("--fresh: only with --out");
    }
  }

  /** A file, or a shipped dataset when no such file exists and the name is a dataset's. */
  private ReadResult<Problem> readProblems() {
    ProblemFormat given = null;
    if (format != null) {
      given = ProblemFormat.fromWireName(format);
      if (given == null) {
        throw new UserInputException(
            "--format: must be seed, humaneval or mbpp, got '" + format + "'");
      }
    }
    Path file = Path.of(problems);
    ProblemFormat dataset = ProblemFormat.fromWireName(problems);
    if (!Files.exists(file) && dataset != null) {
      return Datasets.problems(dataset);
    }
    if (!Files.isRegularFile(file)) {
      throw new UserInputException(
          problems + ": no such file (nor a shipped dataset: seed, humaneval, mbpp)");
    }
    try {
      return ProblemFiles.read(file, given);
    } catch (UnknownFormatException e) {
      throw new UserInputException(e.getMessage() + "; name it with --format", e);
    }
  }

  private ResumePoint resume(String file, List<VerificationRun.Entry> entries, Rows rows) {
    try {
      ResumePoint resume = ResumePoint.of(out, file, entries);
      if (rows.dropped() > 0 || resume.done() > 0) {
        spec.commandLine()
            .getErr()
            .printf(
                "laimark: resuming %s: %d of %d rows already written%s%n",
                out,
                resume.done(),
                entries.size(),
                rows.dropped() > 0
                    ? " (cut an unfinished last line of " + rows.dropped() + " bytes)"
                    : "");
      }
      return resume;
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  private static void record(
      ObjectNode row, Verification v, Rows rows, ResumePoint resume, PrintWriter report)
      throws IOException {
    rows.write(row);
    resume.summary().add(v.status(), v.runs());
    if (v.status() != VerificationStatus.VERIFIED) {
      report.println(describe(v));
      report.flush();
    }
  }

  private static String describe(Verification v) {
    return String.format(Locale.ROOT, "%-17s %s: %s", v.status().wireName(), v.id(), v.detail());
  }

  /** Where rows go: a crash-safe appender on --out, or stdout. */
  private static final class Rows implements AutoCloseable {
    private final JsonlAppender file;
    private final PrintWriter stdout;

    Rows(JsonlAppender file, PrintWriter stdout) {
      this.file = file;
      this.stdout = stdout;
    }

    static Rows open(Path out, boolean fresh) throws IOException {
      if (fresh) {
        Files.deleteIfExists(out);
      }
      return new Rows(JsonlAppender.open(out, true), null);
    }

    long dropped() {
      return file == null ? 0 : file.droppedBytes();
    }

    void write(ObjectNode row) throws IOException {
      if (file != null) {
        file.append(row);
      } else {
        stdout.println(row.toString());
        stdout.flush();
      }
    }

    @Override
    public void close() throws IOException {
      if (file != null) {
        file.close();
      }
    }
  }
}
