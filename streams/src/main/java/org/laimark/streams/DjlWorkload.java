package org.laimark.streams;

import ai.djl.ndarray.NDManager;
import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.laimark.actors.eval.Benchmarks;
import org.laimark.actors.eval.ContaminationGuard;
import org.laimark.actors.eval.EvalPrompts;
import org.laimark.actors.pipeline.DedupSettings;
import org.laimark.actors.pipeline.HeldOutSampling;
import org.laimark.actors.pipeline.ModelAccessSettings;
import org.laimark.actors.pipeline.SandboxedPassAtOne;
import org.laimark.actors.pipeline.Verifier;
import org.laimark.actors.sandbox.SandboxService;
import org.laimark.config.EvalSettings;
import org.laimark.config.InvalidSettingException;
import org.laimark.config.ModelSettings;
import org.laimark.config.SandboxSettings;
import org.laimark.config.StreamSettings;
import org.laimark.config.TaskMixSettings;
import org.laimark.data.Problem;
import org.laimark.model.ComputeThreads;
import org.laimark.model.policy.DjlPolicy;
import org.laimark.model.train.OptimizerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real workload ({@code run.policy = djl}): the Qwen3 policy with a LoRA adapter on DJL from
 * {@code run.model-dir}, the bubblewrap sandbox pool ({@code laimark.sandbox}), the contamination guard
 * against the configured benchmarks ({@code laimark.eval.contamination}) and, by the dedup rule, the run's
 * own held-out set, and held-out pass@1 (greedy, or sampled: {@link HeldOutSampling}) on the
 * first {@code evaluation.tasks} tasks of {@code evaluation.benchmark}. Everything opened is closed by the workload's
 * {@code close}, in reverse order; a failure while opening closes what was already open.
 */
final class DjlWorkload {

  private static final Logger log = LoggerFactory.getLogger(DjlWorkload.class);

  private DjlWorkload() {}

  static Workload open(Config config) {
    DjlRunSettings djl = DjlRunSettings.fromConfig(config);
    Path modelDir = djl.modelDirectory(); // a wrong key fails before anything heavy starts
    TaskMixSettings tasks = TaskMixSettings.fromConfig(config);
    EvalSettings eval = EvalSettings.fromConfig(config);
    SandboxSettings sandboxSettings = SandboxSettings.fromConfig(config);
    StreamSettings stream = StreamSettings.fromConfig(config);
    List<Problem> heldOut = heldOut(djl.heldOutBenchmark(), djl.heldOutTasks());
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    AutoCloseable closeAll = () -> closeInReverse(opened);
    try {
      ComputeThreads.configure(ModelSettings.fromConfig(config).threads());
      NDManager manager = NDManager.newBaseManager();
      opened.push(manager);
      // The trainer's temperature must be the rollouts' sampling temperature (tasks.temperature).
      DjlPolicy.Settings settings = new DjlPolicy.Settings(djl.grpo(),
          OptimizerSettings.study(djl.scheduleSteps()).withPeakLearningRate(djl.learningRate()), djl.lora(), tasks.temperature(),
          ModelAccessSettings.fromConfig(config).maxBatchSize(), null);
      DjlPolicy policy = DjlPolicy.open(modelDir, null, settings, manager);
      opened.push(policy);
      SandboxService sandbox = SandboxService.start(sandboxSettings);
      opened.push(sandbox);
      EvalSettings.Contamination c = eval.contamination();
      ContaminationGuard guard = ContaminationGuard.against(c.against(), c);
      HeldOutSampling sampling = HeldOutSampling.fromConfig(config);
      String benchmark = benchmarkName(djl.heldOutBenchmark()) + "[" + heldOut.size() + "] " + sampling.describe();
      log.info("DJL workload: {}, sandbox {}, contamination guard against {}, held-out {}",
          policy.description(), sandboxSettings.isolation(), c.against(), benchmark);
      Verifier.ContaminationCheck contamination = Verifier.ContaminationCheck.of(guard)
          .or(Verifier.ContaminationCheck.nearCopiesOf(heldOut, DedupSettings.fromConfig(config)));
      return new Workload(policy, sandbox, contamination,
          (model, scheduler) -> new SandboxedPassAtOne(benchmark, heldOut, new EvalPrompts(eval.prompt()),
              djl.heldOutMaxNewTokens(), sandbox, model, scheduler, stream.askTimeout(), sampling),
          closeAll);
    } catch (RuntimeException | Error e) {
      closeInReverse(opened);
      throw e;
    }
  }

  /** The first {@code count} tasks (all when 0 or more than there are): a fixed, stated subset. */
  static List<Problem> heldOut(String benchmark, int count) {
    List<Problem> all;
    try {
      all = Benchmarks.load(benchmark, null).tasks();
    } catch (RuntimeException e) {
      throw new InvalidSettingException("laimark.pipeline.evaluation.benchmark: " + e.getMessage());
    }
    return count == 0 || count >= all.size() ? all : all.subList(0, count);
  }

  /** "humaneval", or a problem file's name without its folder (a folder is no name). */
  private static String benchmarkName(String benchmark) {
    Path file = Path.of(benchmark).getFileName();
    return file == null ? benchmark : file.toString();
  }

  private static void closeInReverse(Deque<AutoCloseable> opened) {
    while (!opened.isEmpty()) {
      AutoCloseable c = opened.pop();
      try {
        c.close();
      } catch (Exception e) {
        log.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
