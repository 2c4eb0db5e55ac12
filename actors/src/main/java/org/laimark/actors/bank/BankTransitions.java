package org.laimark.actors.bank;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.laimark.actors.bank.BankEvent.EvaluationRecorded;
import org.laimark.actors.bank.BankEvent.PolicyVersionPublished;
import org.laimark.actors.bank.BankEvent.ProblemAbandoned;
import org.laimark.actors.bank.BankEvent.ProblemAccepted;
import org.laimark.actors.bank.BankEvent.ProblemProposed;
import org.laimark.actors.bank.BankEvent.ProblemRejected;
import org.laimark.actors.bank.BankEvent.ProblemRetired;
import org.laimark.actors.bank.BankEvent.ProblemTrained;
import org.laimark.actors.bank.BankEvent.ProblemVerified;
import org.laimark.actors.bank.BankEvent.SessionEnded;
import org.laimark.actors.bank.BankEvent.SessionStarted;
import org.laimark.actors.bank.ProblemHistory.Status;
import org.laimark.data.Problem;

/**
 * The rules of a problem's life, applied to one journal record: proposed → verified → accepted → trained* →
 * retired, with rejection possible before acceptance; nothing follows a final state; ids are handed out in
 * order; nothing is accepted twice; versions only grow; a round's trained problems and its published version
 * are one record; a resumed session abandons, on record, whatever the previous one left in flight.
 */
final class BankTransitions {

  private final BankState s;
  private final long seq;
  private final Set<Long> publishedHere = new HashSet<>();
  private boolean sessionStartedHere;

  BankTransitions(BankState state, long seq) {
    this.s = state;
    this.seq = seq;
  }

  void applyAll(List<BankEvent> events) {
    // A round's trained problems name the version its publication (later in the same record) announces.
    for (BankEvent e : events) {
      if (e instanceof PolicyVersionPublished p) {
        publishedHere.add(p.version());
      }
    }
    for (BankEvent e : events) {
      apply(e);
    }
    if (sessionStartedHere && !s.pending().isEmpty()) {
      fail("session " + s.session + " started while problems from the previous session were neither"
          + " finished nor abandoned: " + s.pending());
    }
  }

  private void apply(BankEvent e) {
    if (e instanceof SessionStarted x) {
      onSessionStarted(x);
    } else if (e instanceof SessionEnded x) {
      if (!s.pending().isEmpty()) {
        fail("session " + s.session + " ended gracefully with problems neither finished nor abandoned: "
            + s.pending());
      }
      s.sessionEnded = true;
    } else if (e instanceof ProblemProposed x) {
      onProposed(x);
    } else if (e instanceof BankEvent.GenerationFailed x) {
      s.rejectedByReason.merge("generate:" + x.reason(), 1L, Long::sum);
      s.increment("generation-failed");
      s.increment("generation-requests");
    } else if (e instanceof ProblemVerified x) {
      s.problems.put(x.problemId(), require(x.problemId(), Status.PROPOSED).withStatus(Status.VERIFIED, ""));
      s.increment("verified");
    } else if (e instanceof ProblemRejected x) {
      ProblemHistory p = require(x.problemId(), Status.PROPOSED, Status.VERIFIED);
      s.problems.remove(p.id());
      s.rejectedByReason.merge(x.stage().name().toLowerCase() + ":" + x.reason(), 1L, Long::sum);
      s.increment("rejected");
      s.add("calibration-samples", x.samples());
    } else if (e instanceof ProblemAccepted x) {
      onAccepted(x);
    } else if (e instanceof ProblemTrained x) {
      onTrained(x);
    } else if (e instanceof ProblemRetired x) {
      s.problems.put(x.problemId(), require(x.problemId(), Status.ACCEPTED).withStatus(Status.RETIRED, x.reason()));
      s.increment("retired");
    } else if (e instanceof ProblemAbandoned x) {
      s.problems.remove(require(x.problemId(), Status.PROPOSED, Status.VERIFIED).id());
      s.increment("abandoned");
    } else if (e instanceof PolicyVersionPublished x) {
      onPublished(x);
    } else if (e instanceof EvaluationRecorded x) {
      requireKnownVersion(x.policyVersion(), "evaluation");
      s.evaluations.add(x);
    } else {
      fail("unknown event " + e.getClass().getName());
    }
  }

  private void onSessionStarted(SessionStarted x) {
    if (x.session() != s.session + 1) {
      fail("session " + x.session() + " follows session " + s.session);
    }
    if (s.session == 0) {
      s.startVersion = x.policyVersion();
    } else if (x.policyVersion() != s.latestVersion()) {
      fail("session " + x.session() + " resumed policy version " + x.policyVersion()
          + " but the last published version is " + s.latestVersion());
    }
    s.session = x.session();
    s.sessionEnded = false;
    sessionStartedHere = true;
  }

  private void onProposed(ProblemProposed x) {
    String expected = s.nextProblemId();
    if (!x.problemId().equals(expected)) {
      fail("problem id " + x.problemId() + " proposed where " + expected + " was next (duplicated or lost)");
    }
    if (s.sessionEnded) {
      fail("problem " + x.problemId() + " proposed outside a running session");
    }
    s.problemsProposed++;
    if (!x.origin().startsWith("derived:")) {
      s.increment("generation-requests");
    }
    s.problems.put(x.problemId(), ProblemHistory.proposed(x.problemId(), x.problem(), x.origin(), x.policyVersion()));
  }

  private void onAccepted(ProblemAccepted x) {
    ProblemHistory p = require(x.problemId(), Status.VERIFIED);
    requireKnownVersion(x.policyVersion(), "calibration of " + x.problemId());
    double rate = x.samples() == 0 ? -1 : (double) x.passes() / x.samples();
    if (!(rate >= x.lo() && rate <= x.hi())) {
      fail("problem " + x.problemId() + " accepted with pass rate " + x.passes() + "/" + x.samples()
          + " outside its window [" + x.lo() + ", " + x.hi() + "]");
    }
    if (!s.acceptedFingerprints.add(fingerprint(p.problem()))) {
      fail("problem " + x.problemId() + " is a duplicate of a problem already accepted");
    }
    s.problems.put(p.id(), p.accepted(x.policyVersion(), x.passes(), x.samples()));
    s.increment("accepted");
    s.add("calibration-samples", x.samples());
  }

  private void onTrained(ProblemTrained x) {
    ProblemHistory p = require(x.problemId(), Status.ACCEPTED);
    requireKnownVersion(x.policyVersion(), "training on " + x.problemId());
    if (!publishedHere.contains(x.producedVersion())) {
      fail("problem " + x.problemId() + " trained into version " + x.producedVersion()
          + " which is not published in the same record");
    }
    s.problems.put(p.id(), p.trained(x.round(), x.policyVersion(), x.passes(), x.rollouts()));
    s.increment("trained");
  }

  private void onPublished(PolicyVersionPublished x) {
    if (x.version() <= s.latestVersion()) {
      fail("policy version " + x.version() + " published after version " + s.latestVersion() + " (not monotone)");
    }
    if (x.round() < s.lastRound()) {
      fail("round " + x.round() + " published after round " + s.lastRound());
    }
    s.versions.add(x);
  }

  private ProblemHistory require(String id, Status... allowed) {
    ProblemHistory p = s.problems.get(id);
    if (p == null) {
      fail("problem " + id + " is unknown here (never proposed, or already rejected or abandoned)");
    }
    for (Status a : allowed) {
      if (p.status() == a) {
        return p;
      }
    }
    fail("problem " + id + " is " + p.status().name().toLowerCase() + ", expected one of "
        + List.of(allowed).toString().toLowerCase());
    return p;
  }

  private void requireKnownVersion(long version, String what) {
    if (version > s.latestVersion()) {
      fail(what + " used policy version " + version + ", newer than the latest published " + s.latestVersion());
    }
  }

  private void fail(String message) {
    throw new JournalInvariantViolation(seq, message);
  }

  /** Identity of a problem's content, for "accepted twice". */
  static String fingerprint(Problem p) {
    String text = String.join("\u0000", p.taskType().name(), p.prompt(), p.tests(),
        String.valueOf(p.deduction()), String.valueOf(p.abduction()));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
