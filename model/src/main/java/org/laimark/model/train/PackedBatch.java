package org.laimark.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.laimark.model.policy.Completion;

/**
 * Prompt-plus-completion sequences, right-padded into one batch shifted for next-token prediction: the
 * model reads {@code inputIds} (every token but the last) and position t is scored on {@code targets[t]},
 * the token after it. Completion token j of a sequence with a P-token prompt sits at position P - 1 + j,
 * where {@code completionMask} is 1 and {@code oldLogProbs} holds the sampler's log-prob of it. Only positions
 * from {@code firstScored} (the shortest prompt's last token) on are scored, so the output head skips the
 * shared prompt. Right padding needs no position shift: under the causal mask no real token ever attends to
 * the padding after it.
 *
 * @param inputIds (B, L - 1) int64
 * @param attentionMask (B, L - 1) int64, 1 for real tokens
 * @param targets (B, S) int64 with S = L - 1 - firstScored: the tokens after positions firstScored...
 * @param completionMask (B, S) float32
 * @param oldLogProbs (B, S) float32, 0 outside completions
 */
public record PackedBatch(
    NDArray inputIds,
    NDArray attentionMask,
    int firstScored,
    NDArray targets,
    NDArray completionMask,
    NDArray oldLogProbs,
    long completionTokens) {

  /** Packs completions in order; {@code padId} fills the tail of shorter sequences. */
  public static PackedBatch of(List<Completion> completions, long padId, NDManager manager) {
    int b = completions.size();
    int longest = 0;
    int shortestPrompt = Integer.MAX_VALUE;
    for (Completion c : completions) {
      if (c.promptIds().length == 0) {
        throw new IllegalArgumentException("a completion to train on needs a non-empty prompt");
      }
      if (c.tokenLogProbs().length != c.completionIds().length) {
        throw new IllegalArgumentException(
            "completion has " + c.completionIds().length + " tokens but "
                + c.tokenLogProbs().length + " log-probs");
      }
      longest = Math.max(longest, c.promptIds().length + c.completionIds().length);
      shortestPrompt = Math.min(shortestPrompt, c.promptIds().length);
    }
    int t = longest - 1;
    int first = shortestPrompt - 1;
    int s = t - first;
    long[] ids = new long[b * t];
    long[] attention = new long[b * t];
    long[] targets = new long[b * s];
    float[] completionMask = new float[b * s];
    float[] old = new float[b * s];
    java.util.Arrays.fill(ids, padId);
    java.util.Arrays.fill(targets, padId);
    long tokens = 0;
    for (int i = 0; i < b; i++) {
      Completion c = completions.get(i);
      int p = c.promptIds().length;
      int n = p + c.completionIds().length;
      for (int pos = 0; pos < n - 1; pos++) {
        ids[i * t + pos] = tokenAt(c, pos);
        attention[i * t + pos] = 1;
        if (pos >= first) {
          targets[i * s + pos - first] = tokenAt(c, pos + 1);
        }
      }
      for (int j = 0; j < c.completionIds().length; j++) {
        completionMask[i * s + p - 1 - first + j] = 1;
        old[i * s + p - 1 - first + j] = c.tokenLogProbs()[j];
      }
      tokens += c.completionIds().length;
    }
    Shape scored = new Shape(b, s);
    return new PackedBatch(
        manager.create(ids, new Shape(b, t)),
        manager.create(attention, new Shape(b, t)),
        first,
        manager.create(targets, scored),
        manager.create(completionMask, scored),
        manager.create(old, scored),
        tokens);
  }

  private static long tokenAt(Completion c, int position) {
    int p = c.promptIds().length;
    return position < p ? c.promptIds()[position] : c.completionIds()[position - p];
  }

  /**
   * Log-probs (B, S) of the targets under {@code model} as it is now, with no graph recorded (call it
   * outside the step's gradient collector, so dropout is off too): attached to this batch's manager, the
   * forward's temporaries freed. The reference policy's and a demonstration's "old" log-probs.
   */
  public NDArray logProbsWithoutGraph(TrainableLm model, double temperature) {
    try (NDScope scope = new NDScope()) {
      NDArray logProbs = logProbs(model, temperature).stopGradient();
      logProbs.attach(inputIds.getManager());
      NDScope.unregister(logProbs);
      return logProbs;
    }
  }

  /** Log-probs (B, S) of the targets under {@code model}. */
  public NDArray logProbs(TrainableLm model, double temperature) {
    NDArray logits = model.logits(inputIds, attentionMask, firstScored);
    if (!logits.getDataType().isFloating()) {
      throw new IllegalStateException("training needs floating-point logits, got " + logits.getDataType());
    }
    return TokenLogProbs.of(logits, targets, temperature);
  }
}
