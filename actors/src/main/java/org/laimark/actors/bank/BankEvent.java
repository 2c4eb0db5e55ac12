package org.laimark.actors.bank;

import org.laimark.data.Problem;

/**
 * What happened to the curriculum, in the order it happened: the journal's vocabulary. Events are past
 * tense and carry everything replay needs, so the bank, {@code status} and {@code audit} are all folds over
 * the same list. Problem ids are assigned by the bank when a problem is proposed and never reused.
 */
public sealed interface BankEvent {

  /**
   * A process started (or resumed) the run. {@code session} counts from 1; {@code policyVersion} is the
   * version its policy started from (on resume: the last published one, restored from its checkpoint).
   */
  record SessionStarted(
      int session, long startedAtMillis, String policyDescription, boolean simulated, String mode,
      long policyVersion)
      implements BankEvent {}

  /** The process shut down gracefully after draining; a session without it ended by a crash. */
  record SessionEnded(int session, String reason) implements BankEvent {}

  /** A candidate entered the pipeline; {@code origin} is "generated", "harder-variant:ID" or a dataset. */
  record ProblemProposed(String problemId, Problem problem, long policyVersion, String origin)
      implements BankEvent {}

  /** The policy's answer to a generation prompt did not parse into a problem; only counted. */
  record GenerationFailed(String reason, long policyVersion) implements BankEvent {}

  /** The reference solution passed its own tests in the sandbox. */
  record ProblemVerified(String problemId, long wallMillis) implements BankEvent {}

  /**
   * The problem left the pipeline at {@code stage} for {@code reason} (a short stable label);
   * {@code samples} is what calibration spent on it (0 at other stages).
   */
  record ProblemRejected(
      String problemId, PipelineStage stage, String reason, String detail, long policyVersion, int samples)
      implements BankEvent {}

  /** Calibration under {@code policyVersion} put the pass rate inside the window: the problem is banked. */
  record ProblemAccepted(
      String problemId, long policyVersion, int passes, int samples, double lo, double hi)
      implements BankEvent {}

  /**
   * A GRPO round used the problem: {@code passes} of {@code rollouts} rewarded rollouts sampled from
   * {@code policyVersion}; the update produced {@code producedVersion}.
   */
  record ProblemTrained(
      String problemId, long round, long policyVersion, int passes, int rollouts, long producedVersion)
      implements BankEvent {}

  /** The problem's current pass-rate estimate left the window; it is no longer trained on. */
  record ProblemRetired(String problemId, long policyVersion, String reason, double passRate)
      implements BankEvent {}

  /** The problem was in flight when a previous session died; its unfinished work is dropped, on record. */
  record ProblemAbandoned(String problemId, int session) implements BankEvent {}

  /**
   * A new policy version, published only after its checkpoint (adapter and optimizer state) is durable.
   * {@code checkpoint} is relative to the run directory; {@code restoredFrom} is the version whose weights a
   * rollback re-published, or -1.
   */
  record PolicyVersionPublished(
      long version, long round, String checkpoint, double loss, double meanReward,
      double nonDegenerateGroupFraction, long restoredFrom)
      implements BankEvent {}

  /** Held-out pass@1 of one policy version. */
  record EvaluationRecorded(
      long policyVersion, String benchmark, int passed, int total, boolean best, String note)
      implements BankEvent {}
}
