package org.laimark.report;

/**
 * A directory given as a run cannot be read as one (missing, no journal, a damaged journal or
 * configuration); the message is one line naming the path and what was expected.
 */
public final class RunDirectoryException extends RuntimeException {
  public RunDirectoryException(String message) {
    super(message);
  }

  public RunDirectoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
