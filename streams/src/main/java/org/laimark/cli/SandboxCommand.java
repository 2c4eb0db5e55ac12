package org.laimark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code laimark sandbox ...}: run one program in the isolated sandbox, or benchmark the pool. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = "Run Python in the isolated, supervised sandbox (exec), or measure it (bench).",
    subcommands = {SandboxExecCommand.class, SandboxBenchCommand.class})
public final class SandboxCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: exec or bench");
  }
}
