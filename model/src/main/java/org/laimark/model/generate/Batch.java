package org.laimark.model.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.laimark.model.policy.SamplingParams;
import org.laimark.model.tokenizer.TokenDecoder;

/**
 * The bookkeeping of one generation batch: which request each row holds, its left padding, the
 * tokens and log-probs so far, and whether it has finished. Rows are dropped as their requests
 * finish.
 */
final class Batch {

  private final List<PromptRequest> requests;
  private final int promptWidth;
  private final int capacity;
  private final SplittableRandom[] randoms;
  private final int[][] tokens;
  private final float[][] logProbs;
  private final int[] produced;
  private final FinishReason[] finish;
  private int[] requestOfRow;

  private Batch(List<PromptRequest> requests, int promptWidth, int capacity) {
    this.requests = requests;
    this.promptWidth = promptWidth;
    this.capacity = capacity;
    int n = requests.size();
    randoms = new SplittableRandom[n];
    tokens = new int[n][];
    logProbs = new float[n][];
    produced = new int[n];
    finish = new FinishReason[n];
    requestOfRow = new int[n];
    for (int i = 0; i < n; i++) {
      PromptRequest r = requests.get(i);
      randoms[i] = new SplittableRandom(r.sampling().seed());
      tokens[i] = new int[r.sampling().maxNewTokens()];
      logProbs[i] = new float[r.sampling().maxNewTokens()];
      requestOfRow[i] = i;
    }
  }

  static Batch of(List<PromptRequest> requests, int vocab) {
    int width = 0;
    int longestNew = 0;
    for (PromptRequest r : requests) {
      for (int id : r.promptIds()) {
        if (id < 0 || id >= vocab) {
          throw new IllegalArgumentException(
              "token id " + id + " is outside the vocabulary [0, " + vocab + ")");
        }
      }
      width = Math.max(width, r.promptIds().length);
      longestNew = Math.max(longestNew, r.sampling().maxNewTokens());
    }
    return new Batch(List.copyOf(requests), width, width + longestNew);
  }

  int size() {
    return requestOfRow.length;
  }

  int promptWidth() {
    return promptWidth;
  }

  int capacity() {
    return capacity;
  }

  /** (B, P) prompts, left-padded with token 0 (masked out, so its value does not matter). */
  long[] paddedPrompts() {
    long[] ids = new long[size() * promptWidth];
    for (int row = 0; row < size(); row++) {
      int[] prompt = requests.get(requestOfRow[row]).promptIds();
      for (int j = 0; j < prompt.length; j++) {
        ids[row * promptWidth + promptWidth - prompt.length + j] = prompt[j];
      }
    }
    return ids;
  }

  /** (B, width) attention mask: 0 over each row's left padding, 1 after. */
  long[] mask(int width) {
    long[] mask = new long[size() * width];
    for (int row = 0; row < size(); row++) {
      int padding = promptWidth - requests.get(requestOfRow[row]).promptIds().length;
      Arrays.fill(mask, row * width + padding, (row + 1) * width, 1L);
    }
    return mask;
  }

  /** Each row's sampling temperature (1 for greedy: its log-probs are the model's own). */
  float[] temperatures() {
    float[] t = new float[size()];
    for (int row = 0; row < size(); row++) {
      SamplingParams s = requests.get(requestOfRow[row]).sampling();
      t[row] = s.isGreedy() ? 1f : (float) s.temperature();
    }
    return t;
  }

  long[] lastTokens() {
    long[] ids = new long[size()];
    for (int row = 0; row < size(); row++) {
      int request = requestOfRow[row];
      ids[row] = tokens[request][produced[request] - 1];
    }
    return ids;
  }

  /**
   * Samples one token for every row from {@code rows} (B x V tempered log-probs, row-major) and
   * returns the rows still running afterwards.
   */
  long[] sample(float[] rows, int vocab) {
    List<Long> running = new ArrayList<>();
    for (int row = 0; row < size(); row++) {
      int request = requestOfRow[row];
      PromptRequest r = requests.get(request);
      SampledToken token =
          TokenSampler.sample(rows, row * vocab, vocab, r.sampling(), randoms[request]);
      tokens[request][produced[request]] = token.id();
      logProbs[request][produced[request]] = token.logProb();
      produced[request]++;
      if (r.stopTokenIds().contains(token.id())) {
        finish[request] = FinishReason.STOP;
      } else if (produced[request] == r.sampling().maxNewTokens()) {
        finish[request] = FinishReason.LENGTH;
      } else {
        running.add((long) row);
      }
    }
    return running.stream().mapToLong(Long::longValue).toArray();
  }

  /** Keeps only the given rows, in order. */
  void retain(long[] rows) {
    int[] kept = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      kept[i] = requestOfRow[(int) rows[i]];
    }
    requestOfRow = kept;
  }

  Generation result(int request, TokenDecoder decoder) {
    int[] ids = Arrays.copyOf(tokens[request], produced[request]);
    return new Generation(
        ids,
        Arrays.copyOf(logProbs[request], produced[request]),
        decoder.decode(ids),
        finish[request]);
  }
}
