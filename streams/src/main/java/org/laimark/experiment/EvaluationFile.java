package org.laimark.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.laimark.actors.pipeline.HeldOutEvaluation;
import org.laimark.report.RunDirectoryException;

/**
 * A held-out score the paper table measured itself, in the run directory: {@code paper-table-evaluation.json}
 * (greedy: the base row, or a run's unevaluated last version) or {@code paper-table-sampled-evaluation.json}
 * ({@code --sampled}: the last version with several sampled answers per task). Kept out of the journal on
 * purpose: the journal is the run's own record, written only by its bank.
 */
final class EvaluationFile {

  static final String NAME = "paper-table-evaluation.json";
  static final String SAMPLED = "paper-table-sampled-evaluation.json";

  /** What a table reads back from a file: the version scored, its pass@1 and the answers drawn per task. */
  record Saved(long policyVersion, double passAt1, int answersPerTask) {}

  private EvaluationFile() {}

  /** The greedy score saved in {@code runDir}, or null when there is none. */
  static Saved read(Path runDir) {
    return read(runDir, NAME);
  }

  /** The score saved in {@code runDir}'s file {@code name}, or null when there is none. */
  static Saved read(Path runDir, String name) {
    Path file = runDir.resolve(name);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode json = new ObjectMapper().readTree(file.toFile());
      if (!json.path("policyVersion").canConvertToLong() || !json.path("passAt1").isNumber()) {
        throw new RunDirectoryException(file + ": expected the numbers policyVersion and passAt1");
      }
      return new Saved(json.get("policyVersion").asLong(), json.get("passAt1").asDouble(),
          json.path("answersPerTask").asInt(1));
    } catch (IOException e) {
      throw new RunDirectoryException(file + ": not readable JSON: " + e.getMessage());
    }
  }

  static void write(Path runDir, HeldOutEvaluation.Score score, String what) {
    write(runDir, NAME, score, 1, what);
  }

  static void write(Path runDir, String name, HeldOutEvaluation.Score score, int answersPerTask, String what) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("what", what);
    json.put("policyVersion", score.policyVersion());
    json.put("benchmark", score.benchmark());
    json.put("passed", score.passed());
    json.put("total", score.total());
    json.put("answersPerTask", answersPerTask);
    json.put("passAt1", score.passRate());
    try {
      Files.createDirectories(runDir);
      Files.writeString(runDir.resolve(name),
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(runDir.resolve(name) + ": cannot write: " + e.getMessage(), e);
    }
  }
}
