package org.laimark.data.io;

/**
 * A line of an input file that could not be used, and why. {@link #toString()} is the one-line
 * error a user sees: {@code FILE:LINE: what was wrong and what was expected}.
 *
 * @param file the file as the user named it (or {@code classpath:...} for shipped datasets)
 * @param line 1-based line number
 * @param message what was wrong and what was expected
 */
public record LineError(String file, int line, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
