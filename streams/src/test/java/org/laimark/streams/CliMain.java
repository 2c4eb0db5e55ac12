package org.laimark.streams;

import org.laimark.cli.AuditCommand;
import org.laimark.cli.BenchPipelineCommand;
import org.laimark.cli.RunCommand;
import org.laimark.cli.StatusCommand;
import picocli.CommandLine;

/**
 * The run/status/audit subcommands under one entry point, for tests that start a separate JVM (the kill
 * test) independently of how the {@code laimark} root command registers them.
 */
public final class CliMain {

  private CliMain() {}

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Root())
        .addSubcommand("run", new RunCommand())
        .addSubcommand("status", new StatusCommand())
        .addSubcommand("audit", new AuditCommand())
        .addSubcommand("bench-pipeline", new BenchPipelineCommand());
    cli.setExecutionExceptionHandler((e, c, parsed) -> {
      c.getErr().println("laimark: " + e.getMessage());
      return 2;
    });
    System.exit(cli.execute(args));
  }

  @CommandLine.Command(name = "laimark")
  static final class Root implements Runnable {
    @Override
    public void run() {}
  }
}
