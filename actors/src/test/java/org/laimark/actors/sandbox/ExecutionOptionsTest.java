package org.laimark.actors.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.laimark.data.ExecutionOptions;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/** The verifier's knobs: another PYTHONHASHSEED, and a wall clock moved by days. */
@Tag("sandbox")
class ExecutionOptionsTest {

  private static SandboxService sandbox;

  @BeforeAll
  static void startSandbox() {
    sandbox = SandboxService.start(TestSettings.with(Map.of("pool.workers", 1)));
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  private static String hostHash(int seed) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3.11", "-c", "print(hash('laimark'))");
    pb.environment().put("PYTHONHASHSEED", Integer.toString(seed));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private static Verdict run(String program, ExecutionOptions options) {
    return sandbox.runBlocking(new SandboxJob("opt", program, "", options));
  }

  @Test
  void theHashSeedIsTheOneAskedFor() throws Exception {
    String program = "print(hash('laimark'))\n";

    Verdict seed0 = run(program, ExecutionOptions.DEFAULTS);
    Verdict seed7 = run(program, ExecutionOptions.DEFAULTS.withHashSeed(7));
    Verdict seed7Again = run(program, ExecutionOptions.DEFAULTS.withHashSeed(7));

    assertEquals(hostHash(0), seed0.output());
    assertEquals(hostHash(7), seed7.output());
    assertEquals(seed7.output(), seed7Again.output());
    assertTrue(!seed0.output().equals(seed7.output()));
  }

  @Test
  void theHashSeedAppliesToTestsToo() {
    String program = "def f():\n    return list({'a', 'b', 'c', 'd', 'e'})\n";
    String tests = "assert sorted(f()) == ['a', 'b', 'c', 'd', 'e']\n";

    Verdict v =
        sandbox.runBlocking(
            new SandboxJob("opt", program, tests, ExecutionOptions.DEFAULTS.withHashSeed(12345)));

    assertEquals(VerdictStatus.PASSED, v.status(), v.toString());
  }

  @Test
  void theClockIsShiftedForTimeAndDatetime() {
    Duration shift = Duration.ofDays(3);
    LocalDate before = LocalDate.now().plusDays(shift.toDays());
    long hostNow = Instant.now().plus(shift).getEpochSecond();

    Verdict v =
        run(
            "import time, datetime\n"
                + "from datetime import date\n"
                + "print(date.today().isoformat())\n"
                + "print(datetime.datetime.now().date().isoformat())\n"
                + "print(int(time.time()))\n",
            ExecutionOptions.DEFAULTS.withClockShift(shift));

    LocalDate after = LocalDate.now().plusDays(shift.toDays());
    String[] lines = v.output().split("\n");
    assertTrue(lines[0].equals(before.toString()) || lines[0].equals(after.toString()), v.output());
    assertEquals(lines[0], lines[1]);
    assertTrue(Math.abs(Long.parseLong(lines[2]) - hostNow) < 60, v.output());
  }

  @Test
  void expectedValuesSeeTheSameShiftedClock() {
    Verdict v =
        sandbox.runBlocking(
            new SandboxJob(
                "weekday",
                "import datetime\ndef weekday():\n    return datetime.date.today().weekday()\n",
                "assert weekday() == datetime.date.today().weekday()\n",
                ExecutionOptions.DEFAULTS.withClockShift(Duration.ofDays(2))));

    assertEquals(VerdictStatus.PASSED, v.status(), v.toString());
  }
}
