package org.laimark.model.pretrain;

import java.nio.file.Path;
import org.laimark.model.train.TrainableLm;

/**
 * A freshly initialised model whose every weight trains (pre-training is not fine-tuning: there is no
 * frozen base) and which saves itself as a Hugging Face model directory.
 */
public interface PretrainableModel extends AutoCloseable {

  /** The model with all weights as {@link TrainableLm#trainableParameters()}. */
  TrainableLm trainable();

  /** Writes config.json and model.safetensors of the current weights. */
  void save(Path directory);

  /** What the card says the weights started from, e.g. "random(seed 42)". */
  String source();

  @Override
  void close();
}
