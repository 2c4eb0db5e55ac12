package org.laimark.model.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laimark.model.qwen3.Qwen3Config;

class PrefillBudgetTest {

  /** The embedded model's shape: 4 layers, 4 attention heads (256 bytes of prefill per prompt and P^2 cell). */
  static final Qwen3Config EMBEDDED = Qwen3Config.qwen3(1536, 128, 256, 4, 4, 2, 32, true);
  static final PrefillBudget BUDGET = new PrefillBudget(EMBEDDED, 16, PrefillBudget.DEFAULT_BYTES);

  @Test
  void shortPromptsGoAWholeBatchAtATime() {
    int[] lengths = new int[40];
    Arrays.fill(lengths, 400);

    assertEquals(List.of(16, 16, 8), BUDGET.batchSizes(lengths));
  }

  @Test
  void aLongPromptShrinksItsBatchAndTheOrderIsKept() {
    int[] lengths = {200, 200, 200, 1700, 200, 200};

    // 4 x 1700^2 x 256 B > 2 GiB: the long prompt starts a batch of its own; 2 x 1700^2 x 256 B < 2 GiB,
    // 3 x > 2 GiB: it takes one short prompt with it.
    assertEquals(List.of(3, 2, 1), BUDGET.batchSizes(lengths));
  }

  @Test
  void aPromptOverTheWholeBudgetStillRunsAlone() {
    assertEquals(List.of(1, 1, 1), BUDGET.batchSizes(new int[] {9000, 9000, 10}));
  }

  @Test
  void noPromptsNoBatches() {
    assertEquals(List.of(), BUDGET.batchSizes(new int[0]));
  }
}
