package org.laimark.actors.eval;

import java.util.Locale;

/** How an answer relates to the stub it answers. */
public enum AnswerMode {
  /** A whole function definition (with any imports and helpers it needs). */
  FULL_FUNCTION,
  /** Only the body, indented to sit under the stub's {@code def}. */
  BODY,
  /** Decide per answer: {@link #FULL_FUNCTION} when it defines the entry point at column 0, else body. */
  AUTO;

  /** {@code full-function}, {@code body}, {@code auto}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses {@link #wireName()}; {@code null} when nothing matches. */
  public static AnswerMode fromWireName(String name) {
    for (AnswerMode mode : values()) {
      if (mode.wireName().equals(name)) {
        return mode;
      }
    }
    return null;
  }
}
