package org.laimark.actors.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/** isolation = none is an explicit opt-in that still judges correctly and warns on every run. */
@Tag("sandbox")
class UnisolatedModeTest {

  @Test
  void everyUnisolatedRunLogsAWarning() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (SandboxService sandbox =
        SandboxService.start(TestSettings.with(Map.of("isolation", "none", "pool.workers", 1)))) {

      Verdict first =
          sandbox.runBlocking(
              SandboxJob.withTests("one", "def f():\n    return 1\n", "assert f() == 1\n"));
      Verdict second =
          sandbox.runBlocking(
              SandboxJob.withTests("two", "def f():\n    return 1\n", "assert f() == 2\n"));

      assertEquals(VerdictStatus.PASSED, first.status(), first.toString());
      assertEquals(VerdictStatus.FAILED, second.status(), second.toString());
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("job 'one' runs UNISOLATED"), log);
    assertTrue(log.contains("job 'two' runs UNISOLATED"), log);
  }
}
