package org.laimark.actors.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.laimark.config.SandboxSettings;
import org.laimark.data.ExecutionOptions;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/**
 * Programs that try to escape, starve or fool the sandbox. Each gets the right verdict, nothing
 * escapes (checked from the host), and the pool keeps serving afterwards (last test).
 */
@Tag("sandbox")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileProgramsTest {

  private static SandboxSettings settings;
  private static SandboxService sandbox;

  @BeforeAll
  static void startSandbox() {
    settings =
        TestSettings.with(
            Map.of("limits.cpu", "2s", "limits.wall", "4s", "limits.watchdog-grace", "2s"));
    sandbox = SandboxService.start(settings);
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  private static Verdict run(String program) {
    return sandbox.runBlocking(SandboxJob.program("hostile", program));
  }

  private static Verdict run(String program, String tests) {
    return sandbox.runBlocking(SandboxJob.withTests("hostile", program, tests));
  }

  @Test
  void infiniteLoopHitsTheCpuLimitOrTheWallClockWhenStarved() {
    Verdict v =
        sandbox.runBlocking(
            new SandboxJob(
                "loop",
                "while True:\n    pass\n",
                "",
                ExecutionOptions.DEFAULTS.withCpuLimit(Duration.ofSeconds(1))));

    // On a shared machine the loop may not get a second of CPU within the wall limit: then it is
    // (rightly) a timeout, with less CPU than the limit.
    if (v.status() == VerdictStatus.TIMEOUT) {
      assertTrue(v.cpuMillis() < 1000, v.toString());
    } else {
      assertEquals(VerdictStatus.CPU_LIMIT, v.status(), v.toString());
    }
  }

  @Test
  void sleeperTimesOut() {
    Verdict v = run("import time\ntime.sleep(600)\n");

    assertEquals(VerdictStatus.TIMEOUT, v.status(), v.toString());
    assertTrue(v.wallMillis() < 4000 + 2000, v.toString());
  }

  @Test
  void forkBombIsContainedAndLeavesNoProcess() {
    Verdict v =
        run(
            "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n"
                + "        pass\n");

    assertTrue(
        v.status() == VerdictStatus.CPU_LIMIT || v.status() == VerdictStatus.TIMEOUT, v.toString());
    assertEquals(List.of(), TestSettings.processesOfJobUids(sandbox.status()));
  }

  @Test
  void detachedChildrenAreKilledAfterTheJob() {
    Verdict v =
        run(
            "import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n"
                + "        time.sleep(600)\n    os._exit(0)\nos.wait()\nprint('parent done')\n");

    assertEquals(VerdictStatus.PASSED, v.status(), v.toString());
    assertEquals(List.of(), TestSettings.processesOfJobUids(sandbox.status()));
  }

  @Test
  void memoryBombsHitTheMemoryLimit() {
    Verdict huge = run("x = bytearray(8 << 30)\n");
    Verdict growing = run("chunks = []\nwhile True:\n    chunks.append(bytearray(64 << 20))\n");

    assertEquals(VerdictStatus.MEMORY_LIMIT, huge.status(), huge.toString());
    assertEquals(VerdictStatus.MEMORY_LIMIT, growing.status(), growing.toString());
  }

  @Test
  void diskFillersStopAtTheFileAndTmpfsLimitsAndTheSpaceComesBack() {
    Verdict oneFile =
        run(
            "with open('big', 'wb') as f:\n    while True:\n"
                + "        f.write(b'x' * (1 << 20))\n");
    Verdict manyFiles =
        run(
            "i = 0\nwhile True:\n    with open('f%d' % i, 'wb') as f:\n"
                + "        f.write(b'x' * (8 << 20))\n    i += 1\n");
    Verdict next = run("with open('again', 'wb') as f:\n    f.write(b'x' * (8 << 20))\n");

    assertEquals(VerdictStatus.FAILED, oneFile.status(), oneFile.toString());
    assertTrue(oneFile.message().contains("File too large"), oneFile.toString());
    assertEquals(VerdictStatus.FAILED, manyFiles.status(), manyFiles.toString());
    assertTrue(manyFiles.message().contains("No space left"), manyFiles.toString());
    assertEquals(VerdictStatus.PASSED, next.status(), next.toString());
  }

  @Test
  void killingTheParentAndInitFailsAndTheWorkerSurvives() {
    long restartsBefore = sandbox.status().workerRestarts();

    Verdict v =
        run(
            "import os, signal\nfor pid in (os.getppid(), 1):\n    try:\n"
                + "        os.kill(pid, signal.SIGKILL)\n        print('killed', pid)\n"
                + "    except PermissionError:\n        print('denied', pid)\n");

    assertEquals(VerdictStatus.PASSED, v.status(), v.toString());
    assertFalse(v.output().contains("killed"), v.output());
    assertEquals(restartsBefore, sandbox.status().workerRestarts());
  }

  @Test
  void networkConnectToAHostListenerFailsAndNothingConnects() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      listener.setSoTimeout(300);

      Verdict v =
          run(
              "import socket\ns = socket.create_connection(('127.0.0.1', "
                  + listener.getLocalPort()
                  + "), timeout=2)\ns.sendall(b'escaped')\n");

      assertEquals(VerdictStatus.FAILED, v.status(), v.toString());
      assertEquals("PermissionError", v.errorType(), v.toString());
      assertThrows(SocketTimeoutException.class, listener::accept);
    }
  }

  @Test
  void theJvmEnvironmentIsNotVisible() {
    Verdict v =
        run(
            "import os\n"
                + "print(sorted(os.environ.items()))\n"
                + "for p in ('/proc/self/environ', '/proc/1/environ', '/proc/2/environ'):\n"
                + "    try:\n"
                + "        print(open(p).read())\n"
                + "    except OSError as e:\n"
                + "        print(p, e)\n");

    assertEquals(VerdictStatus.PASSED, v.status(), v.toString());
    assertTrue(v.output().startsWith("[('HOME', '/tmp/jobs/"), v.output());
    System.getenv()
        .forEach(
            (name, value) -> {
              if (!List.of("HOME", "LANG", "PATH", "TMPDIR").contains(name)) {
                assertFalse(v.output().contains(name), name + " leaked: " + v.output());
              }
            });
  }

  @Test
  void writingOutsideTheJobDirectoryCreatesNothingOnTheHost() throws Exception {
    Path outside = Files.createTempDirectory("laimark-escape-");
    Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path target = outside.resolve("pwned");
    try {
      Verdict v =
          run(
              "import os\n"
                  + "for p in ('/etc/pwned', '/usr/pwned', '/tmp/pwned', '/pwned',"
                  + " '/tmp/jobs/pwned', '/sandbox/pwned'):\n"
                  + "    try:\n"
                  + "        open(p, 'w').write('x')\n"
                  + "        print('WROTE', p)\n"
                  + "    except OSError:\n"
                  + "        pass\n"
                  + "open('"
                  + target
                  + "', 'w').write('x')\n");

      assertEquals(VerdictStatus.FAILED, v.status(), v.toString());
      assertFalse(v.output().contains("WROTE"), v.output());
      assertFalse(Files.exists(target));
    } finally {
      Files.deleteIfExists(target);
      Files.delete(outside);
    }
  }

  @Test
  void segfaultThroughCtypesIsACrash() {
    Verdict v = run("import ctypes\nctypes.string_at(0)\n");

    assertEquals(VerdictStatus.CRASHED, v.status(), v.toString());
    assertTrue(v.message().contains("SIGSEGV"), v.toString());
    assertTrue(v.flags().contains("ctypes"), v.toString());
  }

  @Test
  void outputFloodHitsTheOutputLimit() {
    Verdict v = run("while True:\n    print('x' * 1000)\n");

    assertEquals(VerdictStatus.OUTPUT_LIMIT, v.status(), v.toString());
    assertTrue(v.output().length() <= settings.limits().outputBytes(), "output is capped");
  }

  @Test
  void fakeSuccessOutputIsIgnored() {
    Verdict printed =
        run(
            "def f(x):\n"
                + "    return 0\n"
                + "print('PASSED')\n"
                + "print('{\"phase\": \"done\", \"index\": -1, \"error\": null, \"probes\":"
                + " []}')\n",
            "assert f(1) == 1\n");
    Verdict written =
        run(
            "import os\nos.write(3, b'{\"phase\": \"done\", \"index\": -1, "
                + "\"error\": null, \"probes\": []}')\nos._exit(0)\n",
            "assert f(1) == 1\n");

    assertEquals(VerdictStatus.FAILED, printed.status(), printed.toString());
    assertEquals("got 0, expected 1", printed.message());
    assertEquals(VerdictStatus.SANDBOX_VIOLATION, written.status(), written.toString());
  }

  @Test
  void earlyExitBeforeTheTestsFails() {
    Verdict osExit = run("def f(x):\n    return 0\nimport os\nos._exit(0)\n", "assert f(1) == 1\n");
    Verdict sysExit =
        run("def f(x):\n    return 0\nimport sys\nsys.exit(0)\n", "assert f(1) == 1\n");

    assertEquals(VerdictStatus.FAILED, osExit.status(), osExit.toString());
    assertTrue(osExit.flags().contains("os_exit"), osExit.toString());
    assertEquals(VerdictStatus.FAILED, sysExit.status(), sysExit.toString());
    assertTrue(sysExit.flags().contains("sys_exit"), sysExit.toString());
  }

  /** Reads the nonce from the runner's frame and writes a complete record claiming success. */
  private static final String FORGER =
      String.join(
          "\n",
          "import sys, os, json",
          "def f(x):",
          "    return 0",
          "frame = sys._getframe()",
          "while frame is not None and 'nonce' not in frame.f_locals:",
          "    frame = frame.f_back",
          "nonce = frame.f_locals['nonce']",
          "fd = frame.f_locals['result_fd']",
          "forged = {'phase': 'done', 'index': -1, 'error': None, 'probes': PROBES}",
          "os.write(fd, (nonce + json.dumps(forged)).encode())",
          "EXIT",
          "");

  @Test
  void frameIntrospectionForgeryNeverPasses() {
    String tests = "assert f(1) == 1\nassert f(2) == 4\n";
    Verdict noProbes = run(FORGER.replace("PROBES", "[]").replace("EXIT", "os._exit(0)"), tests);
    Verdict guessed =
        run(
            FORGER
                .replace("PROBES", "[[0, [['i', '1']]], [1, [['i', '2']]]]")
                .replace("EXIT", "os._exit(0)"),
            tests);
    Verdict twoRecords = run(FORGER.replace("PROBES", "[]").replace("EXIT", ""), tests);

    assertEquals(VerdictStatus.SANDBOX_VIOLATION, noProbes.status(), noProbes.toString());
    assertEquals(VerdictStatus.FAILED, guessed.status(), guessed.toString());
    assertEquals("got 2, expected 4", guessed.message());
    assertEquals(VerdictStatus.SANDBOX_VIOLATION, twoRecords.status(), twoRecords.toString());
    assertTrue(noProbes.flags().contains("frame_introspection"), noProbes.toString());
  }

  @Test
  void deepRecursionInCWithARaisedLimitIsACrash() {
    Verdict v =
        run(
            "import sys\nsys.setrecursionlimit(10 ** 6)\nnested = []\n"
                + "for _ in range(200000):\n    nested = [nested]\nrepr(nested)\n");

    // It needs about a second of CPU to exhaust the C stack: starved, it is a timeout instead.
    assertTrue(
        v.status() == VerdictStatus.CRASHED || v.status() == VerdictStatus.TIMEOUT, v.toString());
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void thePoolKeepsServingAfterTheSuite() {
    Verdict v = run("def add(a, b):\n    return a + b\n", "assert add(2, 3) == 5\n");

    assertEquals(VerdictStatus.PASSED, v.status(), v.toString());
    assertEquals(List.of(), TestSettings.processesOfJobUids(sandbox.status()));
    assertEquals(settings.pool().workers(), sandbox.status().ready());
  }
}
