package org.laimark.actors.bank;

import java.util.List;

/**
 * One journal record: events that became durable together (one fsync). {@code seq} counts records from 1
 * without gaps, so a lost or repeated record is visible to {@code audit}.
 */
public record JournalEntry(long seq, long writtenAtMillis, List<BankEvent> events) {
  public JournalEntry {
    events = List.copyOf(events);
  }
}
