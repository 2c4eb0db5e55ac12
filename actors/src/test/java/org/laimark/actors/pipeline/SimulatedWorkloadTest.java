package org.laimark.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laimark.actors.pipeline.proposal.ParsedProposal;
import org.laimark.actors.pipeline.proposal.ProblemProposalParser;
import org.laimark.actors.pipeline.tasks.TaskDeriver;
import org.laimark.actors.pipeline.tasks.TaskKeys;
import org.laimark.data.Problem;
import org.laimark.data.io.Datasets;
import org.laimark.model.policy.SimulatedAnswers;

class SimulatedWorkloadTest {

  private static final List<Problem> SEED = Datasets.seedCurriculum().items();

  @Test
  void everySeedProblemReadsBackFromItsProposalText() {
    for (Problem p : SEED) {
      ParsedProposal parsed =
          ProblemProposalParser.parse(SimulatedWorkload.proposalText(p)).proposal();

      assertEquals(p.entryPoint(), parsed.entryPoint(), p.id());
      assertEquals(p.tests().strip(), parsed.testsText(), p.id());
    }
  }

  @Test
  void everyTaskThePipelineMakesHasARightAndAWrongAnswer() {
    TaskDeriver deriver = new TaskDeriver(3);
    Map<String, SimulatedAnswers> answers = SimulatedWorkload.answers(SEED, deriver);

    int derived = 0;
    for (Problem p : SEED) {
      assertTrue(answers.containsKey(TaskKeys.of(p)), p.id());
      for (Problem task : deriver.derive(p)) {
        SimulatedAnswers a = answers.get(TaskKeys.of(task));
        assertEquals(1, a.correct().size(), TaskKeys.of(task));
        assertEquals(1, a.wrong().size(), TaskKeys.of(task));
        derived++;
      }
    }
    assertTrue(derived > SEED.size() * 3, "derived " + derived);
  }

  @Test
  void theRightInductionAnswerIsTheReferenceBodyWithItsIndentation() {
    String body =
        SimulatedWorkload.body(
            "def f(a,\n      b):\n    \"\"\"Doc.\"\"\"\n    return a + b\n", "f");

    assertEquals("    \"\"\"Doc.\"\"\"\n    return a + b\n", body);
  }
}
