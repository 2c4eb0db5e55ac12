package org.laimark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.laimark.actors.sandbox.SandboxService;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.SandboxSettings;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code laimark sandbox exec FILE.py}: runs one program in the sandbox and prints its verdict as
 * one JSON line on stdout ({@code status} is lowercase: passed, failed, syntax_error, timeout,
 * cpu_limit, memory_limit, output_limit, crashed, sandbox_violation, infra_error).
 */
@Command(
    name = "exec",
    mixinStandardHelpOptions = true,
    description = {
      "Run one Python file in the sandbox; print its verdict as one JSON line.",
      "Exit status: 0 passed, 1 any other verdict, 2 bad input or settings, 3 sandbox unavailable."
    })
final class SandboxExecCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.py", description = "The program to run.")
  Path file;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Wall-clock limit (default: laimark.sandbox.limits.wall, 7.5 s).")
  Double timeout;

  @Option(
      names = "--tests",
      paramLabel = "FILE",
      description =
          "Assert lines judging the program (split so the program never sees the expected values).")
  Path tests;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Experiment file (HOCON) over the defaults.")
  Path config;

  @Override
  public Integer call() {
    String program = readUtf8(file);
    String testText = tests == null ? "" : readUtf8(tests);
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("laimark.sandbox.pool.workers", "1");
    if (timeout != null) {
      if (!(timeout > 0) || timeout > 86_400) {
        throw new UserInputException(
            "--timeout: expected a number of seconds in (0, 86400], got " + timeout);
      }
      overrides.put("laimark.sandbox.limits.wall", Math.round(timeout * 1000) + "ms");
    }
    SandboxSettings settings = SandboxSettings.fromConfig(LaimarkConfig.load(config, overrides));
    Verdict verdict;
    try (SandboxService sandbox = SandboxService.start(settings)) {
      verdict =
          sandbox.runBlocking(
              new SandboxJob(file.getFileName().toString(), program, testText, null));
    } catch (IllegalStateException unavailable) {
      spec.commandLine()
          .getErr()
          .println("laimark: sandbox unavailable: " + unavailable.getMessage());
      return 3;
    }
    spec.commandLine().getOut().println(toJson(verdict));
    spec.commandLine().getOut().flush();
    return verdict.passed() ? 0 : 1;
  }

  static String toJson(Verdict v) {
    ObjectNode node =
        JSON.createObjectNode()
            .put("status", v.status().wireName())
            .put("failed_test", v.failedTest())
            .put("error_type", v.errorType())
            .put("message", v.message());
    v.flags().forEach(node.putArray("flags")::add);
    node.put("wall_ms", v.wallMillis()).put("cpu_ms", v.cpuMillis()).put("output", v.output());
    return node.toString();
  }

  private static String readUtf8(Path path) {
    try {
      byte[] bytes = Files.readAllBytes(path);
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new UserInputException(path + ": no such file");
    } catch (CharacterCodingException e) {
      throw new UserInputException(path + ": not UTF-8 text");
    } catch (IOException e) {
      throw new UserInputException(path + ": cannot read: " + e.getMessage(), e);
    }
  }
}
