package org.laimark.model.lora;

import java.util.List;

/**
 * LoRA hyper-parameters as PEFT names them: rank {@code r}, {@code lora_alpha} (the update is
 * scaled by alpha / r), {@code lora_dropout} on the branch input during training, and {@code
 * target_modules} matched against the end of each linear layer's module path ("q_proj" matches
 * "model.layers.3.self_attn.q_proj"); the single entry "all-linear" selects every projection.
 */
public record LoraConfig(int rank, double alpha, double dropout, List<String> targetModules) {

  /** The study's defaults: q_proj and v_proj, rank 16, alpha 32, dropout 0.05. */
  public static final LoraConfig DEFAULTS =
      new LoraConfig(16, 32, 0.05, List.of("q_proj", "v_proj"));

  public LoraConfig {
    if (rank <= 0) {
      throw new IllegalArgumentException("LoRA rank must be positive, got " + rank);
    }
    if (!(alpha > 0)) {
      throw new IllegalArgumentException("lora_alpha must be positive, got " + alpha);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("lora_dropout must be in [0, 1), got " + dropout);
    }
    if (targetModules == null || targetModules.isEmpty()) {
      throw new IllegalArgumentException("target_modules must name at least one module");
    }
    targetModules = List.copyOf(targetModules);
  }

  public static LoraConfig defaults() {
    return DEFAULTS;
  }

  /** The factor applied to {@code B A x}: alpha / r. */
  public double scaling() {
    return alpha / rank;
  }

  /**
   * Whether a module path ("model.layers.0.self_attn.q_proj") is targeted, by PEFT's suffix rule.
   */
  public boolean targets(String modulePath) {
    for (String target : targetModules) {
      if (target.equals("all-linear")
          || modulePath.equals(target)
          || modulePath.endsWith("." + target)) {
        return true;
      }
    }
    return false;
  }
}
