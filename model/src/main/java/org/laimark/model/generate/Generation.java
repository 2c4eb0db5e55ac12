package org.laimark.model.generate;

/**
 * What a request produced: the new token ids (a stop token, when one ended it, included as the last
 * id), their decoded text (special tokens left out), and per token {@code log softmax(logits /
 * T)[token]} at the request's temperature T (T = 1 for greedy), before any top-k/top-p truncation;
 * the same quantity the trainer computes with {@code TokenLogProbs.of(logits, targets, T)}, so
 * GRPO's importance ratio starts at 1.
 */
public record Generation(
    int[] tokenIds, float[] logProbs, String text, FinishReason finishReason) {}
