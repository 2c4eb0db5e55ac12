package org.laimark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code laimark bench ...}: performance measured, not asserted. Each subcommand prints its numbers side by
 * side with the reference it is judged against, measured in the same run.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure throughput: the model (bench model) and the pipeline (bench pipeline).",
    subcommands = {BenchModelCommand.class, BenchPipelineCommand.class})
public final class BenchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: model or pipeline");
  }
}
