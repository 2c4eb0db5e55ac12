package org.laimark.streams;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.laimark.config.InvalidSettingException;
import org.laimark.config.RunSettings;
import org.laimark.data.Problem;
import org.laimark.data.benchmark.MbppSplit;
import org.laimark.data.benchmark.MbppTask;
import org.laimark.data.io.Datasets;
import org.laimark.data.io.ProblemJsonl;
import org.laimark.data.io.ReadResult;

/**
 * Where a curated run's problems come from ({@code source = mbpp-train} or {@code problem-file}): a fixed
 * list, each problem then verified, deduplicated and calibrated like a written one. Never an evaluation
 * split: MBPP offers only its train split here, and a problem file's near-copies of the run's held-out set
 * are rejected by the verifier's held-out guard.
 *
 * @param origin what the journal records as the problems' origin ("curated:mbpp-train", "curated:FILE")
 * @param problems the problems in their file order
 */
public record CuratedProblems(String origin, List<Problem> problems) {

  /** The curated problems of a run's settings, or null when the policy writes them. */
  public static CuratedProblems of(RunSettings run) {
    if (run.source().equals("mbpp-train")) {
      return new CuratedProblems("curated:mbpp-train", mbppTrain());
    }
    if (run.source().equals("problem-file")) {
      return new CuratedProblems("curated:" + Path.of(run.problemFile()).getFileName(), file(run.problemFile()));
    }
    return null;
  }

  /** MBPP's train split (task ids 601-974). */
  static List<Problem> mbppTrain() {
    ReadResult<MbppTask> mbpp = Datasets.mbpp();
    if (!mbpp.clean()) {
      throw new IllegalStateException(mbpp.file() + ": " + mbpp.errors().get(0));
    }
    return mbpp.items().stream().filter(t -> t.split() == MbppSplit.TRAIN).map(MbppTask::toProblem)
        .collect(Collectors.toList());
  }

  /** A problem file in the study's JSONL; any bad line stops the run naming the file and line. */
  static List<Problem> file(String file) {
    if (file.isBlank()) {
      throw new InvalidSettingException("laimark.pipeline.problem-file: empty; source = problem-file needs a"
          + " problem file in the study's JSONL format");
    }
    ReadResult<Problem> read = ProblemJsonl.read(Path.of(file));
    if (!read.clean()) {
      throw new InvalidSettingException("laimark.pipeline.problem-file: " + read.errors().get(0));
    }
    return read.items();
  }
}
