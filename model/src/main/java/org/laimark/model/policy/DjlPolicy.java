package org.laimark.model.policy;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.laimark.model.generate.Generation;
import org.laimark.model.generate.Generator;
import org.laimark.model.generate.PrefillBudget;
import org.laimark.model.generate.PromptRequest;
import org.laimark.model.lora.LoraConfig;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.tokenizer.Qwen3Tokenizer;
import org.laimark.model.train.AdapterOptimizer;
import org.laimark.model.train.CosineSchedule;
import org.laimark.model.train.DemonstrationMembers;
import org.laimark.model.train.GroupAdvantages;
import org.laimark.model.train.GrpoSettings;
import org.laimark.model.train.GrpoTrainer;
import org.laimark.model.train.OptimizerSettings;
import org.laimark.model.train.SftTrainer;
import org.laimark.model.train.SupervisedExample;
import org.laimark.model.train.SupervisedExamples;
import org.laimark.model.train.TrainerCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real policy: a Qwen3 checkpoint with a LoRA adapter on DJL. Generates with the chat template and the
 * batched KV-cache {@link Generator} (recording each token's log-prob at its sampling temperature), and
 * trains with one GRPO step per {@link #train} call, or one supervised step per {@link #imitate} call (the
 * same adapter, AdamW state and learning-rate schedule). The trainer's temperature must be the rollouts'
 * sampling temperature, or the importance ratio starts away from 1 (TRL has the same single setting).
 * Owns the model and tokenizer it is given. One owner calls it, but {@link #close} may come from another
 * thread (a run shutting down after its drain timed out): it stops a running generation at its next token
 * and waits for the running call to end, since freeing the model's arrays under a forward pass corrupts
 * native memory that later allocations reuse.
 */
public final class DjlPolicy implements Policy {

  /**
   * @param lora the adapter attached when the policy starts without one (the study's: q/v, r 16, alpha 32)
   * @param temperature sampling temperature of the rollouts being trained on
   * @param generationBatchSize requests decoded together; larger batches amortise the weights' reads (long
   *     prompts go in smaller batches: {@link PrefillBudget})
   * @param enableThinking Qwen3's thinking switch passed to the chat template; null leaves the template's
   *     default
   */
  public record Settings(
      GrpoSettings grpo,
      OptimizerSettings optimizer,
      LoraConfig lora,
      double temperature,
      int generationBatchSize,
      Boolean enableThinking) {
    public Settings {
      if (!(temperature > 0)) {
        throw new IllegalArgumentException("training temperature must be positive, got " + temperature);
      }
      if (generationBatchSize <= 0) {
        throw new IllegalArgumentException(
            "generationBatchSize must be positive, got " + generationBatchSize);
      }
    }

    /** The study's GRPO setup for a run of {@code totalSteps} optimizer steps. */
    public static Settings study(int totalSteps) {
      return new Settings(
          GrpoSettings.defaults(), OptimizerSettings.study(totalSteps), LoraConfig.DEFAULTS, 1.0, 16, null);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(DjlPolicy.class);
  private static final String VERSION_KEY = "policy.version";

  private final Qwen3Model model;
  private final Qwen3Tokenizer tokenizer;
  private final Settings settings;
  private final NDManager manager;
  private final Generator generator;
  private final PrefillBudget prefill;
  private final GrpoTrainer trainer;
  private final SftTrainer imitation;
  private final ExclusiveUse use;
  private final long padId;

  private long version;
  private boolean warnedScheduleEnd;

  /** Wraps a loaded model and tokenizer; attaches a fresh adapter (seeded) unless one is attached. */
  public DjlPolicy(Qwen3Model model, Qwen3Tokenizer tokenizer, Settings settings, NDManager manager) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.settings = settings;
    this.manager = manager.newSubManager();
    if (!model.hasAdapter()) {
      model.attachLora(settings.lora(), settings.optimizer().seed());
    }
    this.generator = new Generator(model, tokenizer);
    this.prefill =
        new PrefillBudget(model.config(), settings.generationBatchSize(), PrefillBudget.DEFAULT_BYTES);
    this.use = new ExclusiveUse("the policy (" + description() + ")", generator::stop);
    this.padId = tokenizer.padTokenId().orElse(tokenizer.eosTokenId());
    this.trainer =
        new GrpoTrainer(
            model, settings.grpo(), settings.optimizer(), settings.temperature(), padId, this.manager);
    this.imitation =
        new SftTrainer(model, trainer.optimizer(), settings.optimizer().microBatchSize(), padId, this.manager);
  }

  /**
   * Loads a Hugging Face model folder and, when {@code adapter} is not null, a PEFT adapter to continue from
   * (otherwise a fresh one is attached).
   */
  public static DjlPolicy open(Path modelDirectory, Path adapter, Settings settings, NDManager manager) {
    if (!Files.isDirectory(modelDirectory)) {
      throw new IllegalArgumentException("model directory " + modelDirectory + " does not exist");
    }
    Qwen3Model model = Qwen3Model.load(modelDirectory, manager);
    Qwen3Tokenizer tokenizer = null;
    try {
      tokenizer = Qwen3Tokenizer.load(modelDirectory);
      if (adapter != null) {
        model.loadAdapter(adapter);
      }
      return new DjlPolicy(model, tokenizer, settings, manager);
    } catch (RuntimeException e) {
      if (tokenizer != null) {
        tokenizer.close();
      }
      model.close();
      throw e;
    }
  }

  @Override
  public String description() {
    return "qwen3 " + model.source();
  }

  @Override
  public boolean simulated() {
    return false;
  }

  @Override
  public long version() {
    return version;
  }

  @Override
  public List<Completion> generate(List<GenerationRequest> requests) {
    return use.call(() -> sample(requests));
  }

  private List<Completion> sample(List<GenerationRequest> requests) {
    List<int[]> prompts = new ArrayList<>();
    List<PromptRequest> prompted = new ArrayList<>();
    for (GenerationRequest r : requests) {
      int[] ids = tokenizer.encodeChat(r.messages(), true, settings.enableThinking());
      prompts.add(ids);
      prompted.add(new PromptRequest(ids, r.sampling(), tokenizer.stopTokenIds()));
    }
    List<Completion> out = new ArrayList<>();
    int start = 0;
    for (int size : prefill.batchSizes(prompts.stream().mapToInt(p -> p.length).toArray())) {
      List<Generation> generated = generator.generate(prompted.subList(start, start + size));
      for (int i = 0; i < generated.size(); i++) {
        Generation g = generated.get(i);
        out.add(new Completion(prompts.get(start + i), g.tokenIds(), g.text(), g.logProbs(), version));
      }
      start += size;
    }
    return out;
  }

  @Override
  public TrainingMetrics train(List<RolloutGroup> groups) {
    return use.call(() -> step(groups));
  }

  private TrainingMetrics step(List<RolloutGroup> groups) {
    List<RolloutGroup> members =
        DemonstrationMembers.added(groups, model, tokenizer, padId, settings.temperature(), manager);
    GrpoTrainer.Result result = trainer.step(members);
    advance(result.update());
    return new TrainingMetrics(
        result.update().step(),
        result.update().loss(),
        result.advantages().meanReward(),
        result.advantages().nonDegenerateGroupFraction(),
        result.stats().meanKl(),
        result.stats().clipFraction(),
        result.update().gradNorm(),
        result.update().learningRate(),
        version);
  }

  @Override
  public TrainingMetrics imitate(List<RolloutGroup> groups) {
    return use.call(() -> supervisedStep(groups));
  }

  private TrainingMetrics supervisedStep(List<RolloutGroup> groups) {
    List<SupervisedExample> examples = SupervisedExamples.fromDemonstrations(groups, tokenizer);
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("a supervised step needs at least one group with a demonstration");
    }
    SftTrainer.Result result = imitation.step(examples);
    advance(result.update());
    GroupAdvantages rollouts =
        GroupAdvantages.of(groups.stream().map(RolloutGroup::rewards).toList(), false);
    // The loss is the demonstrations' mean token cross-entropy; there is no ratio to clip and no KL term.
    return new TrainingMetrics(
        result.update().step(),
        result.update().loss(),
        rollouts.meanReward(),
        rollouts.nonDegenerateGroupFraction(),
        0,
        0,
        result.update().gradNorm(),
        result.update().learningRate(),
        version);
  }

  /** Counts a step that changed the weights as a new version; warns once when the schedule has ended. */
  private void advance(AdapterOptimizer.Update update) {
    if (update.applied() && update.learningRate() > 0) {
      version++; // a zero learning rate (the first warm-up step) leaves the weights as they were
    }
    CosineSchedule schedule = settings.optimizer().schedule();
    long stepIndex = update.step() - 1; // Update.step() counts steps taken, this one included
    if (schedule.endedBefore(stepIndex) && !warnedScheduleEnd) {
      // A daemon outliving its schedule keeps writing and calibrating problems but learns nothing more:
      // say so once, where the run's log will show it.
      warnedScheduleEnd = true;
      LOG.warn("optimizer step {} is past the learning-rate schedule's end (laimark.pipeline.run.schedule-steps"
          + " = {}): the learning rate is 0 and rounds no longer change the policy; raise schedule-steps to go"
          + " on learning", update.step(), schedule.totalSteps());
    }
  }

  @Override
  public void save(Path directory) {
    use.run(() -> TrainerCheckpoint.save(
        directory,
        model,
        trainer.optimizer(),
        Map.of(VERSION_KEY, Long.toString(version), "model.source", model.source())));
  }

  @Override
  public void restore(Path directory) {
    use.run(() -> restoreFrom(directory));
  }

  private void restoreFrom(Path directory) {
    Map<String, String> extra =
        TrainerCheckpoint.restore(directory, model, trainer.optimizer(), manager);
    String saved = extra.get(VERSION_KEY);
    try {
      version = Long.parseLong(saved);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          directory + ": key " + VERSION_KEY + " must be an integer, got " + saved, e);
    }
  }

  /** The model, for callers that need more than the {@link Policy} view (benchmarks, export). */
  public Qwen3Model model() {
    return model;
  }

  /** Whether a call is running (for tests of {@link #close}). */
  boolean busy() {
    return use.busy();
  }

  /** Stops a running generation, waits for the running call, then frees everything (once). */
  @Override
  public void close() {
    use.close(() -> {
      imitation.close();
      trainer.close();
      manager.close();
      tokenizer.close();
      model.close();
    });
  }
}
