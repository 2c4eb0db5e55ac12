package org.laimark.model.policy;

/**
 * What one training step did. {@code nonDegenerateGroupFraction} is the share of groups whose rewards were
 * not all equal — only those carry a GRPO learning signal.
 */
public record TrainingMetrics(
    long step,
    double loss,
    double meanReward,
    double nonDegenerateGroupFraction,
    double klToReference,
    double clipFraction,
    double gradNorm,
    double learningRate,
    long newPolicyVersion) {}
