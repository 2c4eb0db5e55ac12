package org.laimark.model;

/**
 * A model file (config.json, weights, tokenizer, chat template, adapter) is missing or malformed.
 * The message is one line that names the file (and tensor or key) and says what was expected, so
 * the CLI can print it as is.
 */
public final class CheckpointException extends RuntimeException {

  public CheckpointException(String message) {
    super(message);
  }

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
