package org.laimark.actors.bank;

/**
 * The journal (or a snapshot) cannot be trusted: a record in the middle of the file fails its check. The
 * message names the file and the byte offset, and says that nothing was truncated, so the operator decides.
 */
public final class CorruptJournalException extends RuntimeException {
  public CorruptJournalException(String message) {
    super(message);
  }

  public CorruptJournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
