package org.laimark.actors.bank;

import java.util.ArrayList;
import java.util.List;
import org.laimark.data.Problem;

/**
 * Everything the bank knows about one problem: who generated it, whether it was verified, under which
 * policy version it was calibrated, the rounds that trained on it, its pass-rate estimate per policy version,
 * and why it was retired. Immutable; the bank replaces it on each event.
 *
 * @param generatedBy the policy version that wrote the problem
 * @param calibratedBy the policy version whose samples accepted it, or -1
 * @param trainedInRounds GRPO rounds that used it, in order
 * @param estimates pass-rate evidence per policy version (calibration samples and training rollouts)
 * @param reason why it was rejected or retired, else empty
 */
public record ProblemHistory(
    String id,
    Problem problem,
    Status status,
    String origin,
    long generatedBy,
    long calibratedBy,
    List<Long> trainedInRounds,
    List<Estimate> estimates,
    String reason) {

  /** Where a problem is in its life. Rejected, retired and abandoned are final. */
  public enum Status {
    PROPOSED,
    VERIFIED,
    ACCEPTED,
    RETIRED,
    REJECTED,
    ABANDONED;

    public boolean pending() {
      return this == PROPOSED || this == VERIFIED;
    }
  }

  /** {@code passes} of {@code samples} attempts by one policy version succeeded. */
  public record Estimate(long policyVersion, int passes, int samples) {
    public double passRate() {
      return samples == 0 ? 0 : (double) passes / samples;
    }
  }

  public ProblemHistory {
    trainedInRounds = List.copyOf(trainedInRounds);
    estimates = List.copyOf(estimates);
  }

  static ProblemHistory proposed(String id, Problem problem, String origin, long version) {
    return new ProblemHistory(id, problem, Status.PROPOSED, origin, version, -1, List.of(), List.of(), "");
  }

  ProblemHistory withStatus(Status next, String why) {
    return new ProblemHistory(
        id, problem, next, origin, generatedBy, calibratedBy, trainedInRounds, estimates, why);
  }

  ProblemHistory accepted(long version, int passes, int samples) {
    return new ProblemHistory(
        id, problem, Status.ACCEPTED, origin, generatedBy, version, trainedInRounds,
        addEvidence(version, passes, samples), "");
  }

  ProblemHistory trained(long round, long version, int passes, int rollouts) {
    List<Long> rounds = new ArrayList<>(trainedInRounds);
    rounds.add(round);
    return new ProblemHistory(
        id, problem, status, origin, generatedBy, calibratedBy, rounds,
        addEvidence(version, passes, rollouts), reason);
  }

  /** The estimate under the newest policy version that produced evidence, if any. */
  public Estimate latestEstimate() {
    return estimates.isEmpty() ? null : estimates.get(estimates.size() - 1);
  }

  private List<Estimate> addEvidence(long version, int passes, int samples) {
    List<Estimate> next = new ArrayList<>(estimates);
    Estimate last = next.isEmpty() ? null : next.get(next.size() - 1);
    if (last != null && last.policyVersion() == version) {
      next.set(next.size() - 1, new Estimate(version, last.passes() + passes, last.samples() + samples));
    } else {
      next.add(new Estimate(version, passes, samples));
    }
    return next;
  }
}
