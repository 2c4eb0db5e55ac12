package org.laimark.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laimark.model.policy.Completion;

class PackedBatchTest {

  @Test
  void alignsEachCompletionTokenWithThePositionThatPredictsIt() {
    Completion a = new Completion(new int[] {10, 11, 12}, new int[] {20, 21}, "", new float[] {-1, -2}, 0);
    Completion b = new Completion(new int[] {10, 11}, new int[] {30, 31, 32}, "", new float[] {-3, -4, -5}, 0);

    try (NDManager manager = NDManager.newBaseManager()) {
      PackedBatch batch = PackedBatch.of(List.of(a, b), 0, manager);

      // sequences 10 11 12 20 21 / 10 11 30 31 32; the model reads all but the last token
      assertArrayEquals(new long[] {10, 11, 12, 20, 10, 11, 30, 31}, batch.inputIds().toLongArray());
      assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 1, 1}, batch.attentionMask().toLongArray());
      // the shortest prompt has 2 tokens: scoring starts at position 1 (predicting token 2)
      assertEquals(1, batch.firstScored());
      assertArrayEquals(new long[] {12, 20, 21, 30, 31, 32}, batch.targets().toLongArray());
      assertArrayEquals(new float[] {0, 1, 1, 1, 1, 1}, batch.completionMask().toFloatArray());
      assertArrayEquals(new float[] {0, -1, -2, -3, -4, -5}, batch.oldLogProbs().toFloatArray());
      assertEquals(5, batch.completionTokens());
    }
  }

  @Test
  void padsShorterSequencesOnTheRight() {
    Completion a = new Completion(new int[] {5}, new int[] {6}, "", new float[] {-1}, 0);
    Completion b = new Completion(new int[] {5}, new int[] {7, 8, 9}, "", new float[] {-1, -1, -1}, 0);

    try (NDManager manager = NDManager.newBaseManager()) {
      PackedBatch batch = PackedBatch.of(List.of(a, b), 0, manager);

      assertArrayEquals(new long[] {5, 0, 0, 5, 7, 8}, batch.inputIds().toLongArray());
      assertArrayEquals(new long[] {1, 0, 0, 1, 1, 1}, batch.attentionMask().toLongArray());
      assertArrayEquals(new float[] {1, 0, 0, 1, 1, 1}, batch.completionMask().toFloatArray());
    }
  }
}
