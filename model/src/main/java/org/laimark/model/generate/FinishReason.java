package org.laimark.model.generate;

/** Why a generation ended. */
public enum FinishReason {
  /** It produced one of its stop tokens (which is the last token of the generation). */
  STOP,
  /** It reached its max new tokens. */
  LENGTH
}
