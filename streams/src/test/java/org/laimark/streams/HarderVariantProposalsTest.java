package org.laimark.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.bank.BankEvent;
import org.laimark.actors.bank.JournalAudit;
import org.laimark.actors.bank.RunDirectory;
import org.laimark.data.TaskType;

/**
 * The stream feeds the generator's harder-variant mode with the bank's accepted problems: a SIMULATED run
 * with half its proposals asking for harder variants records proposals whose origin names a parent, and
 * every parent is an induction problem accepted earlier in the same journal.
 */
class HarderVariantProposalsTest {

  @TempDir Path dir;

  @Test
  void harderVariantProposalsNameAnInductionProblemAcceptedBeforeThem() {
    Path runDir = dir.resolve("run");
    int exit = PipelineDaemon.run(RunConfiguration.create(SimulatedRunFixture.simulatedConf(), runDir, Map.of(
        "laimark.pipeline.generator.harder-variant-share", 0.5,
        "laimark.pipeline.run.max-rounds", 3,
        "laimark.pipeline.run.progress", "off",
        "laimark.pipeline.evaluation.every-rounds", 0)));

    assertEquals(0, exit);
    List<BankEvent> events = JournalEvents.read(new RunDirectory(runDir));
    Set<String> acceptedInduction = new HashSet<>();
    Set<String> induction = new HashSet<>();
    int harder = 0;
    int fresh = 0;
    for (BankEvent e : events) {
      if (e instanceof BankEvent.ProblemProposed p) {
        if (p.problem().taskType() == TaskType.INDUCTION) {
          induction.add(p.problemId());
        }
        if (p.origin().startsWith("harder-variant:")) {
          String parent = p.origin().substring("harder-variant:".length());
          assertTrue(acceptedInduction.contains(parent), p.problemId() + " names " + parent
              + ", which was not an accepted induction problem when it was proposed");
          harder++;
        } else if (p.origin().equals("generated")) {
          fresh++;
        }
      } else if (e instanceof BankEvent.ProblemAccepted a && induction.contains(a.problemId())) {
        acceptedInduction.add(a.problemId());
      }
    }
    assertTrue(harder > 0, "no harder-variant proposal was recorded (fresh: " + fresh + ")");
    assertTrue(fresh > 0, "half the proposals should still be fresh");
    JournalAudit.Report audit = JournalAudit.audit(new RunDirectory(runDir));
    assertTrue(audit.passed(), "audit: " + audit.firstViolation());
  }
}
