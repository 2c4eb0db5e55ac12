package org.laimark.model.train;

/**
 * The knobs of the GRPO surrogate, named as in TRL's {@code GRPOConfig}. Defaults ({@link #defaults()}) are
 * TRL's current ones: epsilon 0.2 on both sides, beta 0.0 (no KL term and so no reference forward pass;
 * TRL changed this default from 0.04 to 0.0, and the study left it at whatever its TRL version had), group
 * std scaling on, DAPO token-level normalisation, and 1024 as the maximum completion length (the study's).
 *
 * @param epsilonLow the ratio is clipped below at {@code 1 - epsilonLow}
 * @param epsilonHigh the ratio is clipped above at {@code 1 + epsilonHigh} (DAPO's "clip-higher": 0.28)
 * @param beta weight of the k3 KL estimate to the reference policy (the model with its adapter disabled)
 * @param scaleByStd divide advantages by the group std (false = Dr. GRPO)
 * @param normalization how per-token losses are averaged
 * @param maxCompletionLength Dr. GRPO's constant denominator, in tokens
 */
public record GrpoSettings(
    double epsilonLow,
    double epsilonHigh,
    double beta,
    boolean scaleByStd,
    LossNormalization normalization,
    int maxCompletionLength) {

  public GrpoSettings {
    if (epsilonLow < 0 || epsilonLow >= 1) {
      throw new IllegalArgumentException("epsilonLow must be in [0, 1), got " + epsilonLow);
    }
    if (epsilonHigh < 0) {
      throw new IllegalArgumentException("epsilonHigh must be >= 0, got " + epsilonHigh);
    }
    if (beta < 0) {
      throw new IllegalArgumentException("beta must be >= 0, got " + beta);
    }
    if (normalization == null) {
      throw new IllegalArgumentException("normalization must be one of GRPO, DAPO, DR_GRPO, got null");
    }
    if (maxCompletionLength <= 0) {
      throw new IllegalArgumentException(
          "maxCompletionLength must be positive, got " + maxCompletionLength);
    }
  }

  public static GrpoSettings defaults() {
    return new GrpoSettings(0.2, 0.2, 0.0, true, LossNormalization.DAPO, 1024);
  }

  public GrpoSettings withBeta(double newBeta) {
    return new GrpoSettings(
        epsilonLow, epsilonHigh, newBeta, scaleByStd, normalization, maxCompletionLength);
  }

  public GrpoSettings withNormalization(LossNormalization newNormalization) {
    return new GrpoSettings(
        epsilonLow, epsilonHigh, beta, scaleByStd, newNormalization, maxCompletionLength);
  }
}
