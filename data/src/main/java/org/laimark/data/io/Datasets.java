package org.laimark.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.laimark.data.Problem;
import org.laimark.data.benchmark.HumanEvalReader;
import org.laimark.data.benchmark.HumanEvalTask;
import org.laimark.data.benchmark.MbppReader;
import org.laimark.data.benchmark.MbppTask;

/**
 * The datasets the project ships on its classpath (under {@code datasets/}, with their licences),
 * so a user needs nothing else: HumanEval (164, MIT), MBPP (974, CC-BY-4.0) and the study's
 * 22-problem seed curriculum (Apache-2.0). Errors name the resource as {@code
 * classpath:datasets/...}.
 */
public final class Datasets {
  public static final String HUMANEVAL = "datasets/humaneval/HumanEval.jsonl.gz";
  public static final String MBPP = "datasets/mbpp/mbpp.jsonl";
  public static final String SEED_CURRICULUM = "datasets/seed/calibrated_selfgen.jsonl";

  private Datasets() {}

  public static ReadResult<HumanEvalTask> humanEval() {
    try (InputStream in = open(HUMANEVAL)) {
      return HumanEvalReader.read(label(HUMANEVAL), in);
    } catch (IOException e) {
      throw unreadable(HUMANEVAL, e);
    }
  }

  public static ReadResult<MbppTask> mbpp() {
    try (InputStream in = open(MBPP)) {
      return MbppReader.read(label(MBPP), in);
    } catch (IOException e) {
      throw unreadable(MBPP, e);
    }
  }

  public static ReadResult<Problem> seedCurriculum() {
    try (InputStream in = open(SEED_CURRICULUM)) {
      return ProblemJsonl.read(label(SEED_CURRICULUM), in);
    } catch (IOException e) {
      throw unreadable(SEED_CURRICULUM, e);
    }
  }

  /** A shipped dataset as problems, by format name (humaneval, mbpp, seed). */
  public static ReadResult<Problem> problems(ProblemFormat format) {
    switch (format) {
      case HUMANEVAL:
        return humanEval().map(HumanEvalTask::toProblem);
      case MBPP:
        return mbpp().map(MbppTask::toProblem);
      default:
        return seedCurriculum();
    }
  }

  public static String label(String resource) {
    return "classpath:" + resource;
  }

  private static InputStream open(String resource) {
    InputStream in = Datasets.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(
          "the shipped dataset " + resource + " is missing from the classpath; rebuild the jar");
    }
    return in;
  }

  private static UncheckedIOException unreadable(String resource, IOException e) {
    return new UncheckedIOException(label(resource) + ": cannot read: " + e.getMessage(), e);
  }
}
