package org.laimark.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.laimark.actors.pipeline.HeldOutEvaluation;

/**
 * {@code RUN_DIR/paper-table-evaluation.json}: a held-out score the paper table measured itself (the base
 * row, or a run's unevaluated last version). Kept out of the journal on purpose: the journal is the run's
 * own record, written only by its bank.
 */
final class EvaluationFile {

  static final String NAME = "paper-table-evaluation.json";

  private EvaluationFile() {}

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
