package org.laimark.model.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.laimark.model.train.AdamW;
import org.laimark.model.train.OptimizerSettings;

class PretrainLoopTest {

  private static final int VOCAB = 20;

  /**
   * Prompts of tokens 3..9; the completion is the last prompt token shifted into 10..16, then token 2
   * (end). Answer tokens never occur in prompts, so a bigram model can learn every target exactly.
   */
  private static List<TokenizedExample> examples(int count, long seed) {
    Random rng = new Random(seed);
    List<TokenizedExample> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int[] prompt = new int[1 + rng.nextInt(6)];
      for (int j = 0; j < prompt.length; j++) {
        prompt[j] = 3 + rng.nextInt(7);
      }
      int answer = prompt[prompt.length - 1] + 7;
      out.add(new TokenizedExample(PretrainExample.Kind.SOLVE, prompt, new int[] {answer, 2}));
    }
    return out;
  }

  private static OptimizerSettings settings(int steps) {
    return new OptimizerSettings(0.05, 0.05, steps, new AdamW.Settings(0.9, 0.999, 1e-8, 0.0), 1.0, 8, 1);
  }

  @Test
  void lossFallsFromUniformToNearZeroOnALearnableMapping() {
    try (NDManager manager = NDManager.newBaseManager();
        PretrainLoop loop = new PretrainLoop(new ToyBigramLm(VOCAB, 16, 3, manager), settings(80), 0, manager)) {
      BatchSampler batches = new BatchSampler(examples(200, 4), 32, 5);

      double first = loop.step(batches.next()).loss();
      double last = first;
      for (int i = 1; i < 80; i++) {
        last = loop.step(batches.next()).loss();
      }

      assertEquals(Math.log(VOCAB), first, 0.1, "an untrained model is near uniform");
      assertTrue(last < 0.1, "loss after 80 steps: " + last);
    }
  }

  @Test
  void countsOnlyCompletionTokensAsTargets() {
    try (NDManager manager = NDManager.newBaseManager();
        PretrainLoop loop = new PretrainLoop(new ToyBigramLm(VOCAB, 8, 3, manager), settings(10), 0, manager)) {
      List<TokenizedExample> batch = examples(10, 6);

      PretrainLoop.StepResult result = loop.step(batch);

      assertEquals(20, result.completionTokens());
      assertEquals(batch.stream().mapToLong(TokenizedExample::length).sum(), result.sequenceTokens());
      assertTrue(result.applied());
    }
  }

  @Test
  void samplerVisitsEveryExampleOncePerEpochInASeededOrder() {
    List<TokenizedExample> data = examples(10, 7);

    List<TokenizedExample> epoch = new ArrayList<>();
    BatchSampler sampler = new BatchSampler(data, 5, 8);
    epoch.addAll(sampler.next());
    epoch.addAll(sampler.next());
    List<TokenizedExample> again = new BatchSampler(data, 10, 8).next();

    assertTrue(epoch.containsAll(data));
    assertEquals(epoch, again);
  }
}
