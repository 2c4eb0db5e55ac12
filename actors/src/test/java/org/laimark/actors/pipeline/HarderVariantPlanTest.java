package org.laimark.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laimark.actors.pipeline.proposal.ProposalPlan;
import org.laimark.actors.pipeline.proposal.ProposalSpec;
import org.laimark.actors.pipeline.tasks.TaskDeriver;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;

/** The proposal plan's harder-variant share: how often, which parent, and the fallback to fresh problems. */
class HarderVariantPlanTest {

  private final List<Problem> accepted = List.of(
      TestProblems.problem("alpha"), TestProblems.problem("beta"), derivedTask());

  private static Problem derivedTask() {
    List<Problem> derived = new TaskDeriver(1).derive(TestProblems.problem("gamma"));
    assertTrue(!derived.isEmpty() && derived.get(0).taskType() != TaskType.INDUCTION);
    return derived.get(0);
  }

  @Test
  void aboutTheConfiguredShareOfProposalsAskForAHarderVariantOfAnAcceptedInductionProblem() {
    ProposalPlan plan = new ProposalPlan(TestSettings.generator(), 0.3);

    int harder = 0;
    for (long i = 0; i < 10_000; i++) {
      ProposalSpec spec = plan.next(i, accepted);
      if (spec instanceof ProposalSpec.HarderVariant h) {
        harder++;
        assertEquals(TaskType.INDUCTION, h.parent().taskType(), "a derived task is no parent");
        assertEquals(i, h.index());
      }
    }

    assertTrue(harder > 2_800 && harder < 3_200, "harder variants: " + harder + " of 10000");
  }

  @Test
  void withoutAnAcceptedInductionProblemEveryProposalIsFresh() {
    ProposalPlan plan = new ProposalPlan(TestSettings.generator(), 1.0);

    for (long i = 0; i < 100; i++) {
      assertInstanceOf(ProposalSpec.FreshProblem.class, plan.next(i, List.of(accepted.get(2))));
      assertEquals(plan.fresh(i), plan.next(i, List.of()));
    }
  }

  @Test
  void theChoiceDependsOnlyOnTheIndexSoAResumeAsksTheSameWay() {
    ProposalPlan plan = new ProposalPlan(TestSettings.generator(), 0.5);
    ProposalPlan again = new ProposalPlan(TestSettings.generator(), 0.5);

    for (long i = 0; i < 200; i++) {
      assertEquals(plan.next(i, accepted), again.next(i, accepted));
    }
    assertTrue(new ProposalPlan(TestSettings.generator(), 0).next(3, accepted) instanceof ProposalSpec.FreshProblem);
  }
}
