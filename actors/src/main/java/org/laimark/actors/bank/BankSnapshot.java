package org.laimark.actors.bank;

import java.util.List;
import java.util.Map;

/**
 * The bank's whole state after journal record {@code seq}, written with Kryo so recovery need not replay
 * the full journal. A cache: the journal stays the truth, and {@code audit} checks the two agree.
 */
public record BankSnapshot(
    long seq,
    int session,
    boolean sessionEnded,
    long problemsProposed,
    List<ProblemHistory> problems,
    Map<String, Long> counts,
    Map<String, Long> rejectedByReason,
    List<BankEvent.PolicyVersionPublished> versions,
    List<BankEvent.EvaluationRecorded> evaluations,
    long startVersion) {}
