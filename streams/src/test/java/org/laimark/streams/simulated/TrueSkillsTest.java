package org.laimark.streams.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laimark.config.SimulatedSettings;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.RolloutGroup;
import org.laimark.model.policy.SimulatedPolicy;

class TrueSkillsTest {

  private static Completion rollout(String key) {
    return new Completion(key.codePoints().toArray(), new int[0], "", new float[0], 0);
  }

  private static RolloutGroup group(String key, double... rewards) {
    List<Completion> completions = new ArrayList<>();
    for (int i = 0; i < rewards.length; i++) {
      completions.add(rollout(key));
    }
    return new RolloutGroup(completions, rewards);
  }

  /**
   * The benchmark scores calibration against rates rebuilt from the journal; they must be the rates
   * the simulated policy actually answers with, before and after training steps of every kind.
   */
  @Test
  void rebuiltPassRatesEqualThePolicysOwnSkillsAtEveryVersion() {
    SimulatedWorkload workload =
        new SimulatedWorkload(
            new SimulatedSettings(7, 60, 0.15, 0.2, 0, 1, 0.05, Duration.ZERO, Duration.ZERO, 1),
            new SimulatedCosts(Duration.ZERO, 0.6, 0.15));
    SimulatedPolicy policy = (SimulatedPolicy) ((CostedPolicy) workload.policy()).inner();
    TrueSkills truth = workload.trueSkills();
    List<String> keys = new ArrayList<>(workload.initialSkills().keySet()).subList(0, 5);
    String derived = "deduction:" + keys.get(0) + ":(1,)";
    List<String> all = new ArrayList<>(keys);
    all.add(derived);
    List<Map<String, Double>> seen = new ArrayList<>();

    for (int step = 0; step < 6; step++) {
      Map<String, Double> before = new java.util.HashMap<>();
      for (String k : all) {
        before.put(k, policy.skill(k));
      }
      seen.add(before);
      String trained = all.get(step % all.size());
      String idle = all.get((step + 2) % all.size());
      // One group with a signal, one without (all rewards equal): only the first changes skills.
      policy.train(List.of(group(trained, 1, 0, 1, 0), group(idle, 1, 1, 1, 1)));
      long produced = policy.version();
      truth.trained(trained, produced, 2, 4);
      truth.trained(idle, produced, 4, 4);
    }

    for (int version = 0; version < seen.size(); version++) {
      for (String k : all) {
        assertEquals(seen.get(version).get(k), truth.passRate(k, version), 1e-12, k + " at v" + version);
      }
    }
  }
}
