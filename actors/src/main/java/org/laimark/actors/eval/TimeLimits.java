package org.laimark.actors.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.config.EvalSettings;
import org.laimark.data.ExecutionOptions;
import org.laimark.data.Problem;
import org.laimark.data.SandboxJob;
import org.laimark.data.VerdictStatus;
import org.laimark.data.io.JsonlAppender;
import org.laimark.data.io.JsonlReader;
import org.laimark.data.io.ReadResult;

/**
 * Per-task CPU limits scaled to the reference solution, as EvalPlus does: each reference runs once in the
 * sandbox and its samples get {@code max(floor, factor × reference CPU time)}; a task whose reference fails
 * gets the fixed {@code reference-failed} limit. Measurements are appended to a cache file as they arrive,
 * so a resumed evaluation reuses them and its samples keep the limits they started with.
 */
public final class TimeLimits {
  private final EvalSettings settings;

  public TimeLimits(EvalSettings settings) {
    this.settings = settings;
  }

  /** The limit for a reference that used {@code cpuMillis}. */
  public long scaledMillis(long cpuMillis) {
    long scaled = (long) Math.ceil(settings.timeLimitFactor() * cpuMillis);
    return Math.max(settings.timeLimitFloor().toMillis(), scaled);
  }

  /**
   * The timing of every task, measuring those not yet in {@code cache} (created if missing).
   *
   * @throws EvalInputException when the cache is damaged
   * @throws IllegalStateException when the sandbox cannot run a reference (an infrastructure error)
   */
  public Map<String, ReferenceTiming> measure(
      List<Problem> tasks, Sandbox sandbox, Path cache, Runnable onMeasured)
      throws InterruptedException {
    Map<String, ReferenceTiming> known = new ConcurrentHashMap<>(read(cache));
    List<String> infraErrors = new ArrayList<>();
    BoundedSandbox pool = new BoundedSandbox(sandbox, settings.parallelism(), settings.jobDeadline());
    try (JsonlAppender out = JsonlAppender.open(cache, false)) {
      for (Problem task : tasks) {
        if (known.containsKey(task.id())) {
          continue;
        }
        SandboxJob job = referenceJob(task);
        pool.submit(job, v -> {
          if (v.status() == VerdictStatus.INFRA_ERROR) {
            synchronized (infraErrors) {
              infraErrors.add(task.id() + ": " + v.message());
            }
            return;
          }
          long limit = v.passed() ? scaledMillis(v.cpuMillis())
              : settings.referenceFailedLimit().toMillis();
          ReferenceTiming t = new ReferenceTiming(task.id(), v.status().wireName(), v.errorType(),
              truncate(v.message()), v.cpuMillis(), limit);
          known.put(task.id(), t);
          append(out, t);
          onMeasured.run();
        });
      }
      pool.awaitAll();
    } catch (IOException e) {
      throw new UncheckedIOException(cache + ": cannot write: " + e.getMessage(), e);
    }
    if (!infraErrors.isEmpty()) {
      throw new IllegalStateException("the sandbox could not run " + infraErrors.size()
          + " reference solution(s), so their time limits are unknown; first: " + infraErrors.get(0));
    }
    Map<String, ReferenceTiming> ordered = new LinkedHashMap<>();
    tasks.forEach(t -> ordered.put(t.id(), known.get(t.id())));
    return ordered;
  }

  /** The reference solution judged exactly as samples are, with the generous measurement limit. */
  SandboxJob referenceJob(Problem task) {
    ExecutionOptions options = ExecutionOptions.DEFAULTS.withCpuLimit(settings.referenceMeasurement());
    return new SandboxJob(task.id() + "#reference", task.programFor(task.solution()), task.tests(), options);
  }

  static Map<String, ReferenceTiming> read(Path cache) {
    Map<String, ReferenceTiming> known = new LinkedHashMap<>();
    if (!Files.exists(cache)) {
      return known;
    }
    ReadResult<ReferenceTiming> result = JsonlReader.read(cache, ReferenceTiming::fromJson);
    // A torn last line (killed mid-write) is cut by the appender on open; anything else is damage.
    List<String> errors = result.errors().stream()
        .filter(e -> !isTornLastLine(cache, e.line()))
        .map(Object::toString).toList();
    if (!errors.isEmpty()) {
      throw new EvalInputException(errors, "the cache of reference timings is damaged; delete " + cache
          + " to measure again");
    }
    result.items().forEach(t -> known.putIfAbsent(t.taskId(), t));
    return known;
  }

  static boolean isTornLastLine(Path file, int line) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length == 0 || bytes[bytes.length - 1] == '\n') {
        return false;
      }
      long lines = 1;
      for (byte b : bytes) {
        if (b == '\n') {
          lines++;
        }
      }
      return line == lines;
    } catch (IOException e) {
      return false;
    }
  }

  private static void append(JsonlAppender out, ReferenceTiming t) {
    try {
      out.append(t.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(out.file() + ": cannot write: " + e.getMessage(), e);
    }
  }

  private static String truncate(String s) {
    return s.length() <= SampleResult.MESSAGE_CAP ? s : s.substring(0, SampleResult.MESSAGE_CAP - 3) + "...";
  }
}
