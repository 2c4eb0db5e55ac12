package org.laimark.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.laimark.actors.bank.BankEvent;
import org.laimark.actors.bank.JournalCodec;
import org.laimark.actors.bank.JournalEntry;
import org.laimark.actors.bank.JournalScanner;
import org.laimark.actors.bank.PipelineStage;
import org.laimark.actors.bank.RunDirectory;

/**
 * One measured run of the SIMULATED workload for {@code laimark bench pipeline}: a real {@code laimark run}
 * (same daemon, journal and actors) for a fixed wall time, then the journal is read back and only what
 * became durable within {@code duration} of the session's start is counted, so the drain after the stop
 * does not flatter either mode.
 */
public final class PipelineBenchmark {

  /**
   * What one run achieved inside its window: problems accepted, problems calibrated (accepted or rejected
   * by calibration), calibration samples they cost, GRPO rounds published.
   */
  public record Result(String label, long accepted, long calibrated, long calibrationSamples, long rounds,
      Duration window) {
    public double acceptedPerMinute() {
      return accepted * 60_000.0 / window.toMillis();
    }

    public double samplesPerAccepted() {
      return accepted == 0 ? Double.NaN : (double) calibrationSamples / accepted;
    }

    public double keptShare() {
      return calibrated == 0 ? Double.NaN : (double) accepted / calibrated;
    }
  }

  private PipelineBenchmark() {}

  public static Result run(String label, Path experiment, Path runDir, Duration duration, Map<String, Object> settings) {
    Map<String, Object> overrides = new LinkedHashMap<>(settings);
    overrides.put("laimark.pipeline.run.max-duration", duration.toMillis() + "ms");
    overrides.put("laimark.pipeline.run.progress", "off");
    PipelineDaemon.run(RunConfiguration.create(experiment, runDir, overrides));
    return measure(label, new RunDirectory(runDir), duration);
  }

  static Result measure(String label, RunDirectory run, Duration window) {
    JournalCodec codec = new JournalCodec();
    long[] start = {-1};
    long[] counts = new long[4];
    JournalScanner.scan(run.journal(), (offset, payload) -> {
      JournalEntry entry = codec.decode(payload, JournalEntry.class, run.journal() + " offset " + offset);
      for (BankEvent e : entry.events()) {
        if (e instanceof BankEvent.SessionStarted s && start[0] < 0) {
          start[0] = s.startedAtMillis();
        }
      }
      if (start[0] < 0 || entry.writtenAtMillis() > start[0] + window.toMillis()) {
        return;
      }
      for (BankEvent e : entry.events()) {
        if (e instanceof BankEvent.ProblemAccepted a) {
          counts[0]++;
          counts[1] += a.samples();
          counts[2]++;
        } else if (e instanceof BankEvent.ProblemRejected r && r.stage() == PipelineStage.CALIBRATE) {
          counts[1] += r.samples();
          counts[2]++;
        } else if (e instanceof BankEvent.PolicyVersionPublished) {
          counts[3]++;
        }
      }
    });
    return new Result(label, counts[0], counts[2], counts[1], counts[3], window);
  }
}
