package org.laimark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.laimark.actors.eval.AnswerMode;
import org.laimark.actors.eval.AnswerSource;
import org.laimark.actors.eval.Benchmarks;
import org.laimark.actors.eval.EvalInputException;
import org.laimark.actors.eval.Evaluation;
import org.laimark.actors.eval.Harness;
import org.laimark.actors.eval.InferencePolicy;
import org.laimark.actors.eval.ModelUnderEvaluation;
import org.laimark.actors.eval.ReferenceAnswers;
import org.laimark.actors.eval.SampleResult;
import org.laimark.actors.eval.SamplesFile;
import org.laimark.actors.eval.SamplesFileAnswers;
import org.laimark.actors.sandbox.SandboxService;
import org.laimark.config.EvalSettings;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.ModelSettings;
import org.laimark.config.SandboxSettings;
import org.laimark.model.ComputeThreads;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code laimark eval}: pass@k of samples, of a model, or of the benchmark's own references, on HumanEval,
 * MBPP or a problem file, judged in the sandbox (docs/evaluation.md). Writes {@code results.jsonl} (one line
 * per sample), {@code references.jsonl} (reference timings) and {@code summary.json} into {@code --out};
 * running the same command on the same folder resumes it. Exit codes: 0 done, 2 bad input, 3 some samples
 * hit infrastructure errors (run again to retry them). Longer than most files: picocli keeps a command's
 * options in its class, and the progress bar (a streams-only dependency) lives here too.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Evaluate samples or a model on HumanEval, MBPP or a problem file: pass@k, failure classes.")
public final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--benchmark", required = true, paramLabel = "NAME",
      description = "humaneval, mbpp, or a problem file (JSONL: study, HumanEval or MBPP format).")
  String benchmark;

  @Option(names = "--split", paramLabel = "SPLIT",
      description = "humaneval: test; mbpp: test (11-510, default), validation, train, prompt, all.")
  String split;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--samples", paramLabel = "FILE.jsonl",
        description = "Score these answers (human-eval format: task_id, completion; optional sample).")
    Path samples;

    @Option(names = "--model", paramLabel = "DIR", description = "Generate answers with this model.")
    Path model;

    @Option(names = "--reference", description = "Score the benchmark's own reference solutions.")
    boolean reference;
  }

  @Option(names = "--adapter", paramLabel = "DIR", description = "LoRA adapter (PEFT format) for --model.")
  Path adapter;

  @Option(names = "--n", paramLabel = "N", description = "Samples per task (--model; default 1, greedy).")
  Integer n;

  @Option(names = "--k", split = ",", paramLabel = "K", description = "pass@k to report, e.g. 1,10 (each <= n).")
  List<Integer> k;

  @Option(names = "--temperature", paramLabel = "T",
      description = "Sampling temperature (--model; default 0 = greedy for n = 1, else"
          + " laimark.eval.generation.temperature).")
  Double temperature;

  @Option(names = "--max-new-tokens", paramLabel = "N", description = "New-token cap per answer (--model).")
  Integer maxNewTokens;

  @Option(names = "--seed", paramLabel = "S", description = "Base sampling seed (--model).")
  Long seed;

  @Option(names = "--limit", paramLabel = "N",
      description = "Only the first N tasks (--model or --reference; a smoke test, reported as such).")
  Integer limit;

  @Option(names = "--mode", paramLabel = "MODE",
      description = "How answers are read: auto (default), full-function, body.")
  String mode;

  @Option(names = "--compat", paramLabel = "seed",
      description = "seed: judge exactly as the original study's harness did (strips the answer; see"
          + " docs/evaluation.md).")
  String compat;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder; an existing one is resumed (default: evaluations/<benchmark>-<time>).")
  Path out;

  @Option(names = "--config", paramLabel = "FILE", description = "Experiment file (HOCON) over the defaults.")
  Path config;

  @Option(names = "--no-progress",
      description = "No progress bar (it is also off when the output is not a terminal, e.g. in logs).")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    try {
      return evaluate();
    } catch (EvalInputException e) {
      List<String> lines = e.problems();
      if (lines.size() == 1) {
        throw new UserInputException(e.getMessage());
      }
      PrintWriter err = spec.commandLine().getErr();
      lines.stream().limit(20).forEach(line -> err.println("laimark: " + line));
      if (lines.size() > 20) {
        err.println("laimark: ... and " + (lines.size() - 20) + " more");
      }
      err.flush();
      throw new UserInputException(lines.size() + " problems (listed above)"
          + (e.advice().isEmpty() ? "" : "; " + e.advice()));
    }
  }

  private int evaluate() throws Exception {
    if (adapter != null && source.model == null) {
      throw new UserInputException("--adapter needs --model");
    }
    if (mode != null && AnswerMode.fromWireName(mode) == null) {
      throw new UserInputException("--mode " + mode + ": expected auto, full-function or body");
    }
    Map<String, Object> overrides = new LinkedHashMap<>();
    if (mode != null) {
      overrides.put("laimark.eval.mode", mode);
    }
    // A model folder may carry its own settings (the embedded model: the prompts it was trained with).
    Config root = LaimarkConfig.load(config, overrides, source.model);
    EvalSettings settings = EvalSettings.fromConfig(root);
    if (source.model != null) {
      // Before the engine starts, as a run does: two evaluations side by side, each with one thread per
      // core, spin-wait for each other's cores (measured 10x slower than one thread each).
      ComputeThreads.configure(ModelSettings.fromConfig(root).threads());
    }
    Harness harness = harness();
    Benchmarks.TaskSet tasks = tasks();
    SamplesFile.Samples samples = source.samples == null ? null
        : SamplesFile.read(source.samples, tasks.tasks(), tasks.describe());
    int samplesPerTask = samplesPerTask(samples);
    Evaluation.Plan plan = new Evaluation.Plan(tasks.benchmark(), tasks.split(), tasks.tasks(),
        samplesPerTask, ks(settings, samplesPerTask), harness, AnswerMode.fromWireName(settings.mode()));
    Path folder = out != null ? out : defaultFolder(tasks.benchmark());
    PrintWriter err = spec.commandLine().getErr();
    ObjectNode summary;
    try (ModelUnderEvaluation model = source.model == null ? null
            : ModelUnderEvaluation.open(settings, source.model, adapter, samplesPerTask, temperature,
                maxNewTokens, seed, InferencePolicy::load);
        SandboxService sandbox = SandboxService.start(SandboxSettings.fromConfig(root));
        Progress progress = new Progress(tasks.benchmark(), !noProgress && System.console() != null, err)) {
      AnswerSource answers = model != null ? model.answers()
          : samples != null ? new SamplesFileAnswers(samples, source.samples) : new ReferenceAnswers();
      err.println("laimark: evaluating " + tasks.tasks().size() + " tasks of " + tasks.describe() + " into "
          + folder);
      err.flush();
      summary = new Evaluation(plan, answers, sandbox, settings, folder, progress).run(commandLine());
    }
    printSummary(summary, folder);
    return summary.get("complete").asBoolean() ? 0 : 3;
  }

  private Benchmarks.TaskSet tasks() {
    Benchmarks.TaskSet tasks = Benchmarks.load(benchmark, split);
    if (limit == null) {
      return tasks;
    }
    if (limit <= 0 || source.samples != null) {
      throw new UserInputException("--limit: must be positive, and only with --model or --reference");
    }
    return new Benchmarks.TaskSet(tasks.benchmark(), tasks.split() + " (first " + limit + " tasks)",
        tasks.tasks().subList(0, Math.min(limit, tasks.tasks().size())));
  }

  private int samplesPerTask(SamplesFile.Samples samples) {
    if (samples != null) {
      if (n != null && n != samples.n()) {
        throw new UserInputException("--n " + n + ": " + source.samples + " has " + samples.n()
            + " samples per task");
      }
      return samples.n();
    }
    if (source.reference && n != null && n != 1) {
      throw new UserInputException("--n " + n + ": there is one reference solution per task");
    }
    if (n != null && n <= 0) {
      throw new UserInputException("--n: must be positive, got " + n);
    }
    return n == null ? 1 : n;
  }

  private Harness harness() {
    if (compat == null) {
      return Harness.STANDARD;
    }
    if (!compat.equals("seed")) {
      throw new UserInputException("--compat " + compat + ": the only compatibility mode is seed");
    }
    if (mode != null) {
      throw new UserInputException("--mode has no effect with --compat seed (the study's harness had none)");
    }
    return Harness.SEED_COMPAT;
  }

  private List<Integer> ks(EvalSettings settings, int samplesPerTask) {
    if (k != null) {
      return k;
    }
    List<Integer> defaults = new ArrayList<>();
    settings.k().stream().filter(v -> v <= samplesPerTask).forEach(defaults::add);
    if (defaults.isEmpty()) {
      defaults.add(1);
    }
    return defaults;
  }

  private static Path defaultFolder(String benchmark) {
    String name = Path.of(benchmark).getFileName().toString().replaceAll("\\.jsonl(\\.gz)?$", "");
    String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return Path.of("evaluations", name + "-" + time);
  }

  private String commandLine() {
    return "laimark " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }

  private void printSummary(ObjectNode summary, Path folder) {
    PrintWriter stdout = spec.commandLine().getOut();
    StringBuilder line = new StringBuilder();
    summary.get("pass_at_k").fields().forEachRemaining(e -> line.append(String.format(Locale.ROOT,
        "pass@%s = %.4f  ", e.getKey(), e.getValue().asDouble())));
    line.append("(").append(summary.get("passed").asInt()).append("/").append(summary.get("samples").asInt())
        .append(" samples passed)");
    stdout.println(line);
    StringBuilder classes = new StringBuilder("failures:");
    summary.get("error_classes").fields().forEachRemaining(e -> {
      if (!e.getKey().equals("passed") && e.getValue().asLong() > 0) {
        classes.append(' ').append(e.getKey()).append('=').append(e.getValue().asLong());
      }
    });
    stdout.println(classes);
    JsonNode refs = summary.get("reference_failures");
    if (refs != null && refs.size() > 0) {
      stdout.println("reference solutions failing: " + refs.size() + " (listed in summary.json)");
    }
    if (!summary.get("complete").asBoolean()) {
      stdout.println("INCOMPLETE: " + summary.get("infra_errors_this_run").asInt() + " samples hit"
          + " infrastructure errors; run the same command with --out " + folder + " to retry them");
    }
    stdout.println("results: " + folder.resolve("results.jsonl") + "  summary: " + folder.resolve("summary.json"));
    stdout.flush();
  }

  /** Progress on stderr: one bar for the reference timings, one for the samples. */
  private static final class Progress implements Evaluation.Listener, AutoCloseable {
    private final String name;
    private final boolean enabled;
    private final PrintWriter err;
    private final AtomicLong passed = new AtomicLong();
    private final AtomicLong scored = new AtomicLong();
    private ProgressBar bar;

    Progress(String name, boolean enabled, PrintWriter err) {
      this.name = Path.of(name).getFileName().toString();
      this.enabled = enabled;
      this.err = err;
    }

    private synchronized void open(String task, long total, long done) {
      close();
      if (!enabled) {
        return;
      }
      bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
          .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500)
          .startsFrom(done, java.time.Duration.ZERO).build();
    }

    @Override
    public void referencesStarted(int tasks) {
      open(name + " references", tasks, 0);
    }

    @Override
    public synchronized void referenceMeasured() {
      if (bar != null) {
        bar.step();
      }
    }

    @Override
    public void samplesStarted(long total, long alreadyDone) {
      open(name, total, alreadyDone);
      if (alreadyDone > 0) {
        err.println("laimark: resuming: " + alreadyDone + " of " + total + " samples already scored");
        err.flush();
      }
    }

    @Override
    public synchronized void sampleScored(SampleResult result) {
      long ok = result.passed() ? passed.incrementAndGet() : passed.get();
      long all = scored.incrementAndGet();
      if (bar != null) {
        bar.step();
        bar.setExtraMessage("passed " + ok + "/" + all + " this run");
      }
    }

    @Override
    public synchronized void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
