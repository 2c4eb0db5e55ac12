package org.laimark.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ai.djl.ndarray.NDManager;
import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.laimark.actors.eval.AnswerMode;
import org.laimark.actors.eval.Benchmarks;
import org.laimark.actors.eval.Evaluation;
import org.laimark.actors.eval.Harness;
import org.laimark.actors.eval.InferencePolicy;
import org.laimark.actors.eval.ModelUnderEvaluation;
import org.laimark.actors.eval.SampleResult;
import org.laimark.actors.sandbox.SandboxService;
import org.laimark.config.EvalSettings;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.SandboxSettings;
import org.laimark.data.Problem;
import org.laimark.model.ComputeThreads;
import org.laimark.model.pretrain.HeldOutScore;
import org.laimark.model.pretrain.LossCurve;
import org.laimark.model.pretrain.ModelCard;
import org.laimark.model.pretrain.PretrainLoop;
import org.laimark.model.pretrain.PretrainPrompts;
import org.laimark.model.pretrain.PretrainReport;
import org.laimark.model.pretrain.PretrainRun;
import org.laimark.model.pretrain.PretrainSettings;
import org.laimark.model.pretrain.PretrainableModel;
import org.laimark.model.qwen3.Qwen3Config;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.train.TrainableLm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code laimark pretrain}: makes the embedded model from random initialisation (docs/embedded-model.md):
 * domain splits, tokenizer, supervised pre-training with a progress bar and a loss curve, a standard Hugging
 * Face model directory, held-out pass@1 through the sandbox, and the model card. Long (the embedded preset
 * takes about an hour on 2 cores); {@code --preset smoke} runs the same path in a minute or two.
 */
@Command(
    name = "pretrain",
    mixinStandardHelpOptions = true,
    description = "Make the embedded model from random initialisation: domain data, tokenizer, pre-training,"
        + " held-out pass@1 and a model card, into a Hugging Face model directory.")
public final class PretrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "data/models/laimark-tiny",
      description = "Model directory to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--preset", paramLabel = "NAME", defaultValue = "embedded",
      description = "embedded (the shipped model, ~1 h on 2 cores), embedded-named (the same, its writing"
          + " prompts naming the first operation) or smoke (same path, 1-2 min, learns nothing).")
  String preset;

  @Option(names = "--steps", paramLabel = "N", description = "Optimizer steps instead of the preset's.")
  Integer steps;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of weights and data order (default 42).")
  Long seed;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "Compute threads; 0 = one per core (default).")
  int threads;

  @Option(names = "--eval-problems", paramLabel = "N",
      description = "Held-out problems to evaluate after training (0 = skip; default: the preset's).")
  Integer evalProblems;

  @Option(names = "--config", paramLabel = "FILE", description = "Experiment file (HOCON): sandbox settings.")
  Path config;

  @Option(names = "--no-progress", description = "No progress bar (e.g. in logs).")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    PretrainSettings settings = settings();
    PrintWriter err = spec.commandLine().getErr();
    int threadCount = ComputeThreads.configure(threads);
    Qwen3Config shape = settings.modelConfig();
    err.printf(Locale.ROOT, "laimark: pre-training %,d parameters for %d steps of %d examples on %d threads"
        + " into %s%n", shape.parameterCount(), settings.steps(), settings.batchSize(), threadCount, out);
    err.flush();
    PretrainReport report;
    try (TrainingProgress progress = new TrainingProgress(!noProgress, err)) {
      report = new PretrainRun(settings, PretrainPrompts.DEFAULT, out, progress)
          .run(vocabulary -> freshModel(settings.shape().config(vocabulary), settings.seed()));
    }
    HeldOutScore score = settings.evalProblems() == 0 ? null : evaluate(settings.evalProblems());
    new ModelCard(out.getFileName().toString(), settings, PretrainPrompts.DEFAULT, report, score, commandLine(),
        threadCount).write(out);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "loss %.3f -> %.3f in %.1f min; %s%n", report.firstLoss(), report.finalLoss(),
        report.seconds() / 60, score == null ? "not evaluated" : String.format(Locale.ROOT,
            "held-out pass@1 %.1f%% (%d/%d)", 100 * score.passAt1(), score.passed(), score.total()));
    stdout.println("model: " + out + "  card: " + out.resolve("README.md"));
    stdout.flush();
    return 0;
  }

  private PretrainSettings settings() {
    PretrainSettings s;
    if (preset.equals("embedded")) {
      s = PretrainSettings.EMBEDDED;
    } else if (preset.equals("embedded-named")) {
      s = PretrainSettings.EMBEDDED_NAMED;
    } else if (preset.equals("smoke")) {
      s = PretrainSettings.SMOKE;
    } else {
      throw new UserInputException("--preset " + preset + ": expected embedded, embedded-named or smoke");
    }
    try {
      s = steps == null ? s : s.withSteps(steps);
      s = seed == null ? s : s.withSeed(seed);
      return evalProblems == null ? s : s.withEvalProblems(evalProblems);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  /**
   * Pre-training trains every weight; Qwen3Model trains only LoRA adapters so far (its base weights are
   * frozen). Refused up front rather than after the data and tokenizer are made.
   */
  /** A random Qwen3 whose every weight trains, in its own NDManager (closed with the model). */
  private static PretrainableModel freshModel(Qwen3Config config, long seed) {
    NDManager manager = NDManager.newBaseManager();
    Qwen3Model model;
    try {
      model = Qwen3Model.random(config, seed, manager);
      model.trainAllWeights();
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
    return new PretrainableModel() {
      @Override
      public TrainableLm trainable() {
        return model;
      }

      @Override
      public void save(Path directory) {
        model.save(directory);
      }

      @Override
      public String source() {
        return model.source();
      }

      @Override
      public void close() {
        model.close();
        manager.close();
      }
    };
  }

  /** Greedy pass@1 of the new model on the held-out file it wrote, judged in the sandbox. */
  private HeldOutScore evaluate(int problems) throws InterruptedException {
    // The new model's laimark.conf holds the prompts it was trained with.
    Config root = LaimarkConfig.load(config, Map.of(), out);
    EvalSettings eval = EvalSettings.fromConfig(root);
    List<Problem> tasks = Benchmarks.load(out.resolve(PretrainRun.HELD_OUT_FILE).toString(), null).tasks();
    tasks = tasks.subList(0, Math.min(problems, tasks.size()));
    Map<String, Integer> difficulty = new HashMap<>();
    tasks.forEach(t -> difficulty.put(t.id(), Integer.parseInt(t.difficulty())));
    Map<Integer, int[]> byDifficulty = new java.util.TreeMap<>();
    int[] passed = {0};
    Evaluation.Plan plan = new Evaluation.Plan(PretrainRun.HELD_OUT_FILE, "all", tasks, 1, List.of(1),
        Harness.STANDARD, AnswerMode.fromWireName(eval.mode()));
    try (ModelUnderEvaluation model = ModelUnderEvaluation.open(eval, out, null, 1, 0.0, 160, 42L,
            InferencePolicy::load);
        SandboxService sandbox = SandboxService.start(SandboxSettings.fromConfig(root))) {
      ObjectNode summary = new Evaluation(plan, model.answers(), sandbox, eval, out.resolve("eval-heldout"),
          new Evaluation.Listener() {
            @Override
            public synchronized void sampleScored(SampleResult r) {
              int[] cell = byDifficulty.computeIfAbsent(difficulty.get(r.taskId()), d -> new int[2]);
              cell[0] += r.passed() ? 1 : 0;
              cell[1]++;
              passed[0] += r.passed() ? 1 : 0;
            }
          }).run(commandLine());
      if (!summary.get("complete").asBoolean()) {
        throw new IllegalStateException("held-out evaluation incomplete (sandbox infrastructure errors); see "
            + out.resolve("eval-heldout"));
      }
    }
    return new HeldOutScore(passed[0], tasks.size(), byDifficulty);
  }

  private String commandLine() {
    return "laimark " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }

  /** Phases as lines, the training loop as a bar with the loss and the learning rate. */
  private static final class TrainingProgress implements PretrainRun.Listener, AutoCloseable {
    private final boolean enabled;
    private final PrintWriter err;
    private ProgressBar bar;

    TrainingProgress(boolean enabled, PrintWriter err) {
      this.enabled = enabled;
      this.err = err;
    }

    @Override
    public void phase(String description) {
      err.println("laimark: " + description);
      err.flush();
    }

    @Override
    public void step(PretrainLoop.StepResult r, LossCurve.Point point, int totalSteps) {
      if (bar == null && enabled) {
        bar = new ProgressBarBuilder().setTaskName("pretrain").setInitialMax(totalSteps)
            .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
            .setUpdateIntervalMillis(1000).build();
      }
      String status = String.format(Locale.ROOT, "loss %.3f lr %.1e %.0f tok/s", r.loss(), r.learningRate(),
          point.tokens() / Math.max(1e-9, point.elapsedSeconds()));
      if (bar != null) {
        bar.stepTo(r.step());
        bar.setExtraMessage(status);
      } else if (r.step() % 100 == 0 || r.step() == totalSteps) {
        err.println("laimark: step " + r.step() + "/" + totalSteps + " " + status);
        err.flush();
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
