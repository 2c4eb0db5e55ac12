package org.laimark.model.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.laimark.model.policy.SamplingParams;

/** The sampler's truncation rules on hand-made log-probability rows. */
class TokenSamplerTest {

  /** Probabilities 0.5, 0.3, 0.15, 0.05 as log-probs. */
  private static final float[] LOG_PROBS = {
    (float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.15), (float) Math.log(0.05)
  };

  @Test
  void greedyTakesTheArgmaxWithItsLogProb() {
    SampledToken token =
        TokenSampler.sample(LOG_PROBS, 0, 4, SamplingParams.greedy(1), new SplittableRandom(1));

    assertEquals(0, token.id());
    assertEquals(Math.log(0.5), token.logProb(), 1e-6);
  }

  @Test
  void topPKeepsTheSmallestHeadHoldingP() {
    int[] counts = counts(new SamplingParams(1.0, 0.8, 0, 1, 0), 4000);

    assertEquals(0, counts[2] + counts[3]);
    double shareOfFirst = counts[0] / (double) (counts[0] + counts[1]);
    assertEquals(0.5 / 0.8, shareOfFirst, 0.03);
  }

  @Test
  void topKKeepsTheKMostLikely() {
    int[] counts = counts(new SamplingParams(1.0, 1.0, 3, 1, 0), 4000);

    assertEquals(0, counts[3]);
    assertEquals(0.15 / 0.95, counts[2] / 4000.0, 0.03);
  }

  @Test
  void untruncatedSamplingFollowsTheDistribution() {
    int[] counts = counts(new SamplingParams(2.0, 1.0, 0, 1, 0), 8000);

    double[] p = {0.5, 0.3, 0.15, 0.05};
    for (int i = 0; i < 4; i++) {
      assertEquals(p[i], counts[i] / 8000.0, 0.03, "token " + i);
    }
  }

  @Test
  void reportsTheLogProbOfTheChosenTokenBeforeTruncation() {
    SampledToken token =
        TokenSampler.sample(
            LOG_PROBS, 0, 4, new SamplingParams(2.0, 0.5, 1, 1, 0), new SplittableRandom(3));

    assertEquals(0, token.id());
    assertEquals(Math.log(0.5), token.logProb(), 1e-6);
  }

  @Test
  void readsItsRowAtTheOffset() {
    float[] twoRows = new float[8];
    System.arraycopy(LOG_PROBS, 0, twoRows, 4, 4);
    twoRows[0] = 10;

    assertEquals(
        0,
        TokenSampler.sample(twoRows, 4, 4, SamplingParams.greedy(1), new SplittableRandom(1)).id());
    assertTrue(
        TokenSampler.sample(twoRows, 0, 4, SamplingParams.greedy(1), new SplittableRandom(1))
                .logProb()
            > -1e-3);
  }

  private static int[] counts(SamplingParams params, int draws) {
    SplittableRandom random = new SplittableRandom(42);
    int[] counts = new int[4];
    for (int i = 0; i < draws; i++) {
      counts[TokenSampler.sample(LOG_PROBS, 0, 4, params, random).id()]++;
    }
    return counts;
  }
}
