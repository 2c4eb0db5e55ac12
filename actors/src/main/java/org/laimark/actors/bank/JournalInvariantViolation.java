package org.laimark.actors.bank;

/**
 * The journal's records are readable but tell an impossible story (a problem trained before it was
 * accepted, a version published twice...). The message names the record's sequence number and the problem.
 */
public final class JournalInvariantViolation extends RuntimeException {
  private final long seq;

  public JournalInvariantViolation(long seq, String message) {
    super("journal record " + seq + ": " + message);
    this.seq = seq;
  }

  public long seq() {
    return seq;
  }
}
