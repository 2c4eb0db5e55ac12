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
 * {@code RUN_DIR/paper-table-evaluation.json}: a held-out score the paper table measured itself (the base
 * row, or a run's unevaluated last version). Kept out of the journal on purpose: the journal is the run's
 * own record, written only by its bank.
 */
final class EvaluationFile {

  static final String NAME = "paper-table-evaluation.json";

  /** What a table reads back from the file: the version scored and its pass@1. */
  record Saved(long policyVersion, double passAt1) {}

  private EvaluationFile() {}

  /** The score saved in {@code runDir}, or null when there is none. */
  static Saved read(Path runDir) {
    Path file = runDir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode json = new ObjectMapper().readTree(file.toFile());
      if (!json.path("policyVersion").canConvertToLong() || !json.path("passAt1").isNumber()) {
        throw new RunDirectoryException(file + ": expected the numbers policyVersion and passAt1");
      }
      return new Saved(json.get("policyVersion").asLong(), json.get("passAt1").asDouble());
    } catch (IOException e) {
      throw new RunDirectoryException(file + ": not readable JSON: " + e.getMessage());
    }
  }

  static void write(Path runDir, HeldOutEvaluation.Score score, String what) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("what", what);
    json.put("policyVersion", score.policyVersion());
    json.put("benchmark", score.benchmark());
    json.put("passed", score.passed());
    json.put("total", score.total());
    json.put("passAt1", score.passRate());
    try {
      Files.createDirectories(runDir);
      Files.writeString(runDir.resolve(NAME),
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(runDir.resolve(NAME) + ": cannot write: " + e.getMessage(), e);
    }
  }
}
