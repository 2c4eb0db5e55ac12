package org.laimark.actors.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.laimark.config.SandboxSettings;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;

/**
 * The requests one job makes of its worker, in order: split the tests (unless cached), compute the
 * non-literal expected values, run the program with its probes, compare what is not obviously
 * equal. Blocking; runs on the blocking dispatcher for the worker actor. The actor arms its
 * watchdog for the first request ({@link #firstRequestDeadline}); before each later request the
 * exchange reports its deadline, so the watchdog always covers the request in flight.
 */
final class JobExecution {

  /** The verdict, and the split when it was computed here (for the pool's cache). */
  record Outcome(Verdict verdict, TestSplit freshSplit) {}

  private final WorkerProcess process;
  private final SandboxSettings settings;
  private final Consumer<Duration> requestStarted;
  private boolean firstRequestCovered;

  JobExecution(WorkerProcess process, SandboxSettings settings, Consumer<Duration> requestStarted) {
    this.process = process;
    this.settings = settings;
    this.requestStarted = requestStarted;
  }

  /**
   * The deadline of the request an exchange starts with (a ping, a split, or the run); the worker
   * arms its watchdog with it, and the exchange reports only the requests after the first: one
   * message less per job on the common path.
   */
  Duration firstRequestDeadline(SandboxJob job, TestSplit cached, boolean pingFirst) {
    boolean splitFirst = !job.tests().isBlank() && cached == null;
    return pingFirst || splitFirst
        ? settings.limits().helperWall()
        : Duration.ofMillis(wallMillis(job));
  }

  private void started(Duration deadline) {
    if (firstRequestCovered) {
      requestStarted.accept(deadline);
    }
    firstRequestCovered = true;
  }

  /**
   * Whether the worker's process is still running (checked before a job is blamed for its death).
   */
  boolean workerAlive() {
    return process.isAlive();
  }

  /** Checks the worker still answers (after idling); failures are the worker's, not a job's. */
  void ping() throws IOException {
    started(settings.limits().helperWall());
    process.ping();
  }

  Outcome execute(SandboxJob job, TestSplit cached) throws IOException {
    List<String> flags = ProgramFlags.of(job.program());
    boolean hasTests = !job.tests().isBlank();
    TestSplit split = hasTests ? cached : TestSplit.EMPTY;
    TestSplit fresh = null;
    if (split == null) {
      split = fresh = split(job.tests());
      if (split == null) {
        return new Outcome(
            Verdict.infraError("splitting the tests failed; see the worker log"), null);
      }
    }
    if (split.syntaxError() != null) {
      TestSplit.SyntaxProblem p = split.syntaxError();
      return new Outcome(
          new Verdict(
              org.laimark.data.VerdictStatus.SYNTAX_ERROR,
              p.text(),
              "SyntaxError",
              "tests line " + p.line() + ": " + p.message(),
              flags,
              0,
              0,
              ""),
          fresh);
    }
    double shift = job.options().clockShift().toMillis() / 1000.0;
    ExpectedValues expected = ExpectedValues.NONE;
    if (split.needsExpectedValues()) {
      ChildReport r = child("expect", ExpectedValues.request(split, shift, job.program()), job);
      Optional<Verdict> failed =
          Verdicts.ending(r, cpuMillis(job), true, flags, "computing expected values: ");
      if (failed.isPresent() || r.channel() != ChildReport.Channel.RECORD) {
        return new Outcome(failed.orElseGet(() -> Verdict.infraError("no expected values")), fresh);
      }
      expected = new ExpectedValues(r.record().path("values"));
      // The program's own function named like a builtin (MBPP/126's `sum`): its calls are probes.
      Set<Integer> shadowed = split.shadowedSetups(expected);
      if (!shadowed.isEmpty()) {
        split = split.withSetupsAsProbes(shadowed);
        expected = expected.without(shadowed);
        flags = withFlag(flags, ProgramFlags.SHADOWS_BUILTIN);
      }
    }
    ObjectNode body =
        WorkerProcess.JSON
            .createObjectNode()
            .put("program", job.program())
            .put("clock_shift_s", shift);
    body.set("plan", split.plan());
    ChildReport run = child("run", body, job);
    Optional<Verdict> ended = Verdicts.ending(run, cpuMillis(job), hasTests, flags);
    if (ended.isPresent()) {
      return new Outcome(ended.get(), fresh);
    }
    Verdict verdict = new CheckJudgement(split, run, expected, flags).judge(this::compare);
    return new Outcome(verdict, fresh);
  }

  private static List<String> withFlag(List<String> flags, String flag) {
    List<String> more = new ArrayList<>(flags);
    more.add(flag);
    return List.copyOf(more);
  }

  private TestSplit split(String tests) throws IOException {
    ChildReport r = helper("split", tests.getBytes(StandardCharsets.UTF_8));
    return r.channel() == ChildReport.Channel.RECORD && r.endedNormally()
        ? TestSplit.fromRecord(r.record())
        : null;
  }

  private JsonNode compare(ArrayNode checks) throws IOException {
    ObjectNode body = WorkerProcess.JSON.createObjectNode();
    body.set("checks", checks);
    ChildReport r = helper("compare", WorkerProcess.JSON.writeValueAsBytes(body));
    if (r.channel() != ChildReport.Channel.RECORD || !r.endedNormally()) {
      throw new IOException(
          "the compare child failed ("
              + r.channel()
              + ", signal "
              + r.signal()
              + ", timed out "
              + r.timedOut()
              + "): "
              + r.output());
    }
    return r.record().path("results");
  }

  private ChildReport child(String op, ObjectNode body, SandboxJob job) throws IOException {
    ObjectNode header =
        WorkerProcess.JSON
            .createObjectNode()
            .put("op", op)
            .put("hash_seed", job.options().hashSeed());
    header.set("limits", limits(cpuSeconds(job), wallMillis(job)));
    started(Duration.ofMillis(wallMillis(job)));
    return ChildReport.of(process.request(header, WorkerProcess.JSON.writeValueAsBytes(body)));
  }

  private ChildReport helper(String op, byte[] body) throws IOException {
    long wall = settings.limits().helperWall().toMillis();
    ObjectNode header = WorkerProcess.JSON.createObjectNode().put("op", op);
    header.set("limits", limits((wall + 999) / 1000, wall));
    started(settings.limits().helperWall());
    return ChildReport.of(process.request(header, body));
  }

  private ObjectNode limits(long cpuSeconds, long wallMillis) {
    SandboxSettings.Limits l = settings.limits();
    return WorkerProcess.JSON
        .createObjectNode()
        .put("cpu_s", cpuSeconds)
        .put("wall_ms", wallMillis)
        .put("as_bytes", l.memoryBytes())
        .put("fsize_bytes", l.fileSizeBytes())
        .put("nofile", l.openFiles())
        .put("nproc", l.processes())
        .put("output_bytes", l.outputBytes())
        .put("result_bytes", l.resultBytes());
  }

  private long cpuSeconds(SandboxJob job) {
    Duration cpu = job.options().cpuLimit();
    return cpu == null
        ? settings.limits().cpuSeconds()
        : Math.max(1, (cpu.toMillis() + 999) / 1000);
  }

  private long cpuMillis(SandboxJob job) {
    return cpuSeconds(job) * 1000;
  }

  /** The configured wall limit, stretched when a job is granted more CPU than the default. */
  long wallMillis(SandboxJob job) {
    long extraCpu = Math.max(0, cpuMillis(job) - settings.limits().cpuSeconds() * 1000);
    return settings.limits().wall().toMillis() + extraCpu;
  }
}
