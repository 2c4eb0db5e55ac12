package org.laimark.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.laimark.actors.bank.BankEvent.EvaluationRecorded;
import org.laimark.actors.bank.BankStatus;
import org.laimark.data.TaskType;

/**
 * What a run's files say, gathered once for the report and the paper table: the bank's counts exactly as
 * {@code laimark status} prints them, and the journal's event history folded into per-version series.
 *
 * @param status the counts {@code laimark status} prints (same fold: snapshot + journal)
 * @param sessions every session start, in order (policy description, simulated or not, mode, version)
 * @param startVersion the policy version the first session started from (0, or a previous run's version
 *     for an iteration run)
 * @param evaluations held-out pass@1 records in journal order
 * @param rounds published GRPO rounds (a round whose groups all lacked reward variance trains nothing and
 *     publishes nothing, so it is not here)
 * @param acceptedPassRates calibration pass rate (passes / samples) of every accepted problem
 * @param window the calibration window [lo, hi] of the last acceptance, or null when nothing was accepted
 * @param formatErrors per policy version: written proposals that parsed and that did not
 * @param settings a few resolved settings from {@code config.conf} for the report's header (key → value)
 */
public record RunFacts(
    Path runDir,
    BankStatus status,
    List<SessionInfo> sessions,
    long startVersion,
    List<EvaluationRecorded> evaluations,
    List<Round> rounds,
    Funnel funnel,
    List<Double> acceptedPassRates,
    double[] window,
    Map<TaskType, Long> trainingUsesByType,
    Map<TaskType, Long> problemsTrainedByType,
    SortedMap<Long, FormatErrors> formatErrors,
    List<Retirement> retirements,
    Map<String, String> settings) {

  /** One {@code SessionStarted}. */
  public record SessionInfo(int session, String policyDescription, boolean simulated, String mode, long policyVersion) {}

  /**
   * One published version: its round, GRPO loss and mean reward, the share of its groups with non-zero
   * reward variance as GRPO recorded it, and the number of groups (problems trained in that round).
   */
  public record Round(long version, long round, double loss, double meanReward, double nonDegenerateGroupFraction,
      int groups) {}

  /**
   * Problems the trainer retired for one reason (too_easy: learnt; too_hard: out of reach), and how many
   * rounds each had been trained in when it left, on average.
   */
  public record Retirement(String reason, long problems, double meanRoundsTrained) {}

  /** Generation answers under one policy version that parsed into a problem ({@code parsed}) or did not. */
  public record FormatErrors(long parsed, long failed) {
    public double rate() {
      return parsed + failed == 0 ? Double.NaN : (double) failed / (parsed + failed);
    }
  }

  /**
   * Any session ran a simulated policy, or (before the first session is on record) the configuration asks
   * for one: everything the run reports is SIMULATED.
   */
  public boolean simulated() {
    return sessions.stream().anyMatch(SessionInfo::simulated) || "simulated".equals(settings.get("run.policy"));
  }

  /** The first evaluation of the starting version, if the run recorded one. */
  public EvaluationRecorded startEvaluation() {
    return evaluations.stream().filter(e -> e.policyVersion() == startVersion).findFirst().orElse(null);
  }

  /** The evaluation of the newest evaluated version (the last one recorded), or null. */
  public EvaluationRecorded lastEvaluation() {
    return evaluations.isEmpty() ? null : evaluations.get(evaluations.size() - 1);
  }

  /** The highest pass@1 recorded (the earliest version on ties), or null. */
  public EvaluationRecorded bestEvaluation() {
    EvaluationRecorded best = null;
    for (EvaluationRecorded e : evaluations) {
      if (best == null || passRate(e) > passRate(best)) {
        best = e;
      }
    }
    return best;
  }

  /**
   * The share of GRPO groups with non-zero reward variance over every published round, weighted by the
   * groups in each round; NaN when no round was published.
   */
  public double nonDegenerateGroupFraction() {
    double weighted = 0;
    long groups = 0;
    for (Round r : rounds) {
      weighted += r.nonDegenerateGroupFraction() * r.groups();
      groups += r.groups();
    }
    return groups == 0 ? Double.NaN : weighted / groups;
  }

  public static double passRate(EvaluationRecorded e) {
    return e.total() == 0 ? 0 : (double) e.passed() / e.total();
  }
}
