package org.laimark.streams;

import java.util.List;
import org.laimark.actors.bank.BankEvent;
import org.laimark.data.Problem;

/**
 * A problem on its way through the stream: its bank id, the problem, and the events its last stage
 * produced (recorded by the next {@code record} stage before the problem moves on). A candidate that is
 * not {@code alive} was rejected: it is recorded and then dropped.
 */
public record Candidate(String id, Problem problem, List<BankEvent> events, boolean alive) {

  public Candidate {
    events = List.copyOf(events);
  }

  static Candidate registered(String id, Problem problem) {
    return new Candidate(id, problem, List.of(), true);
  }

  /** Nothing to carry on: only the events remain to be recorded (e.g. a proposal that did not parse). */
  static Candidate dropped(BankEvent event) {
    return new Candidate("", null, List.of(event), false);
  }

  Candidate passed(BankEvent event) {
    return new Candidate(id, problem, List.of(event), true);
  }

  /** Moves on with {@code updated}; {@code event} may be null (nothing to record). */
  Candidate passed(Problem updated, BankEvent event) {
    return new Candidate(id, updated, event == null ? List.of() : List.of(event), true);
  }

  Candidate rejected(BankEvent event) {
    return new Candidate(id, problem, List.of(event), false);
  }

  Candidate recorded() {
    return new Candidate(id, problem, List.of(), alive);
  }
}
