package org.laimark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.laimark.actors.bank.JournalAudit;
import org.laimark.actors.bank.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code laimark audit RUN_DIR}: checks the journal's invariants (see {@link JournalAudit}) and exits 1 with
 * the first violation, 0 when the run is sound. Reads only; never repairs.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Check a run's journal: nothing lost or duplicated, everything trained was accepted,"
        + " versions monotone, checkpoints and snapshots consistent. Exit 1 on the first violation.")
public final class AuditCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RUN_DIR", description = "The run directory (holds journal.log).")
  Path runDir;

  @Override
  public Integer call() {
    JournalAudit.Report report = JournalAudit.audit(new RunDirectory(runDir));
    if (!report.passed()) {
      System.err.println("laimark audit: " + runDir + ": VIOLATION: " + report.firstViolation().get());
      return 1;
    }
    System.out.printf("laimark audit: %s: OK - %d journal records, %d snapshots and %d checkpoints checked;"
            + " %d problems proposed, %d accepted (%d active, %d retired), %d rejected, %d abandoned,"
            + " %d GRPO rounds, policy version %d%n",
        runDir, report.records(), report.snapshotsChecked(), report.checkpointsChecked(),
        report.status().proposed(), report.status().accepted(), report.status().active(),
        report.status().retired(), report.status().rejected(), report.status().abandoned(),
        report.status().rounds(), report.status().policyVersion());
    report.tornTail().ifPresent(t -> System.out.println("note: " + t));
    return 0;
  }
}
