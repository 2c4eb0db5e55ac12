package org.laimark.actors.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Where the answers being scored come from: a samples file, the benchmark's own reference solutions, or a
 * model generating them. Asked in batches, only for samples not yet in the results file.
 */
public interface AnswerSource {

  /** How many samples to ask for at once. */
  int batchSize();

  /** One answer per key, in key order. */
  List<String> answers(List<SampleKey> keys);

  /**
   * What produced the answers, for {@code summary.json} and for recognising a resumed run: a samples file
   * and its SHA-256, a model and adapter with their hashes and sampling parameters, or the references.
   */
  ObjectNode identity();
}
