package org.laimark.model.generate;

import java.util.SplittableRandom;
import org.laimark.model.policy.SamplingParams;

/**
 * Picks the next token from one row of tempered log-probabilities ({@code log softmax(logits / T)},
 * computed on the device), in Java because DJL's multinomial sampling is not implemented for
 * PyTorch. transformers' semantics: top-k (ties with the k-th kept), then top-p (drop the least
 * likely tokens while their cumulative probability stays at or below 1 - p, keeping at least one),
 * then a draw from the renormalised rest using the request's own random stream. Tokens more than
 * {@value #CUTOFF} nats below the most likely one (probability ratio under e^-40) are never
 * top-k/top-p candidates; this bounds the sort without changing any probability above 1e-17.
 */
final class TokenSampler {

  static final float CUTOFF = 40;

  private TokenSampler() {}

  static SampledToken sample(
      float[] logProbs, int offset, int vocab, SamplingParams params, SplittableRandom random) {
    int token;
    if (params.isGreedy()) {
      token = argmax(logProbs, offset, vocab);
    } else if (params.topK() <= 0 && params.topP() >= 1) {
      token = drawFromAll(logProbs, offset, vocab, random.nextDouble());
    } else {
      token =
          Nucleus.draw(
              logProbs,
              offset,
              vocab,
              logProbs[offset + argmax(logProbs, offset, vocab)],
              params,
              random.nextDouble());
    }
    return new SampledToken(token, logProbs[offset + token]);
  }

  private static int argmax(float[] values, int offset, int vocab) {
    int best = 0;
    for (int i = 1; i < vocab; i++) {
      if (values[offset + i] > values[offset + best]) {
        best = i;
      }
    }
    return best;
  }

  private static int drawFromAll(float[] logProbs, int offset, int vocab, double u) {
    double cumulative = 0;
    int last = 0;
    for (int i = 0; i < vocab; i++) {
      double p = Math.exp(logProbs[offset + i]);
      if (p > 0) {
        last = i;
      }
      cumulative += p;
      if (u < cumulative) {
        return i;
      }
    }
    return last; // u fell in the rounding gap at the top
  }
}
