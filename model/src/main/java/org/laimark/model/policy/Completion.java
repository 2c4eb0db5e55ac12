package org.laimark.model.policy;

/**
 * A sampled completion: the new tokens only, their text, and the sampling policy's log-probability of
 * each token (needed for GRPO's importance ratio). {@code policyVersion} is the version that produced it.
 */
public record Completion(
    int[] promptIds, int[] completionIds, String text, float[] tokenLogProbs, long policyVersion) {}
