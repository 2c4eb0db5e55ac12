package org.laimark.cli;

import ai.djl.ndarray.NDManager;
import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.laimark.config.LaimarkConfig;
import org.laimark.data.io.ReadResult;
import org.laimark.model.lora.LoraConfig;
import org.laimark.model.qwen3.ModelBuilder;
import org.laimark.model.qwen3.ModelDType;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.train.AdamW;
import org.laimark.model.train.AdapterOptimizer;
import org.laimark.model.train.BatchOrder;
import org.laimark.model.train.OptimizerSettings;
import org.laimark.model.train.TrainerCheckpoint;
import org.laimark.streams.DjlRunSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code laimark train sft|dpo}: the study's baselines, a LoRA adapter trained offline on a file of
 * examples (docs/model-training.md). Both take the same options ({@link Options}) and run the same loop
 * ({@link #train}): batches in a seeded order, one optimizer step each, a checkpoint every so many steps
 * in {@code OUT/checkpoint} (resumable with {@code --resume}), the PEFT adapter in {@code OUT} at the end.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train a LoRA adapter with the study's baselines: supervised fine-tuning or DPO.",
    subcommands = {TrainSftCommand.class, TrainDpoCommand.class})
public final class TrainCommand implements Runnable {

  static final String CHECKPOINT = "checkpoint";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: sft or dpo");
  }

  /** The options of both trainers (a picocli mixin). */
  static final class Options {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Hugging Face model folder.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE.jsonl", description = "Training examples.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "ADAPTER_DIR",
        description = "Where the PEFT adapter (and OUT/checkpoint) are written.")
    Path out;

    @Option(names = "--steps", paramLabel = "N", description = "Optimizer steps (default: 3 epochs).")
    Integer steps;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "8",
        description = "Examples per optimizer step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--micro-batch", paramLabel = "N", defaultValue = "4",
        description = "Examples per forward/backward pass; gradients accumulate (default: ${DEFAULT-VALUE}).")
    int microBatch;

    @Option(names = "--lr", paramLabel = "X", description = "Peak learning rate (default: the study's).")
    Double lr;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
        description = "Seed of the adapter, data order and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--lora-targets", paramLabel = "MODULES", split = ",", defaultValue = "q_proj,v_proj",
        description = "Projections the adapter wraps, comma-separated, or all-linear (default: the study's "
            + "${DEFAULT-VALUE}; the embedded model learns only through all-linear, docs/embedded-model.md).")
    List<String> loraTargets;

    @Option(names = "--resume", paramLabel = "CKPT", description = "Continue from a checkpoint folder.")
    Path resume;

    @Option(names = "--stop-after", paramLabel = "N",
        description = "Stop after step N of the schedule (checkpoint written); continue later with --resume.")
    Integer stopAfter;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "50",
        description = "Write OUT/checkpoint every N steps and at the end (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "2048",
        description = "Longest prompt + answer kept; longer examples are reported and skipped.")
    int maxTokens;

    @Option(names = "--dtype", paramLabel = "TYPE",
        description = "auto, float32, float16 or bfloat16 (default: laimark.model.dtype).")
    String dtype;

    void validate() {
      positive("--batch", batch);
      positive("--micro-batch", microBatch);
      positive("--checkpoint-every", checkpointEvery);
      positive("--max-tokens", maxTokens);
      if (steps != null) {
        positive("--steps", steps);
      }
      if (stopAfter != null) {
        positive("--stop-after", stopAfter);
      }
      if (lr != null && !(lr > 0 && Double.isFinite(lr))) {
        throw new UserInputException("--lr must be a positive number, got " + lr);
      }
      DjlRunSettings.unknownLoraTarget(loraTargets).ifPresent(target -> {
        throw new UserInputException(
            "--lora-targets: expected module names such as q_proj,v_proj or all-linear, got '" + target + "'");
      });
      ModelCommand.Inputs.directory(model, "--model");
      if (!Files.isRegularFile(data)) {
        throw new UserInputException("--data " + data + ": no such file");
      }
      if (resume != null) {
        ModelCommand.Inputs.directory(resume, "--resume");
      }
    }

    private static void positive(String option, int value) {
      if (value <= 0) {
        throw new UserInputException(option + " must be a positive integer, got " + value);
      }
    }
  }

  /**
   * The configuration training reads (eval prompt, dtype): the defaults with the model folder's own
   * {@code laimark.conf} layered over them, as {@code laimark eval} and {@code laimark run} read it. A
   * model that carries its prompts (the embedded one) is trained on the prompt it is evaluated with.
   */
  static Config config(Path modelDirectory) {
    return LaimarkConfig.load(null, Map.of(), modelDirectory);
  }

  /** Loads the model in the precision of --dtype or laimark.model.dtype, with a fresh seeded adapter. */
  static Qwen3Model model(Options o, Config config, NDManager manager) {
    ModelDType dtype =
        o.dtype != null
            ? ModelDType.parse(o.dtype, "--dtype")
            : ModelDType.parse(config.getString(ModelDType.KEY), ModelDType.KEY);
    String key = o.dtype != null ? "--dtype" : ModelDType.KEY;
    Qwen3Model model = ModelBuilder.fromCheckpoint(o.model, manager, dtype, key);
    LoraConfig study = LoraConfig.DEFAULTS;
    model.attachLora(new LoraConfig(study.rank(), study.alpha(), study.dropout(), o.loraTargets), o.seed);
    return model;
  }

  /** The readable examples; every bad line is reported on stderr, and none usable is an error. */
  static <T> List<T> usable(ReadResult<T> read, Path file, PrintWriter err) {
    read.errors().forEach(e -> err.println("laimark: " + e));
    err.flush();
    if (read.located().isEmpty()) {
      throw new UserInputException(
          "--data " + file + ": no usable example (" + read.errors().size() + " bad lines)");
    }
    return read.items();
  }

  static OptimizerSettings optimizer(Options o, double studyLr, int totalSteps) {
    double lr = o.lr != null ? o.lr : studyLr;
    return new OptimizerSettings(lr, 0.1, totalSteps, AdamW.Settings.defaults(), 1.0, o.microBatch, o.seed);
  }

  static int totalSteps(Options o, int examples) {
    return o.steps != null ? o.steps : BatchOrder.stepsFor(3, examples, o.batch);
  }

  /** What must match for a resumed run to be the same run. */
  static Map<String, String> identity(String kind, Options o, int examples, int totalSteps, double lr) {
    Map<String, String> id = new LinkedHashMap<>();
    id.put("train.kind", kind);
    id.put("train.data.sha256", sha256(o.data));
    id.put("train.data.examples", Integer.toString(examples));
    id.put("train.batch", Integer.toString(o.batch));
    id.put("train.micro-batch", Integer.toString(o.microBatch));
    id.put("train.steps", Integer.toString(totalSteps));
    id.put("train.lr", Double.toString(lr));
    id.put("train.seed", Long.toString(o.seed));
    id.put("train.lora-targets", String.join(",", o.loraTargets));
    return id;
  }

  /**
   * The loop both trainers share: restore (checking the checkpoint belongs to this run), then one step
   * per batch, checkpoints, and the adapter at the end. {@code step} trains on a batch and describes it.
   */
  static <T> void train(
      Options o,
      Qwen3Model model,
      List<T> examples,
      AdapterOptimizer optimizer,
      Map<String, String> identity,
      int totalSteps,
      Function<List<T>, String> step,
      NDManager manager,
      PrintWriter out) {
    if (o.resume != null) {
      restore(o.resume, model, optimizer, identity, manager);
      out.printf("resumed %s at step %d/%d%n", o.resume, optimizer.steps(), totalSteps);
    }
    BatchOrder order = new BatchOrder(examples.size(), o.batch, o.seed);
    Path checkpoint = o.out.resolve(CHECKPOINT);
    long end = o.stopAfter == null ? totalSteps : Math.min(totalSteps, o.stopAfter);
    for (long s = optimizer.steps(); s < end; s++) {
      List<T> batch = new ArrayList<>();
      order.batch(s).forEach(i -> batch.add(examples.get(i)));
      out.printf("step %d/%d %s%n", s + 1, totalSteps, step.apply(batch));
      out.flush();
      if ((s + 1) % o.checkpointEvery == 0 && s + 1 < end) {
        TrainerCheckpoint.save(checkpoint, model, optimizer, identity);
      }
    }
    TrainerCheckpoint.save(checkpoint, model, optimizer, identity);
    model.saveAdapter(o.out);
    if (optimizer.steps() < totalSteps) {
      out.printf("stopped at step %d/%d; continue with --resume %s%n", optimizer.steps(), totalSteps, checkpoint);
    }
    out.println("adapter: " + o.out + "  checkpoint: " + checkpoint);
    out.flush();
  }

  private static void restore(
      Path dir, Qwen3Model model, AdapterOptimizer optimizer, Map<String, String> identity, NDManager m) {
    Map<String, String> saved;
    try {
      saved = new LinkedHashMap<>(TrainerCheckpoint.restore(dir, model, optimizer, m));
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--resume " + e.getMessage(), e);
    }
    // Checkpoints written before --lora-targets existed trained the study's adapter.
    saved.putIfAbsent("train.lora-targets", "q_proj,v_proj");
    identity.forEach(
        (key, value) -> {
          if (!value.equals(saved.get(key))) {
            throw new UserInputException(
                "--resume " + dir + ": the checkpoint's " + key + " is " + saved.get(key) + ", this run's is "
                    + value + " (resume with the data and options of the interrupted run)");
          }
        });
  }

  private static String sha256(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
