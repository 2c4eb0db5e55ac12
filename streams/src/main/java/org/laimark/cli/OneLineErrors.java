package org.laimark.cli;

import org.laimark.config.InvalidSettingException;
import picocli.CommandLine;

/**
 * Bad input (files, config, arguments) ends a command with one clear line on stderr and exit code 2;
 * anything else is a bug and keeps its stack trace.
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    if (e instanceof UserInputException
        || e instanceof InvalidSettingException
        || e instanceof java.io.UncheckedIOException
        || e instanceof java.nio.file.NoSuchFileException
        || e instanceof org.laimark.model.CheckpointException) {
      cli.getErr().println("laimark: " + e.getMessage());
      return 2;
    }
    throw new RuntimeException(e);
  }
}
