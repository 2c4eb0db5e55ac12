package org.laimark.cli;

import ai.djl.ndarray.NDManager;
import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.tokenizer.Qwen3Tokenizer;
import org.laimark.model.train.AdapterOptimizer;
import org.laimark.model.train.DpoTrainer;
import org.laimark.model.train.OptimizerSettings;
import org.laimark.model.train.PreferencePair;
import org.laimark.model.train.PreferencePairs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code laimark train dpo}: direct preference optimisation on a JSONL of {@code {"prompt", "chosen",
 * "rejected"}} (prompt a string or a list of chat messages), the reference being the model with its
 * adapter disabled. The study's SFT→DPO baseline used lr 5e-5 and beta 0.1; start from an SFT adapter's
 * weights by merging them into the model folder first (the trained adapter here starts fresh).
 */
@Command(
    name = "dpo",
    mixinStandardHelpOptions = true,
    description = "DPO of a LoRA adapter on {prompt, chosen, rejected} pairs; reference = adapter disabled.")
public final class TrainDpoCommand implements Callable<Integer> {

  /** The study's DPO learning rate. */
  static final double STUDY_LR = 5e-5;

  @Spec CommandSpec spec;

  @Mixin TrainCommand.Options options;

  @Option(names = "--beta", paramLabel = "X", defaultValue = "0.1",
      description = "DPO temperature beta (default: ${DEFAULT-VALUE}, TRL's and the study's).")
  double beta;

  @Override
  public Integer call() {
    options.validate();
    if (!(beta > 0 && Double.isFinite(beta))) {
      throw new UserInputException("--beta must be a positive number, got " + beta);
    }
    Config config = TrainCommand.config(options.model);
    PrintWriter out = spec.commandLine().getOut();
    ModelCommand.Inputs.startEngine();
    try (Qwen3Tokenizer tokenizer = ModelCommand.Inputs.tokenizer(options.model);
        NDManager manager = NDManager.newBaseManager()) {
      List<PreferencePair> pairs = TrainCommand.usable(
          PreferencePairs.read(options.data, tokenizer, options.maxTokens), options.data,
          spec.commandLine().getErr());
      int steps = TrainCommand.totalSteps(options, pairs.size());
      OptimizerSettings settings = TrainCommand.optimizer(options, STUDY_LR, steps);
      long padId = tokenizer.padTokenId().orElse(tokenizer.eosTokenId());
      try (Qwen3Model model = TrainCommand.model(options, config, manager);
          DpoTrainer trainer = new DpoTrainer(model, beta, settings, padId, manager)) {
        out.printf(Locale.ROOT, "dpo: %d pairs, %d steps of %d, lr %.2e, beta %s%n", pairs.size(), steps,
            options.batch, settings.peakLearningRate(), beta);
        Map<String, String> identity =
            TrainCommand.identity("dpo", options, pairs.size(), steps, settings.peakLearningRate());
        identity.put("train.dpo.beta", Double.toString(beta));
        TrainCommand.train(options, model, pairs, trainer.optimizer(), identity, steps,
            batch -> describe(trainer.step(batch)), manager, out);
      }
    }
    return 0;
  }

  private static String describe(DpoTrainer.Result r) {
    AdapterOptimizer.Update u = r.update();
    return String.format(Locale.ROOT, "loss %.4f reward-accuracy %.2f margin %.4f lr %.2e grad-norm %.3f%s",
        u.loss(), r.preferences().rewardAccuracy(), r.preferences().meanRewardMargin(), u.learningRate(),
        u.gradNorm(), u.applied() ? "" : " (skipped: non-finite)");
  }
}
