package org.laimark.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The {@code laimark.pipeline.simulated} block: the SIMULATED policy and sandbox a run uses when
 * {@code laimark.pipeline.run.policy = simulated}. Real problems (the procedural domain), a policy whose
 * skill per problem is drawn from [skillMin, skillMax], and a sandbox that judges by the known reference.
 *
 * @param seed fixes the problems, the skills and every sample
 * @param problems distinct problems the simulated policy can write
 * @param brokenReferenceFraction share of those whose reference solution is wrong (verification rejects)
 * @param malformedFraction share of proposals corrupted (missing section, one test...; parsing rejects)
 * @param skillMin lowest per-problem skill (probability of a right answer)
 * @param skillMax highest per-problem skill
 * @param trainGain skill added to a problem each time a GRPO step had a learning signal on it
 * @param policyLatency time every policy call (a batch of samples, or a training step) takes
 * @param sandboxLatency time every sandbox job takes
 * @param sandboxWorkers sandbox jobs that run at once; more wait (saturation)
 */
public record SimulatedSettings(
    long seed,
    int problems,
    double brokenReferenceFraction,
    double malformedFraction,
    double skillMin,
    double skillMax,
    double trainGain,
    Duration policyLatency,
    Duration sandboxLatency,
    int sandboxWorkers) {

  public SimulatedSettings {
    if (skillMax < skillMin) {
      throw InvalidSettingException.forKey("laimark.pipeline.simulated.skill-max",
          "must be at least skill-min (" + skillMin + ")", skillMax);
    }
  }

  public static SimulatedSettings fromConfig(Config config) {
    SettingsBlock b = new SettingsBlock(config, "laimark.pipeline.simulated");
    return new SimulatedSettings(
        b.anyLong("seed"),
        b.positiveInt("problems"),
        b.fraction("broken-reference-fraction"),
        b.fraction("malformed-fraction"),
        b.fraction("skill-min"),
        b.fraction("skill-max"),
        b.number("train-gain"),
        b.nonNegativeDuration("policy-latency"),
        b.nonNegativeDuration("sandbox-latency"),
        b.positiveInt("sandbox-workers"));
  }
}
