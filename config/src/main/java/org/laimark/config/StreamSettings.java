package org.laimark.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The {@code laimark.pipeline.stream} block: how many asks each stage keeps in flight and how large the
 * buffers between stages are. These numbers bound the stream's memory for a run of any length.
 *
 * @param generateParallelism generation requests in flight (the model-access actor batches them)
 * @param verifyParallelism candidates being verified at once
 * @param dedupParallelism candidates being checked against the bank at once
 * @param calibrateParallelism problems being calibrated at once
 * @param recordParallelism journal writes in flight (the bank group-commits them)
 * @param acceptedBuffer accepted problems waiting for the trainer; when full, calibration and generation wait
 * @param roundSize fresh problems per GRPO round
 * @param roundMaxWait a round starts with fewer fresh problems after waiting this long for the rest
 * @param replayAfter when no fresh problem has arrived for this long, a round trains on the bank's
 *     least-trained active problems alone (a replay round, as an epoch would revisit them) if it holds a
 *     whole round of them; zero: never
 * @param askTimeout the longest wait for any stage actor's reply
 * @param restart backoff for restarting the problem source after a failure
 */
public record StreamSettings(
    int generateParallelism,
    int verifyParallelism,
    int dedupParallelism,
    int calibrateParallelism,
    int recordParallelism,
    int acceptedBuffer,
    int roundSize,
    Duration roundMaxWait,
    Duration replayAfter,
    Duration askTimeout,
    Restart restart) {

  /** RestartSource.withBackoff's parameters. */
  public record Restart(
      Duration minBackoff, Duration maxBackoff, double randomFactor, int maxRestarts, Duration within) {
    public Restart {
      if (maxBackoff.compareTo(minBackoff) < 0) {
        throw InvalidSettingException.forKey(
            "laimark.pipeline.stream.restart.max-backoff", "must be at least min-backoff (" + minBackoff + ")",
            maxBackoff);
      }
    }
  }

  public static StreamSettings fromConfig(Config config) {
    SettingsBlock b = new SettingsBlock(config, "laimark.pipeline.stream");
    SettingsBlock r = b.block("restart");
    return new StreamSettings(
        b.positiveInt("generate-parallelism"),
        b.positiveInt("verify-parallelism"),
        b.positiveInt("dedup-parallelism"),
        b.positiveInt("calibrate-parallelism"),
        b.positiveInt("record-parallelism"),
        b.positiveInt("accepted-buffer"),
        b.positiveInt("round-size"),
        b.positiveDuration("round-max-wait"),
        b.nonNegativeDuration("replay-after"),
        b.positiveDuration("ask-timeout"),
        new Restart(
            r.positiveDuration("min-backoff"),
            r.positiveDuration("max-backoff"),
            r.fraction("random-factor"),
            r.positiveInt("max-restarts"),
            r.positiveDuration("max-restarts-within")));
  }
}
