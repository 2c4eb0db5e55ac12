package org.laimark.data.io;

/**
 * One JSON record does not have the shape its format requires. The message says which field and
 * what was expected; the reader adds the file and line.
 */
public final class InvalidRecordException extends RuntimeException {
  public InvalidRecordException(String message) {
    super(message);
  }
}
