package org.laimark.actors.bank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.laimark.actors.bank.BankEvent.EvaluationRecorded;
import org.laimark.actors.bank.BankEvent.PolicyVersionPublished;
import org.laimark.actors.bank.ProblemHistory.Status;

/**
 * The curriculum as a fold over the journal. {@link #apply} is strict: an entry that tells an impossible
 * story (see {@link BankTransitions}) throws {@link JournalInvariantViolation}, so recovery refuses a
 * journal that {@code audit} would fail. Memory stays bounded by the accepted problems: rejected and
 * abandoned problems only leave counts behind (their history is in the journal). Single owner.
 */
public final class BankState {

  long seq;
  int session;
  boolean sessionEnded = true;
  long problemsProposed;
  long startVersion = -1;
  final Map<String, ProblemHistory> problems = new LinkedHashMap<>();
  final Map<String, Long> counts = new TreeMap<>();
  final Map<String, Long> rejectedByReason = new TreeMap<>();
  final List<PolicyVersionPublished> versions = new ArrayList<>();
  final List<EvaluationRecorded> evaluations = new ArrayList<>();
  final Set<String> acceptedFingerprints = new HashSet<>();

  /** Applies one durable journal record, checking every transition. */
  public void apply(JournalEntry entry) {
    if (entry.seq() != seq + 1) {
      throw new JournalInvariantViolation(
          entry.seq(), "sequence number " + entry.seq() + " follows " + seq + " (records lost or repeated)");
    }
    new BankTransitions(this, entry.seq()).applyAll(entry.events());
    seq = entry.seq();
  }

  public long seq() {
    return seq;
  }

  public int session() {
    return session;
  }

  /** The next problem id the bank will hand out. */
  public String nextProblemId() {
    return String.format("p%06d", problemsProposed + 1);
  }

  /** The newest policy version: the last published, else the first session's starting version. */
  public long latestVersion() {
    return versions.isEmpty() ? startVersion : versions.get(versions.size() - 1).version();
  }

  /** The checkpoint (relative to the run directory) of the latest version, or null when none was published. */
  public String latestCheckpoint() {
    return versions.isEmpty() ? null : versions.get(versions.size() - 1).checkpoint();
  }

  /** The number of the last published round (rounds without a training step publish nothing). */
  public long lastRound() {
    return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).round();
  }

  /** GRPO rounds that changed the policy (one published version each, rollbacks aside). */
  public long rounds() {
    return versions.size();
  }

  public ProblemHistory problem(String id) {
    return problems.get(id);
  }

  /** Problems in the bank and still trained on, oldest first. */
  public List<ProblemHistory> active() {
    return problems.values().stream().filter(p -> p.status() == Status.ACCEPTED).collect(Collectors.toList());
  }

  /** Every problem ever accepted (active and retired), oldest first. */
  public List<ProblemHistory> banked() {
    return problems.values().stream()
        .filter(p -> p.status() == Status.ACCEPTED || p.status() == Status.RETIRED)
        .collect(Collectors.toList());
  }

  /** Problems that entered the pipeline and have not reached a decision. */
  public List<String> pending() {
    return problems.values().stream()
        .filter(p -> p.status().pending()).map(ProblemHistory::id).collect(Collectors.toList());
  }

  public List<PolicyVersionPublished> versions() {
    return List.copyOf(versions);
  }

  public List<EvaluationRecorded> evaluations() {
    return List.copyOf(evaluations);
  }

  public boolean lastSessionEnded() {
    return sessionEnded;
  }

  public long count(String name) {
    return counts.getOrDefault(name, 0L);
  }

  public Map<String, Long> rejectedByReason() {
    return Map.copyOf(rejectedByReason);
  }

  void increment(String name) {
    add(name, 1);
  }

  void add(String name, long amount) {
    if (amount != 0) {
      counts.merge(name, amount, Long::sum);
    }
  }

  public BankSnapshot toSnapshot() {
    return new BankSnapshot(
        seq, session, sessionEnded, problemsProposed, List.copyOf(problems.values()),
        new TreeMap<>(counts), new TreeMap<>(rejectedByReason), List.copyOf(versions),
        List.copyOf(evaluations), startVersion);
  }

  public static BankState fromSnapshot(BankSnapshot s) {
    BankState state = new BankState();
    state.seq = s.seq();
    state.session = s.session();
    state.sessionEnded = s.sessionEnded();
    state.problemsProposed = s.problemsProposed();
    state.startVersion = s.startVersion();
    for (ProblemHistory p : s.problems()) {
      state.problems.put(p.id(), p);
      if (p.status() == Status.ACCEPTED || p.status() == Status.RETIRED) {
        state.acceptedFingerprints.add(BankTransitions.fingerprint(p.problem()));
      }
    }
    state.counts.putAll(s.counts());
    state.rejectedByReason.putAll(s.rejectedByReason());
    state.versions.addAll(s.versions());
    state.evaluations.addAll(s.evaluations());
    return state;
  }
}
