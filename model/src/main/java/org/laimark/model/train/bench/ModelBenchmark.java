package org.laimark.model.train.bench;

import ai.djl.ndarray.NDManager;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.laimark.model.lora.LoraConfig;
import org.laimark.model.qwen3.Qwen3Config;
import org.laimark.model.qwen3.Qwen3Model;

/**
 * Runs the model benchmarks in one process and prints them side by side: the matmul peak (measured before
 * and after the model work, to show how much the machine's ceiling moved meanwhile), prefill and decode at
 * batch 1 and 16, and LoRA GRPO training with its FLOP rate as a fraction of that peak.
 */
public final class ModelBenchmark {

  /** The default model when none is given: a random Qwen3 of about 48M parameters. */
  public static final Qwen3Config DEFAULT_CONFIG = Qwen3Config.qwen3(32768, 512, 1536, 10, 8, 4, 64, true);

  /** What to run. */
  public record Plan(
      int repeats,
      int promptLength,
      int newTokens,
      TrainingThroughput.Shape training,
      int trainingSteps) {
    public static Plan defaults() {
      return new Plan(3, 128, 32, new TrainingThroughput.Shape(2, 4, 64, 192, 4), 3);
    }
  }

  private ModelBenchmark() {}

  /** Runs the plan on {@code model} (a LoRA adapter with the study's layout is attached if it has none). */
  public static void run(Qwen3Model model, Plan plan, NDManager manager, PrintStream out) {
    Qwen3Config c = model.config();
    out.printf(Locale.ROOT, "model: %s, %.1fM parameters (hidden %d, %d layers, vocab %d)%n",
        model.source(), c.parameterCount() / 1e6, c.hiddenSize(), c.numHiddenLayers(), c.vocabSize());
    MatmulPeak.Samples peakBefore = MatmulPeak.measure(manager, 10);
    row(out, "matmul 1024^3 fp32 (before)", "GFLOP/s", peakBefore);
    GenerationThroughput.Result one =
        GenerationThroughput.measure(model, 1, plan.promptLength(), plan.newTokens(), plan.repeats());
    GenerationThroughput.Result sixteen =
        GenerationThroughput.measure(model, 16, plan.promptLength(), plan.newTokens(), plan.repeats());
    row(out, "prefill B=1, " + plan.promptLength() + " tokens", "tokens/s", one.prefill());
    row(out, "prefill B=16", "tokens/s", sixteen.prefill());
    row(out, "decode B=1", "tokens/s", one.decode());
    row(out, "decode B=16", "tokens/s", sixteen.decode());
    out.printf(Locale.ROOT, "%-34s %10.2fx%n", "decode B=16 / B=1 (medians)",
        sixteen.decode().median() / one.decode().median());
    if (!model.hasAdapter()) {
      model.attachLora(LoraConfig.DEFAULTS, 42);
    }
    TrainingThroughput.Result train =
        TrainingThroughput.measure(model, plan.training(), plan.trainingSteps(), manager);
    TrainingThroughput.Shape s = plan.training();
    row(out, String.format(Locale.ROOT, "GRPO train %dx%d seq of %d+%d", s.prompts(), s.groupSize(),
        s.promptLength(), s.completionLength()), "tokens/s", train.tokensPerSecond());
    row(out, "GRPO train achieved", "GFLOP/s", train.gflops());
    MatmulPeak.Samples peakAfter = MatmulPeak.measure(manager, 10);
    row(out, "matmul 1024^3 fp32 (after)", "GFLOP/s", peakAfter);
    double peak = Math.max(peakBefore.median(), peakAfter.median());
    out.printf(Locale.ROOT, "%-34s %10.1f%% (training median / higher peak median; range %.1f%%-%.1f%%)%n",
        "training / matmul peak", 100 * train.gflops().median() / peak,
        100 * train.gflops().min() / peak, 100 * train.gflops().max() / peak);
    out.printf(Locale.ROOT, "%-34s %s MiB%n", "RSS after each training step",
        Arrays.toString(Arrays.stream(train.rssMebibytes()).map(Math::rint).toArray()));
  }

  private static void row(PrintStream out, String what, String unit, MatmulPeak.Samples samples) {
    out.printf(Locale.ROOT, "%-34s %10.1f %-9s (min %.1f, max %.1f, n=%d)%n",
        what, samples.median(), unit, samples.min(), samples.max(), samples.values().length);
  }

  /** The default random model, seeded. */
  public static Qwen3Model defaultModel(NDManager manager) {
    return Qwen3Model.random(DEFAULT_CONFIG, 1, manager);
  }
}
