package org.laimark.actors.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/** Answers read from a samples file ({@link SamplesFile}). */
public final class SamplesFileAnswers implements AnswerSource {
  private final SamplesFile.Samples samples;
  private final String sha256;

  public SamplesFileAnswers(SamplesFile.Samples samples, Path file) {
    this.samples = samples;
    this.sha256 = FileDigest.sha256(file);
  }

  public int n() {
    return samples.n();
  }

  @Override
  public int batchSize() {
    return 256;
  }

  @Override
  public List<String> answers(List<SampleKey> keys) {
    return keys.stream().map(samples::completion).toList();
  }

  @Override
  public ObjectNode identity() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("kind", "samples");
    o.put("file", samples.file());
    o.put("sha256", sha256);
    return o;
  }
}
