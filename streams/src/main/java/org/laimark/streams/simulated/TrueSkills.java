package org.laimark.streams.simulated;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The true pass rate of a SIMULATED task under a given policy version, rebuilt from what the journal
 * records: the skill the workload gave the task, plus the gains of every training step up to that
 * version (the simulated policy adds {@code trainGain} to a task and {@code transferGain} to its
 * whole task type for each trained group whose rewards were not all equal). This is what the
 * calibration benchmark scores decisions against; it assumes no rollback (the benchmark does not
 * evaluate, so none happens).
 */
public final class TrueSkills {

  private record Step(String key, String type, long producedVersion) {}

  private final Map<String, Double> initial;
  private final double defaultSkill;
  private final double trainGain;
  private final double transferGain;
  private final List<Step> steps = new ArrayList<>();

  TrueSkills(Map<String, Double> initial, double defaultSkill, double trainGain, double transferGain) {
    this.initial = Map.copyOf(initial);
    this.defaultSkill = defaultSkill;
    this.trainGain = trainGain;
    this.transferGain = transferGain;
  }

  /**
   * A trained group of task {@code key} in the step that produced {@code producedVersion}, with
   * {@code passes} of {@code rollouts} rewarded: it changes skills only when the rewards varied.
   */
  public void trained(String key, long producedVersion, int passes, int rollouts) {
    if (passes > 0 && passes < rollouts) {
      steps.add(new Step(key, type(key), producedVersion));
    }
  }

  /** The probability that the policy at {@code version} answers task {@code key} right. */
  public double passRate(String key, long version) {
    String type = type(key);
    double p = initial.getOrDefault(key, defaultSkill);
    for (Step s : steps) {
      if (s.producedVersion() <= version) {
        p += (s.key().equals(key) ? trainGain : 0) + (s.type().equals(type) ? transferGain : 0);
      }
    }
    return Math.max(0, Math.min(1, p));
  }

  /** As the simulated policy types a key: deduction and abduction by prefix, else induction. */
  private static String type(String key) {
    int colon = key.indexOf(':');
    String prefix = colon < 0 ? "" : key.substring(0, colon);
    return prefix.equals("deduction") || prefix.equals("abduction") ? prefix : "induction";
  }
}
