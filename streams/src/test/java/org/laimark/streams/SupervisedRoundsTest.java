package org.laimark.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.bank.BankStatus;
import org.laimark.actors.bank.BankStore;
import org.laimark.actors.bank.JournalCodec;
import org.laimark.actors.bank.RunDirectory;
import org.laimark.report.RunReport;

/**
 * {@code trainer.update = supervised} through the whole continuous graph over the SIMULATED workload: the
 * rounds learn the accepted problems' reference answers, publish versions like GRPO rounds, and the report
 * says which update its rounds took.
 */
class SupervisedRoundsTest {

  @TempDir Path dir;

  @Test
  void aSupervisedRunPublishesAVersionPerRoundAndItsReportNamesTheUpdate() throws Exception {
    Path runDir = dir.resolve("run");
    Map<String, Object> overrides = Map.of(
        "laimark.pipeline.trainer.update", "supervised",
        "laimark.pipeline.tasks.shares", Map.of("induction", 1.0, "deduction", 0.0, "abduction", 0.0),
        "laimark.pipeline.run.max-rounds", 3,
        "laimark.pipeline.run.progress", "off",
        "laimark.pipeline.evaluation.every-rounds", 0);

    PipelineDaemon.run(RunConfiguration.create(SimulatedRunFixture.simulatedConf(), runDir, overrides));

    BankStatus status = BankStatus.of(BankStore.recover(new RunDirectory(runDir), new JournalCodec()));
    assertTrue(status.rounds() >= 3, "published rounds: " + status.rounds());
    assertEquals(status.rounds(), status.policyVersion(), "every published round is one supervised step");
    String report = Files.readString(RunReport.write(runDir));
    assertTrue(report.contains("- `trainer.update` = supervised"), "the settings list names the update");
    assertTrue(report.contains("one supervised step on the round's verified reference answers"));
  }
}
