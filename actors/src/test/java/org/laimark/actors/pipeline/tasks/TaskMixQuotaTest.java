package org.laimark.actors.pipeline.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.laimark.data.TaskType;

class TaskMixQuotaTest {

  private static final Map<TaskType, Double> TARGETS =
      Map.of(TaskType.INDUCTION, 0.5, TaskType.DEDUCTION, 0.25, TaskType.ABDUCTION, 0.25);
  private static final Map<TaskType, Double> CAPS =
      Map.of(TaskType.INDUCTION, 1.0, TaskType.DEDUCTION, 0.35, TaskType.ABDUCTION, 0.35);

  /** Candidates in the study's R1 proportions (7 / 16 / 120 of 143: 84% abduction), repeated. */
  private static List<TaskType> r1Supply(int n) {
    List<TaskType> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i % 143;
      out.add(k < 7 ? TaskType.INDUCTION : k < 23 ? TaskType.DEDUCTION : TaskType.ABDUCTION);
    }
    java.util.Collections.shuffle(out, new java.util.Random(7));
    return out;
  }

  @Test
  void aSkewedSupplyStillTrainsAMixInsideTheShares() {
    TaskMixQuota quota = new TaskMixQuota(TARGETS, CAPS);
    List<TaskType> supply = r1Supply(2000);
    List<TaskType> pending = new ArrayList<>();

    for (int start = 0; start < supply.size(); start += 8) {
      pending.addAll(supply.subList(start, Math.min(supply.size(), start + 8)));
      TaskMixQuota.Selection<TaskType> round = quota.select(pending, Function.identity(), 4);
      round.chosen().forEach(quota::record);
      pending = new ArrayList<>(round.deferred());
    }

    long trained = quota.counts().values().stream().mapToLong(Long::longValue).sum();
    assertTrue(trained > 100, "trained " + trained);
    assertTrue(
        quota.share(TaskType.ABDUCTION) <= 0.35 + 1.0 / trained,
        "abduction " + quota.share(TaskType.ABDUCTION));
    assertTrue(quota.share(TaskType.DEDUCTION) <= 0.35 + 1.0 / trained);
  }

  @Test
  void withEnoughOfEveryTypeTheMixLandsOnTheTargets() {
    TaskMixQuota quota = new TaskMixQuota(TARGETS, CAPS);
    List<TaskType> plenty = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      plenty.addAll(List.of(TaskType.ABDUCTION, TaskType.DEDUCTION, TaskType.INDUCTION));
    }

    for (int round = 0; round < 100; round++) {
      quota.select(plenty, Function.identity(), 4).chosen().forEach(quota::record);
    }

    assertEquals(0.5, quota.share(TaskType.INDUCTION), 0.01);
    assertEquals(0.25, quota.share(TaskType.DEDUCTION), 0.01);
    assertEquals(0.25, quota.share(TaskType.ABDUCTION), 0.01);
  }

  @Test
  void aTypeWithShareZeroIsNeverAdmitted() {
    Map<TaskType, Double> onlyInduction =
        Map.of(TaskType.INDUCTION, 1.0, TaskType.DEDUCTION, 0.0, TaskType.ABDUCTION, 0.0);
    TaskMixQuota quota = new TaskMixQuota(onlyInduction, onlyInduction);

    TaskMixQuota.Selection<TaskType> s =
        quota.select(List.of(TaskType.ABDUCTION, TaskType.INDUCTION), Function.identity(), 2);

    assertEquals(List.of(TaskType.INDUCTION), s.chosen());
    assertEquals(List.of(TaskType.ABDUCTION), s.deferred());
    assertFalse(quota.admits(TaskType.DEDUCTION));
  }

  @Test
  void inductionAloneIsNeverHeldBack() {
    TaskMixQuota quota = new TaskMixQuota(TARGETS, CAPS);

    for (int round = 0; round < 10; round++) {
      TaskMixQuota.Selection<TaskType> s =
          quota.select(
              List.of(TaskType.INDUCTION, TaskType.INDUCTION, TaskType.INDUCTION),
              Function.identity(),
              3);
      assertEquals(3, s.chosen().size());
      s.chosen().forEach(quota::record);
    }
  }

  @Test
  void selectingRecordsNothingUntilTrainingHappened() {
    TaskMixQuota quota = new TaskMixQuota(TARGETS, CAPS);

    quota.select(List.of(TaskType.INDUCTION, TaskType.ABDUCTION), Function.identity(), 2);

    assertEquals(0L, quota.counts().get(TaskType.INDUCTION));
  }

  @Test
  void restoredCountsHoldBackATypeAlreadyOverItsShare() {
    TaskMixQuota quota =
        new TaskMixQuota(
            TARGETS,
            CAPS,
            Map.of(TaskType.INDUCTION, 10L, TaskType.DEDUCTION, 2L, TaskType.ABDUCTION, 8L));

    assertFalse(quota.admits(TaskType.ABDUCTION));
    assertTrue(quota.admits(TaskType.DEDUCTION));
  }
}
