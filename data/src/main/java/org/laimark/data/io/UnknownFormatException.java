package org.laimark.data.io;

/**
 * A problem file whose records match none of the formats this version reads. The message names the
 * file and line and lists the formats with the fields each one needs.
 */
public final class UnknownFormatException extends RuntimeException {
  public UnknownFormatException(String message) {
    super(message);
  }
}
