// How much can supervised training on a problem file move a model at all, with a given set of trainable
// weights? The question behind issue 6's second Must-show (docs/embedded-model.md, session 9): if even SFT
// on correct answers cannot raise the held-out score with the adapter GRPO trains, no curriculum can.
//
// A single-file program over the project's jar (build it first: ./laimark --help):
//
//   java -Dai.djl.offline=true -cp streams/target/laimark.jar docs/analysis/SupervisedCeiling.java \
//       MODEL_DIR PROBLEMS.jsonl OUT_DIR LR EPOCHS MODE [SEED]
//
// MODE is "full" (every weight trains; OUT_DIR becomes a model folder: the input's files with the new
// weights) or "lora:TARGETS:RANK" (e.g. lora:q_proj,v_proj:16 or lora:all-linear:16, alpha = 2 x rank,
// dropout 0.05; OUT_DIR is a PEFT adapter). Batches of 8 in a seeded order (SEED, default 42, which also
// seeds the adapter's initialisation), AdamW with 10% warm-up and a cosine decay, the prompt the model
// is evaluated with (its laimark.conf), the answer the stub's continuation: the same examples
// `laimark train sft` builds. Then score OUT_DIR with `laimark eval --benchmark MODEL_DIR/heldout.jsonl
// --model ... [--adapter OUT_DIR] --k 1 --out ...` and pair it with the base's answers by `laimark compare`.
//
// Not a CLI command: `laimark train sft --lora-targets ...` trains an adapter on the same examples and
// checkpoints it for --resume (in micro-batches of 4, so its numbers differ slightly: docs/embedded-model.md,
// session 14); this program only measures, and also trains every weight ("full").

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.laimark.config.EvalSettings;
import org.laimark.config.LaimarkConfig;
import org.laimark.model.ComputeThreads;
import org.laimark.model.lora.LoraConfig;
import org.laimark.model.qwen3.ModelBuilder;
import org.laimark.model.qwen3.ModelDType;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.tokenizer.Qwen3Tokenizer;
import org.laimark.model.train.AdamW;
import org.laimark.model.train.BatchOrder;
import org.laimark.model.train.OptimizerSettings;
import org.laimark.model.train.SftTrainer;
import org.laimark.model.train.SupervisedExample;
import org.laimark.model.train.SupervisedExamples;

public class SupervisedCeiling {

  private static final int BATCH = 8;

  public static void main(String[] args) throws IOException {
    if (args.length != 6 && args.length != 7) {
      System.err.println("usage: MODEL_DIR PROBLEMS.jsonl OUT_DIR LR EPOCHS (full | lora:TARGETS:RANK) [SEED]");
      System.exit(2);
    }
    Path modelDir = Path.of(args[0]);
    Path problems = Path.of(args[1]);
    Path out = Path.of(args[2]);
    double lr = Double.parseDouble(args[3]);
    double epochs = Double.parseDouble(args[4]);
    String mode = args[5];
    boolean full = mode.equals("full");
    long seed = args.length == 7 ? Long.parseLong(args[6]) : 42;

    ComputeThreads.configure(Integer.getInteger("threads", 2)); // -Dthreads=1 beside another job
    EvalSettings.Prompt prompt =
        EvalSettings.fromConfig(LaimarkConfig.load(null, Map.of(), modelDir)).prompt();
    Qwen3Tokenizer tokenizer = Qwen3Tokenizer.load(modelDir);
    try (NDManager manager = NDManager.newBaseManager()) {
      var read = SupervisedExamples.read(problems, tokenizer, prompt.system(), prompt.user(), 2048);
      read.errors().forEach(e -> System.err.println("skipped: " + e));
      List<SupervisedExample> examples = read.items();
      int steps = BatchOrder.stepsFor(epochs, examples.size(), BATCH);
      OptimizerSettings settings =
          new OptimizerSettings(lr, 0.1, steps, AdamW.Settings.defaults(), 1.0, BATCH, seed);
      Qwen3Model model =
          full
              ? ModelBuilder.fromCheckpointForFullTraining(modelDir, manager)
              : ModelBuilder.fromCheckpoint(modelDir, manager, ModelDType.parse("float32", "mode"), "mode");
      if (full) {
        model.trainAllWeights();
      } else {
        String[] shape = mode.split(":"); // lora:TARGETS:RANK
        int rank = Integer.parseInt(shape[2]);
        model.attachLora(new LoraConfig(rank, 2.0 * rank, 0.05, List.of(shape[1].split(","))), seed);
      }
      long padId = tokenizer.padTokenId().orElse(tokenizer.eosTokenId());
      System.out.printf(Locale.ROOT, "%s: %d examples, %d steps of %d, lr %.1e%n", mode, examples.size(),
          steps, BATCH, lr);
      try (SftTrainer trainer = new SftTrainer(model, settings, padId, manager)) {
        BatchOrder order = new BatchOrder(examples.size(), BATCH, seed);
        double sum = 0;
        int counted = 0;
        for (long step = 0; step < steps; step++) {
          List<SupervisedExample> batch = new ArrayList<>();
          order.batch(step).forEach(i -> batch.add(examples.get(i)));
          sum += trainer.step(batch).update().loss();
          counted++;
          if ((step + 1) % 25 == 0 || step + 1 == steps) {
            System.out.printf(Locale.ROOT, "step %d/%d mean loss %.4f%n", step + 1, steps, sum / counted);
            sum = 0;
            counted = 0;
          }
        }
      }
      if (full) {
        copyModelFolder(modelDir, out);
        model.save(out);
      } else {
        model.saveAdapter(out);
      }
      model.close();
    }
    System.out.println("written: " + out);
  }

  /** The model folder's other files (tokenizer, prompts, held-out set), so OUT is a model of its own. */
  private static void copyModelFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
