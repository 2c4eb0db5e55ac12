package org.laimark.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.laimark.actors.bank.BankStatus;
import org.laimark.actors.bank.BankStore;
import org.laimark.actors.bank.CorruptJournalException;
import org.laimark.actors.bank.JournalCodec;
import org.laimark.actors.bank.JournalInvariantViolation;
import org.laimark.actors.bank.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code laimark status RUN_DIR}: the run's counts as JSON, read from its snapshot and journal without
 * changing them (safe while the run is going; a record being written at that moment is not counted yet).
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Print a run's counts (proposed, verified, rejected by reason, accepted, rounds...) as JSON.")
public final class StatusCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RUN_DIR", description = "The run directory (holds journal.log).")
  Path runDir;

  @Override
  public Integer call() throws JsonProcessingException {
    RunDirectory run = new RunDirectory(runDir);
    if (!run.exists()) {
      throw new UserInputException(runDir + ": not a run directory (no journal.log in it)");
    }
    BankStatus status;
    try {
      status = BankStatus.of(BankStore.recover(run, new JournalCodec()));
    } catch (CorruptJournalException | JournalInvariantViolation e) {
      throw new UserInputException(e.getMessage(), e);
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    System.out.println(json.writeValueAsString(status));
    return 0;
  }
}
