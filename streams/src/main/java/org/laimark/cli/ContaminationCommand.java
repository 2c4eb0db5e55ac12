package org.laimark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.laimark.actors.eval.ContaminationGuard;
import org.laimark.actors.eval.EvalInputException;
import org.laimark.config.EvalSettings;
import org.laimark.config.LaimarkConfig;
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
 * {@code laimark contamination}: for each problem, the closest benchmark problem and whether it is too close
 * to train on (docs/contamination.md). One JSON line per problem: {@code id}, {@code nearest}, {@code score},
 * {@code evidence}, {@code flagged}. Bad lines of the problem file are reported one per line and the rest is still checked
 * (exit code 2 then).
 */
@Command(
    name = "contamination",
    mixinStandardHelpOptions = true,
    description = "Check problems for n-gram overlap with evaluation benchmarks (HumanEval, MBPP).")
public final class ContaminationCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--problems", required = true, paramLabel = "FILE",
      description = "Problems to check: a JSONL file (study, HumanEval or MBPP format), or one of the shipped"
          + " datasets seed, humaneval, mbpp.")
  String problems;

  @Option(names = "--against", split = ",", paramLabel = "NAME",
      description = "Benchmarks to check against: humaneval, mbpp (all 974), mbpp-test, or a problem file"
          + " (default: laimark.eval.contamination.against).")
  List<String> against;

  @Option(names = "--out", paramLabel = "FILE.jsonl",
      description = "Write the report here (default: standard output).")
  Path out;

  @Option(names = "--threshold", paramLabel = "T",
      description = "Flag scores above T (default: laimark.eval.contamination.threshold).")
  Double threshold;

  @Option(names = "--config", paramLabel = "FILE", description = "Experiment file (HOCON) over the defaults.")
  Path config;

  @Override
  public Integer call() {
    Map<String, Object> overrides = new LinkedHashMap<>();
    if (threshold != null) {
      overrides.put("laimark.eval.contamination.threshold", threshold);
    }
    EvalSettings.Contamination settings =
        EvalSettings.fromConfig(LaimarkConfig.load(config, overrides)).contamination();
    List<String> benchmarks = against != null ? against : settings.against();
    ReadResult<Problem> read = readProblems(problems);
    ContaminationGuard guard;
    try {
      guard = ContaminationGuard.against(benchmarks, settings);
    } catch (EvalInputException e) {
      throw new UserInputException(e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    read.errors().forEach(e -> err.println("laimark: " + e));
    List<ContaminationGuard.Match> matches = new ArrayList<>();
    read.items().forEach(p -> matches.add(guard.nearest(p)));
    write(matches);
    long flagged = matches.stream().filter(ContaminationGuard.Match::flagged).count();
    err.printf(Locale.ROOT, "%d problems checked against %s: %d flagged (score > %.2f with evidence >= %.0f)%s%n",
        matches.size(), String.join(",", benchmarks), flagged, guard.threshold(), guard.minEvidence(),
        read.errors().isEmpty() ? "" : "; " + read.errors().size() + " line(s) could not be read");
    err.flush();
    return read.errors().isEmpty() ? 0 : 2;
  }

  private static ReadResult<Problem> readProblems(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "seed":
        return Datasets.problems(ProblemFormat.SEED);
      case "humaneval":
        return Datasets.problems(ProblemFormat.HUMANEVAL);
      case "mbpp":
        return Datasets.problems(ProblemFormat.MBPP);
      default:
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
          throw new UserInputException("--problems " + name
              + ": expected a problem file (JSONL) or one of seed, humaneval, mbpp");
        }
        try {
          return ProblemFiles.read(file, null);
        } catch (UnknownFormatException e) {
          throw new UserInputException(e.getMessage());
        }
    }
  }

  private void write(List<ContaminationGuard.Match> matches) {
    ObjectMapper json = new ObjectMapper();
    List<ObjectNode> lines = new ArrayList<>();
    for (ContaminationGuard.Match m : matches) {
      ObjectNode o = json.createObjectNode();
      o.put("id", m.id());
      o.put("nearest", m.nearest());
      o.put("score", Math.round(m.score() * 10000) / 10000.0);
      o.put("evidence", Math.round(m.evidence() * 10) / 10.0);
      o.put("flagged", m.flagged());
      lines.add(o);
    }
    if (out == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      lines.forEach(stdout::println);
      stdout.flush();
      return;
    }
    try {
      Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      try (JsonlAppender appender = JsonlAppender.open(tmp, false)) {
        for (ObjectNode line : lines) {
          appender.append(line);
        }
      }
      Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(out + ": cannot write: " + e.getMessage(), e);
    }
  }
}
