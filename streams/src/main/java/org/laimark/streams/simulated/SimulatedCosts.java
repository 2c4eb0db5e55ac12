package org.laimark.streams.simulated;

import com.typesafe.config.Config;
import java.time.Duration;
import org.laimark.config.SettingsBlock;

/**
 * The parts of the {@code laimark.pipeline.simulated} block that shape the SIMULATED workload's costs and
 * its pass-rate mix beyond {@link org.laimark.config.SimulatedSettings}: the per-sequence cost of a policy
 * call, and the shares of problems the simulated policy always or never solves.
 *
 * @param perSequence time each sequence adds to a policy call, on top of {@code policy-latency} per call
 * @param solvedAlways share of problems whose skill is 1 (the policy wrote them and always solves them)
 * @param solvedNever share of problems whose skill is 0; the rest are uniform in [skill-min, skill-max]
 */
public record SimulatedCosts(Duration perSequence, double solvedAlways, double solvedNever) {

  public SimulatedCosts {
    if (solvedAlways + solvedNever > 1) {
      throw org.laimark.config.InvalidSettingException.forKey("laimark.pipeline.simulated.solved-never-fraction",
          "must leave solved-always-fraction + solved-never-fraction <= 1 (solved-always-fraction is "
              + solvedAlways + ")", solvedNever);
    }
  }

  public static SimulatedCosts fromConfig(Config config) {
    SettingsBlock b = new SettingsBlock(config, "laimark.pipeline.simulated");
    return new SimulatedCosts(b.nonNegativeDuration("policy-per-sequence"),
        b.fraction("solved-always-fraction"), b.fraction("solved-never-fraction"));
  }
}
