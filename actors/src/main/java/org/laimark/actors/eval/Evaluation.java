package org.laimark.actors.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.config.EvalSettings;
import org.laimark.data.ExecutionOptions;
import org.laimark.data.Problem;
import org.laimark.data.SandboxJob;
import org.laimark.data.VerdictStatus;

/**
 * One evaluation run into an output folder: measures reference timings (standard harness), asks the answer
 * source for every sample not yet in {@code results.jsonl}, judges each in the sandbox, appends its result,
 * and writes {@code summary.json} from the whole results file. Running it again on the same folder resumes;
 * a folder holding a different evaluation ({@code run.json}) is refused, and a lock keeps two processes out
 * of one folder. Blocking; meant for a command-line run, not for an actor's thread.
 */
public final class Evaluation {

  /**
   * What to evaluate.
   *
   * @param benchmark e.g. {@code humaneval}, {@code mbpp} or a file name
   * @param split e.g. {@code test}
   * @param tasks the tasks, in order
   * @param n samples per task
   * @param ks the k of pass@k to report, each at most n
   * @param harness ours or the study's
   * @param mode how to read answers (ignored by the study's harness)
   */
  public record Plan(
      String benchmark, String split, List<Problem> tasks, int n, List<Integer> ks, Harness harness,
      AnswerMode mode) {
    public Plan {
      tasks = List.copyOf(tasks);
      ks = List.copyOf(ks);
      if (tasks.isEmpty()) {
        throw new EvalInputException("no tasks to evaluate in " + benchmark + " " + split);
      }
      for (int k : ks) {
        if (k <= 0 || k > n) {
          throw new EvalInputException("pass@" + k + " needs at least " + k + " samples per task, but n="
              + n + " (raise --n or lower --k)");
        }
      }
    }
  }

  /** Progress callbacks; called from sandbox threads, so implementations must be thread-safe. */
  public interface Listener {
    default void referencesStarted(int tasks) {}

    default void referenceMeasured() {}

    default void samplesStarted(long total, long alreadyDone) {}

    default void sampleScored(SampleResult result) {}
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Plan plan;
  private final AnswerSource answers;
  private final Sandbox sandbox;
  private final EvalSettings settings;
  private final Path out;
  private final Listener listener;

  public Evaluation(
      Plan plan, AnswerSource answers, Sandbox sandbox, EvalSettings settings, Path out, Listener listener) {
    this.plan = plan;
    this.answers = answers;
    this.sandbox = sandbox;
    this.settings = settings;
    this.out = out;
    this.listener = listener;
  }

  /**
   * Runs (or resumes) the evaluation and writes {@code summary.json}.
   *
   * @param command the command line, recorded in the summary
   * @return the summary as written
   */
  public ObjectNode run(String command) throws InterruptedException {
    Instant started = Instant.now();
    try {
      Files.createDirectories(out);
      try (FileChannel lockFile = FileChannel.open(out.resolve(".lock"), StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
          FileLock lock = lockFile.tryLock()) {
        if (lock == null) {
          throw new EvalInputException(out + ": another evaluation is writing to this folder");
        }
        ObjectNode identity = identity();
        RunFolder.claim(out.resolve("run.json"), identity);
        return runLocked(command, identity, started);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(out + ": " + e.getMessage(), e);
    }
  }

  private ObjectNode runLocked(String command, ObjectNode identity, Instant started)
      throws InterruptedException, IOException {
    Map<String, ReferenceTiming> references = new LinkedHashMap<>();
    if (plan.harness() == Harness.STANDARD) {
      listener.referencesStarted(plan.tasks().size());
      references = new TimeLimits(settings).measure(plan.tasks(), sandbox, out.resolve("references.jsonl"),
          listener::referenceMeasured);
    }
    AtomicInteger infraErrors = new AtomicInteger();
    List<String> infraMessages = new ArrayList<>();
    int resumedFrom;
    EvalSummary summary;
    try (ResultsLog log = ResultsLog.open(out.resolve("results.jsonl"))) {
      List<SampleKey> pending = new ArrayList<>();
      for (Problem task : plan.tasks()) {
        for (int i = 0; i < plan.n(); i++) {
          SampleKey key = new SampleKey(task, i);
          if (!log.finished(key)) {
            pending.add(key);
          }
        }
      }
      long total = (long) plan.tasks().size() * plan.n();
      resumedFrom = (int) (total - pending.size());
      listener.samplesStarted(total, resumedFrom);
      BoundedSandbox pool = new BoundedSandbox(sandbox, settings.parallelism(), settings.jobDeadline());
      try {
        for (int from = 0; from < pending.size(); from += answers.batchSize()) {
          List<SampleKey> batch = pending.subList(from, Math.min(pending.size(), from + answers.batchSize()));
          List<String> texts = answers.answers(batch);
          for (int i = 0; i < batch.size(); i++) {
            score(batch.get(i), texts.get(i), references, log, pool, infraErrors, infraMessages);
          }
        }
      } finally {
        // Also when generation fails: samples already submitted are recorded, not redone.
        pool.awaitAll();
      }
      summary = EvalSummary.of(plan.tasks(), plan.n(), plan.ks(), log.all(), references);
    }
    ObjectNode written = describe(command, identity, started, resumedFrom, infraErrors.get(), infraMessages);
    written.setAll(summary.toJson());
    writeAtomically(out.resolve("summary.json"), written);
    return written;
  }

  private void score(
      SampleKey key, String answer, Map<String, ReferenceTiming> references, ResultsLog log,
      BoundedSandbox pool, AtomicInteger infraErrors, List<String> infraMessages)
      throws InterruptedException {
    Harness.Prepared prepared = plan.harness().prepare(key.problem(), answer, plan.mode());
    if (prepared.empty()) {
      record(log, SampleResult.emptyAnswer(key, prepared.mode(), answer));
      return;
    }
    long limit = plan.harness() == Harness.SEED_COMPAT
        ? settings.seedCompatLimit().toMillis()
        : references.get(key.taskId()).limitMillis();
    ExecutionOptions options = ExecutionOptions.DEFAULTS.withCpuLimit(Duration.ofMillis(limit));
    Problem task = key.problem();
    SandboxJob job = new SandboxJob(key.label(), task.programFor(prepared.solution()), task.tests(), options);
    pool.submit(job, verdict -> {
      if (verdict.status() == VerdictStatus.INFRA_ERROR) {
        infraErrors.incrementAndGet();
        synchronized (infraMessages) {
          if (infraMessages.size() < 5) {
            infraMessages.add(verdict.message());
          }
        }
        return;
      }
      record(log, SampleResult.of(key, verdict, prepared.mode(), limit, answer));
    });
  }

  private void record(ResultsLog log, SampleResult result) {
    log.append(result);
    listener.sampleScored(result);
  }

  /** What makes two runs the same evaluation (resumable into one folder). */
  private ObjectNode identity() {
    ObjectNode o = JSON.createObjectNode();
    o.put("benchmark", plan.benchmark());
    o.put("split", plan.split());
    o.put("harness", plan.harness().wireName());
    o.put("mode", plan.harness() == Harness.SEED_COMPAT ? "n/a" : plan.mode().wireName());
    o.put("samples_per_task", plan.n());
    o.set("source", answers.identity());
    return o;
  }

  private ObjectNode describe(String command, ObjectNode identity, Instant started, int resumedFrom,
      int infraErrors, List<String> infraMessages) {
    ObjectNode o = identity.deepCopy();
    o.put("command", command);
    ObjectNode limits = o.putObject("time_limits");
    if (plan.harness() == Harness.SEED_COMPAT) {
      limits.put("fixed_seconds", settings.seedCompatLimit().toMillis() / 1000.0);
    } else {
      limits.put("floor_seconds", settings.timeLimitFloor().toMillis() / 1000.0);
      limits.put("reference_factor", settings.timeLimitFactor());
      limits.put("reference_failed_seconds", settings.referenceFailedLimit().toMillis() / 1000.0);
    }
    o.put("started_at", started.toString());
    o.put("finished_at", Instant.now().toString());
    o.put("samples_already_done_at_start", resumedFrom);
    o.put("infra_errors_this_run", infraErrors);
    if (infraErrors > 0) {
      o.putArray("infra_error_examples").addAll(
          infraMessages.stream().map(JSON.getNodeFactory()::textNode).toList());
    }
    return o;
  }

  private static void writeAtomically(Path file, ObjectNode content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(content) + "\n");
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
