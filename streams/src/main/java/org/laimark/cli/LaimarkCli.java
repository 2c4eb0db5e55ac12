package org.laimark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code laimark} command line: one entry point, one subcommand per capability. */
@Command(
    name = "laimark",
    mixinStandardHelpOptions = true,
    version = "laimark 0.1.0",
    description = "Self-improvement from verifiable reward on the JVM.",
    subcommands = {
      RunCommand.class,
      StatusCommand.class,
      AuditCommand.class,
      ReportCommand.class,
      ExportCommand.class,
      CompareCommand.class,
      ExperimentCommand.class,
      VerifyCommand.class,
      SandboxCommand.class,
      EvalCommand.class,
      ContaminationCommand.class,
      ModelCommand.class,
      PretrainCommand.class,
      TrainCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class LaimarkCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI without exiting; tests call this. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new LaimarkCli());
    cli.setExecutionExceptionHandler(new OneLineErrors());
    return cli;
  }
}
