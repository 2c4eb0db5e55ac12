package org.laimark.streams;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.laimark.actors.bank.BankEvent.EvaluationRecorded;
import org.laimark.actors.bank.BankStatus;

/**
 * One line of live progress from the bank's counts: generated, verified, rejected by reason, calibrated
 * (accepted), in the bank, GRPO rounds, policy version and the last evaluation. SIMULATED runs say so first.
 */
public final class ProgressLine {

  private ProgressLine() {}

  public static String of(BankStatus s, boolean simulated) {
    String reasons = s.rejectedByReason().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(4)
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
    EvaluationRecorded eval = s.lastEvaluation();
    String evaluation = eval == null ? "none"
        : String.format(Locale.ROOT, "%s %.1f%% (v%d)", eval.benchmark(),
            100.0 * eval.passed() / Math.max(1, eval.total()), eval.policyVersion());
    return String.format(Locale.ROOT,
        "%sgenerated %d | verified %d | rejected %d%s | calibrated %d | bank %d (retired %d) | rounds %d"
            + " | policy v%d | last eval %s",
        simulated ? "[SIMULATED] " : "",
        s.proposed() + s.generationFailed(), s.verified(), s.rejected() + s.generationFailed(),
        reasons.isEmpty() ? "" : " (" + reasons + ")",
        s.accepted(), s.active(), s.retired(), s.rounds(), s.policyVersion(), evaluation);
  }
}
