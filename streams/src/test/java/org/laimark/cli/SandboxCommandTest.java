package org.laimark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code laimark sandbox exec} and {@code laimark sandbox bench}, end to end through bubblewrap.
 */
@Tag("sandbox")
class SandboxCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new SandboxCommand());
    cli.setExecutionExceptionHandler(new OneLineErrors());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static JsonNode json(String line) throws Exception {
    return new ObjectMapper().readTree(line);
  }

  @Test
  void execPrintsOneJsonLineWithALowercaseStatus() throws Exception {
    Path program = Files.writeString(dir.resolve("hello.py"), "print('hello')\n");

    int exit = run("exec", program.toString());

    assertEquals(0, exit, err.toString());
    String[] lines = out.toString().split("\n");
    assertEquals(1, lines.length, out.toString());
    JsonNode verdict = json(lines[0]);
    assertEquals("passed", verdict.path("status").asText());
    assertEquals("hello\n", verdict.path("output").asText());
  }

  @Test
  void execHonoursTheTimeoutAndTheTests() throws Exception {
    Path sleeper = Files.writeString(dir.resolve("sleep.py"), "import time\ntime.sleep(30)\n");
    Path solution = Files.writeString(dir.resolve("f.py"), "def f(x):\n    return x + 1\n");
    Path tests = Files.writeString(dir.resolve("tests.py"), "assert f(1) == 2\nassert f(2) == 4\n");

    int timedOut = run("exec", sleeper.toString(), "--timeout", "1");
    String timeoutLine = out.toString().trim();
    out.getBuffer().setLength(0);
    int failed = run("exec", solution.toString(), "--tests", tests.toString());

    assertEquals(1, timedOut);
    assertEquals("timeout", json(timeoutLine).path("status").asText());
    assertEquals(1, failed);
    JsonNode verdict = json(out.toString().trim());
    assertEquals("failed", verdict.path("status").asText());
    assertEquals("assert f(2) == 4", verdict.path("failed_test").asText());
    assertEquals("got 3, expected 4", verdict.path("message").asText());
  }

  @Test
  void badInputIsOneClearLine() throws Exception {
    Path latin1 = dir.resolve("latin1.py");
    Files.write(latin1, "print('caf\u00e9')\n".getBytes(StandardCharsets.ISO_8859_1));
    Path fine = Files.writeString(dir.resolve("fine.py"), "pass\n");

    int missing = run("exec", dir.resolve("missing.py").toString());
    int notUtf8 = run("exec", latin1.toString());
    int badTimeout = run("exec", fine.toString(), "--timeout", "-1");

    assertEquals(2, missing);
    assertEquals(2, notUtf8);
    assertEquals(2, badTimeout);
    String[] lines = err.toString().trim().split("\n");
    assertEquals(3, lines.length, err.toString());
    assertTrue(lines[0].endsWith("missing.py: no such file"), lines[0]);
    assertTrue(lines[1].endsWith("latin1.py: not UTF-8 text"), lines[1]);
    assertTrue(lines[2].contains("--timeout"), lines[2]);
  }

  @Test
  void benchEndsWithTheSpeedupLine() {
    int exit = run("bench", "--executions", "40", "--baseline-executions", "7", "--workers", "2");

    assertEquals(0, exit, out + err.toString());
    String[] lines = out.toString().trim().split("\n");
    assertTrue(lines[lines.length - 1].matches("speedup: \\d+\\.\\dx"), out.toString());
    assertTrue(out.toString().contains("verdicts per program agree: yes"), out.toString());
  }
}
