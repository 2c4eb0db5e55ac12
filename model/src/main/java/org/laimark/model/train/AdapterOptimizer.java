package org.laimark.model.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import java.util.Collection;
import java.util.function.IntFunction;
import org.laimark.model.GradMode;

/**
 * One optimizer step of the adapter from a batch split into micro-batches: zero the gradients, seed the
 * engine's generator from {@link TrainingRandom} (dropout masks), open the JVM's one {@link
 * GradientCollector}, run backward on each micro-batch's loss (PyTorch accumulates the gradients), clip by
 * global norm, and apply AdamW at the scheduled learning rate. A non-finite gradient norm skips the update
 * rather than poisoning the adapter; the step is still counted, as in the schedule.
 */
public final class AdapterOptimizer implements AutoCloseable {

  /** What a step did. {@code applied} is false when a non-finite gradient norm skipped the update. */
  public record Update(long step, double loss, double gradNorm, double learningRate, boolean applied) {}

  private final TrainableLm model;
  private final OptimizerSettings settings;
  private final CosineSchedule schedule;
  private final AdamW adam;
  private final TrainingRandom random;
  private long steps;

  public AdapterOptimizer(TrainableLm model, OptimizerSettings settings, NDManager manager) {
    this.model = model;
    this.settings = settings;
    this.schedule = settings.schedule();
    this.adam = new AdamW(model.trainableParameters(), settings.adam(), manager);
    this.random = new TrainingRandom(settings.seed());
  }

  /**
   * Runs {@code lossOf(i)} for each micro-batch i inside its own NDScope (its arrays are freed after its
   * backward) and then updates the adapter. The losses must already be normalised to the whole batch.
   */
  public Update update(int microBatches, IntFunction<NDArray> lossOf) {
    var parameters = model.trainableParameters();
    if (parameters.isEmpty()) {
      throw new IllegalStateException("the model has no trainable parameters: attach a LoRA adapter first");
    }
    GradMode.offOnThisThread(); // the collector below turns it on for the backward passes only
    requireGradients(parameters.values());
    GradientClipping.zero(parameters.values());
    Engine.getInstance().setRandomSeed(random.nextSeed());
    double loss = 0;
    model.setTraining(true);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      for (int i = 0; i < microBatches; i++) {
        try (NDScope scope = new NDScope()) {
          NDArray microLoss = lossOf.apply(i);
          collector.backward(microLoss);
          loss += GrpoLoss.sumOf(microLoss);
          scope.suppressNotUsedWarning();
        }
      }
    } finally {
      model.setTraining(false);
    }
    double norm = GradientClipping.clipGlobalNorm(parameters.values(), settings.maxGradNorm());
    double lr = schedule.learningRate(steps);
    boolean applied = Double.isFinite(norm);
    if (applied) {
      adam.step(parameters, lr);
    }
    steps++;
    return new Update(steps, loss, norm, lr, applied);
  }

  /** Marks the adapter's arrays as trainable; loading an adapter may have replaced them with fresh ones. */
  static void requireGradients(Collection<NDArray> parameters) {
    for (NDArray p : parameters) {
      if (!p.hasGradient()) {
        p.setRequiresGradient(true);
      }
    }
  }

  /** The learning rate the next step would use. */
  public double learningRate() {
    return schedule.learningRate(steps);
  }

  /** Optimizer steps taken (applied or skipped). */
  public long steps() {
    return steps;
  }

  AdamW adam() {
    return adam;
  }

  TrainingRandom random() {
    return random;
  }

  /** Sets the step counter after a restore. */
  void restoreSteps(long restoredSteps) {
    this.steps = restoredSteps;
  }

  @Override
  public void close() {
    adam.close();
  }
}
