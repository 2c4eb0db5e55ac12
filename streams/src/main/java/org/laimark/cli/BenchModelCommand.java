package org.laimark.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.laimark.model.ComputeThreads;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.train.bench.ModelBenchmark;
import org.laimark.model.train.bench.TrainingThroughput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code laimark bench model [--model DIR]}: prefill and decode tokens/s at batch 1 and 16, GRPO training
 * tokens/s and its FLOP rate as a fraction of the float32 matmul peak measured in the same run. Without
 * {@code --model} it uses a random ~48M-parameter Qwen3 (labelled as random in the output).
 */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Prefill/decode/training throughput of the policy model vs the CPU's measured matmul peak.")
public final class BenchModelCommand implements Callable<Integer> {

  @Option(names = "--model", paramLabel = "DIR",
      description = "Hugging Face model folder (default: a random ~48M-parameter Qwen3).")
  Path model;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "Compute threads; 0 = one per core (default).")
  int threads;

  @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
      description = "Timed repeats of each generation measurement (default ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--train-steps", paramLabel = "N", defaultValue = "3",
      description = "Timed GRPO steps after one warm-up step (default ${DEFAULT-VALUE}).")
  int trainSteps;

  @Option(names = "--prompt-length", paramLabel = "T", defaultValue = "128",
      description = "Prompt tokens for prefill and decode (default ${DEFAULT-VALUE}).")
  int promptLength;

  @Option(names = "--new-tokens", paramLabel = "N", defaultValue = "32",
      description = "Tokens decoded per sequence (default ${DEFAULT-VALUE}).")
  int newTokens;

  @Option(names = "--micro-batch", paramLabel = "N", defaultValue = "4",
      description = "Sequences per training forward/backward (default ${DEFAULT-VALUE}).")
  int microBatch;

  @Override
  public Integer call() {
    if (repeats <= 0 || trainSteps <= 0 || promptLength <= 0 || newTokens < 2 || microBatch <= 0) {
      throw new UserInputException(
          "--repeats, --train-steps, --prompt-length and --micro-batch must be positive and --new-tokens"
              + " at least 2");
    }
    int threadCount = ComputeThreads.configure(threads);
    System.out.printf(Locale.ROOT, "laimark bench model: %d compute threads, %d processors visible%n",
        threadCount, Runtime.getRuntime().availableProcessors());
    ModelBenchmark.Plan plan = new ModelBenchmark.Plan(repeats, promptLength, newTokens,
        new TrainingThroughput.Shape(2, 4, 64, 192, microBatch), trainSteps);
    try (NDManager manager = NDManager.newBaseManager();
        Qwen3Model loaded = model == null
            ? ModelBenchmark.defaultModel(manager)
            : ModelCommand.Inputs.model(model, null, manager)) {
      ModelBenchmark.run(loaded, plan, manager, System.out);
    }
    return 0;
  }
}
