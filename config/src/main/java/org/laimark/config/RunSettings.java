package org.laimark.config;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;

/**
 * The {@code laimark.pipeline} top level and its {@code run} block: what one {@code laimark run} does.
 *
 * @param mode {@code continuous} (one stream) or {@code staged} (stage after stage, as the study's scripts)
 * @param source {@code generated} (the policy writes problems), {@code mbpp-train} (curated: MBPP's train
 *     split, task ids 601-974; evaluation splits are never offered as a source) or {@code problem-file}
 *     (curated: {@code problemFile})
 * @param problemFile the problem file (the study's JSONL) of {@code source = problem-file}
 * @param problemOrder the order a curated source's problems are taken in: {@code file} or {@code seeded} (a
 *     permutation drawn with {@code generator.seed}, so runs of different seeds take different subsets)
 * @param initialCheckpoint a policy checkpoint to start a new run from (iteration), or empty
 * @param policy {@code djl} (the model in {@code laimark.model}) or {@code simulated} (see {@code simulated})
 * @param runsDirectory where a new run directory is created when {@code --run-dir} is not given
 * @param maxDuration stop gracefully after this long; zero means no limit
 * @param maxRounds stop gracefully after this many GRPO rounds; zero means no limit
 * @param drainTimeout on shutdown, how long in-flight work may take before the final checkpoint
 * @param progressInterval how often the live progress line is refreshed
 * @param progress {@code auto}, {@code bar}, {@code lines} or {@code off}
 */
public record RunSettings(
    String mode,
    String source,
    String problemFile,
    String problemOrder,
    String initialCheckpoint,
    String policy,
    String runsDirectory,
    Duration maxDuration,
    long maxRounds,
    Duration drainTimeout,
    Duration progressInterval,
    String progress) {

  public static final List<String> MODES = List.of("continuous", "staged");
  public static final List<String> SOURCES = List.of("generated", "mbpp-train", "problem-file");
  public static final List<String> PROBLEM_ORDERS = List.of("file", "seeded");
  public static final List<String> POLICIES = List.of("djl", "simulated");
  public static final List<String> PROGRESS = List.of("auto", "bar", "lines", "off");

  public boolean continuous() {
    return mode.equals("continuous");
  }

  public boolean curated() {
    return !source.equals("generated");
  }

  public boolean simulated() {
    return policy.equals("simulated");
  }

  public static RunSettings fromConfig(Config config) {
    SettingsBlock p = new SettingsBlock(config, "laimark.pipeline");
    SettingsBlock r = p.block("run");
    return new RunSettings(
        p.oneOf("mode", MODES),
        p.oneOf("source", SOURCES),
        p.text("problem-file"),
        p.oneOf("problem-order", PROBLEM_ORDERS),
        r.text("initial-checkpoint"),
        r.oneOf("policy", POLICIES),
        r.text("runs-directory"),
        r.nonNegativeDuration("max-duration"),
        r.nonNegativeLong("max-rounds"),
        r.positiveDuration("drain-timeout"),
        r.positiveDuration("progress-interval"),
        r.oneOf("progress", PROGRESS));
  }
}
