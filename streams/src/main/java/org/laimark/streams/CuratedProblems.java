package org.laimark.streams;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
 * @param problems the problems in the order the run takes them
 */
public record CuratedProblems(String origin, List<Problem> problems) {

  /**
   * The curated problems of a run's settings, in file order or (problem-order = seeded) permuted with
   * {@code seed}, or null when the policy writes them. The order is a function of the settings alone, so a
   * resumed run continues the same sequence.
   */
  public static CuratedProblems of(RunSettings run, long seed) {
    CuratedProblems curated;
    if (run.source().equals("mbpp-train")) {
      curated = new CuratedProblems("curated:mbpp-train", mbppTrain());
    } else if (run.source().equals("problem-file")) {
      curated = new CuratedProblems("curated:" + Path.of(run.problemFile()).getFileName(), file(run.problemFile()));
    } else {
      return null;
    }
    if (run.problemOrder().equals("seeded")) {
      List<Problem> permuted = new ArrayList<>(curated.problems());
      Collections.shuffle(permuted, new Random(seed));
      curated = new CuratedProblems(curated.origin(), List.copyOf(permuted));
    }
    return curated;
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
