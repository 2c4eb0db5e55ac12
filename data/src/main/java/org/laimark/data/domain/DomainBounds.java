package org.laimark.data.domain;

import java.util.List;

/**
 * The sizes a domain value may have. Python's integers never overflow and its lists never run out; keeping
 * every intermediate value small keeps tests readable and the Java semantics exact (no long overflow).
 * An input whose evaluation leaves these bounds is not used for a test; it is never silently clipped.
 */
public final class DomainBounds {

  public static final long MAX_ABS_INT = 1_000_000L;
  public static final int MAX_LIST_LENGTH = 30;
  public static final int MAX_TEXT_LENGTH = 60;

  private DomainBounds() {}

  /** Raised when a value leaves the domain; the caller discards that input. */
  public static final class OutOfDomain extends RuntimeException {
    public OutOfDomain(String message) {
      super(message, null, false, false);
    }
  }

  public static void check(Object value) {
    if (value instanceof Long) {
      if (Math.abs((Long) value) > MAX_ABS_INT) {
        throw new OutOfDomain("integer " + value + " exceeds " + MAX_ABS_INT);
      }
    } else if (value instanceof String) {
      if (((String) value).length() > MAX_TEXT_LENGTH) {
        throw new OutOfDomain("text longer than " + MAX_TEXT_LENGTH);
      }
    } else if (value instanceof List) {
      List<?> items = (List<?>) value;
      if (items.size() > MAX_LIST_LENGTH) {
        throw new OutOfDomain("list longer than " + MAX_LIST_LENGTH);
      }
      for (Object item : items) {
        check(item);
      }
    }
  }
}
