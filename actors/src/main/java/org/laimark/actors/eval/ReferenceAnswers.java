package org.laimark.actors.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The benchmark's own reference solutions as the answers (one per task): HumanEval's canonical solutions,
 * MBPP's reference code, a problem file's {@code solution}. Shows what the data allows: a perfect model
 * scores exactly this.
 */
public final class ReferenceAnswers implements AnswerSource {

  @Override
  public int batchSize() {
    return 256;
  }

  @Override
  public List<String> answers(List<SampleKey> keys) {
    return keys.stream().map(k -> k.problem().solution()).toList();
  }

  @Override
  public ObjectNode identity() {
    return JsonNodeFactory.instance.objectNode().put("kind", "reference");
  }
}
