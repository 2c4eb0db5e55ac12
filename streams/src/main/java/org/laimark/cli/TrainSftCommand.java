package org.laimark.cli;

import ai.djl.ndarray.NDManager;
import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.laimark.config.EvalSettings;
import org.laimark.data.io.UnknownFormatException;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.tokenizer.Qwen3Tokenizer;
import org.laimark.model.train.AdapterOptimizer;
import org.laimark.model.train.OptimizerSettings;
import org.laimark.model.train.SftTrainer;
import org.laimark.model.train.SupervisedExample;
import org.laimark.model.train.SupervisedExamples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code laimark train sft}: supervised fine-tuning on a problem file (the study's JSONL, HumanEval or
 * MBPP): each problem is asked as the evaluator asks it ({@code laimark.eval.prompt}) and answered with
 * its reference solution's body. The study's SFT-LoRA baseline: lr 2e-4, 3 epochs.
 */
@Command(
    name = "sft",
    mixinStandardHelpOptions = true,
    description = "Supervised fine-tuning of a LoRA adapter on problems with reference solutions.")
public final class TrainSftCommand implements Callable<Integer> {

  /** The study's SFT learning rate. */
  static final double STUDY_LR = 2e-4;

  @Spec CommandSpec spec;

  @Mixin TrainCommand.Options options;

  @Override
  public Integer call() {
    options.validate();
    Config config = TrainCommand.config(options.model);
    EvalSettings.Prompt prompt = EvalSettings.fromConfig(config).prompt();
    PrintWriter out = spec.commandLine().getOut();
    ModelCommand.Inputs.startEngine();
    try (Qwen3Tokenizer tokenizer = ModelCommand.Inputs.tokenizer(options.model);
        NDManager manager = NDManager.newBaseManager()) {
      List<SupervisedExample> examples = read(tokenizer, prompt);
      int steps = TrainCommand.totalSteps(options, examples.size());
      OptimizerSettings settings = TrainCommand.optimizer(options, STUDY_LR, steps);
      long padId = tokenizer.padTokenId().orElse(tokenizer.eosTokenId());
      try (Qwen3Model model = TrainCommand.model(options, config, manager);
          SftTrainer trainer = new SftTrainer(model, settings, padId, manager)) {
        out.printf(Locale.ROOT, "sft: %d examples, %d steps of %d, lr %.2e%n", examples.size(), steps,
            options.batch, settings.peakLearningRate());
        TrainCommand.train(options, model, examples, trainer.optimizer(),
            TrainCommand.identity("sft", options, examples.size(), steps, settings.peakLearningRate()),
            steps, batch -> describe(trainer.step(batch)), manager, out);
      }
    }
    return 0;
  }

  private List<SupervisedExample> read(Qwen3Tokenizer tokenizer, EvalSettings.Prompt prompt) {
    try {
      return TrainCommand.usable(
          SupervisedExamples.read(options.data, tokenizer, prompt.system(), prompt.user(), options.maxTokens),
          options.data, spec.commandLine().getErr());
    } catch (UnknownFormatException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  private static String describe(SftTrainer.Result r) {
    AdapterOptimizer.Update u = r.update();
    return String.format(Locale.ROOT, "loss %.4f lr %.2e grad-norm %.3f tokens %d%s", u.loss(),
        u.learningRate(), u.gradNorm(), r.completionTokens(), u.applied() ? "" : " (skipped: non-finite)");
  }
}
