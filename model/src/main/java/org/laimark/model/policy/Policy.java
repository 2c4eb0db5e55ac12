package org.laimark.model.policy;

import java.nio.file.Path;
import java.util.List;

/**
 * The policy as the rest of the system sees it: sample completions, learn from groups of rewarded rollouts
 * (GRPO) or from verified answers (supervised), and persist itself. Implemented by the DJL model and by a
 * simulated policy for tests (which says so in {@link #description()}). Not thread-safe: one owner (the model-access actor) calls it.
 */
public interface Policy extends AutoCloseable {

  /** Human-readable identity, e.g. "qwen3 data/models/laimark-tiny" or "SIMULATED policy (seed 7)". */
  String description();

  /** True for simulated policies; reports must say so. */
  boolean simulated();

  /** Increases by one after every training step that changed the weights. */
  long version();

  /** Samples one completion per request, in request order (implementations batch internally). */
  List<Completion> generate(List<GenerationRequest> requests);

  /** One optimisation step on groups of rewarded rollouts; returns what happened. */
  TrainingMetrics train(List<RolloutGroup> groups);

  /**
   * One supervised optimisation step: the cross-entropy of each group's demonstration (a verified answer to
   * the prompt the group's rollouts were sampled from). The rollouts are not trained on; their rewards are
   * only reported. Groups without a demonstration are skipped; the version advances when the step changed
   * the weights, as for {@link #train}.
   */
  TrainingMetrics imitate(List<RolloutGroup> groups);

  /** Writes the trainable state (adapter, optimizer, step, RNG) so {@link #restore} resumes exactly. */
  void save(Path directory);

  /** Restores what {@link #save} wrote. */
  void restore(Path directory);

  @Override
  void close();
}
