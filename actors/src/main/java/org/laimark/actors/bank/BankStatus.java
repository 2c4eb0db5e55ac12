package org.laimark.actors.bank;

import java.util.Map;

/**
 * The bank's counts at one moment: what {@code laimark status} prints and the progress display shows.
 *
 * @param generationRequests proposals answered (written problems plus parse failures, derived tasks not
 *     counted): the index the next proposal continues from
 * @param calibrationSamples policy samples calibration spent, on accepted and rejected problems alike
 * @param pending problems in the pipeline without a decision yet
 * @param active accepted problems still trained on; {@code retired} left the window
 * @param lastEvaluation the newest held-out result, or null
 */
public record BankStatus(
    int session,
    boolean sessionEnded,
    long journalRecords,
    long proposed,
    long generationRequests,
    long generationFailed,
    long verified,
    long rejected,
    Map<String, Long> rejectedByReason,
    long accepted,
    long active,
    long retired,
    long abandoned,
    long pending,
    long trainingUses,
    long calibrationSamples,
    long rounds,
    long policyVersion,
    String checkpoint,
    BankEvent.EvaluationRecorded lastEvaluation) {

  public static BankStatus of(BankState s) {
    var evaluations = s.evaluations();
    return new BankStatus(
        s.session(), s.lastSessionEnded(), s.seq(), s.problemsProposed, s.count("generation-requests"),
        s.count("generation-failed"),
        s.count("verified"), s.count("rejected"), s.rejectedByReason(), s.count("accepted"),
        s.active().size(), s.count("retired"), s.count("abandoned"), s.pending().size(),
        s.count("trained"), s.count("calibration-samples"), s.rounds(), s.latestVersion(), s.latestCheckpoint(),
        evaluations.isEmpty() ? null : evaluations.get(evaluations.size() - 1));
  }
}
