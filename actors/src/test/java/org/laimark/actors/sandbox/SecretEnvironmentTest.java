package org.laimark.actors.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.laimark.config.SandboxSettings;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/**
 * A secret in the environment a worker is launched with (as if the JVM had not cleared its own)
 * never reaches a job: bwrap's --clearenv holds on its own.
 */
@Tag("sandbox")
class SecretEnvironmentTest {

  private final WorkerResources resources = WorkerResources.extract();
  private final UidLease uid = UidLease.acquire(60001, 1);
  private WorkerProcess worker;

  @AfterEach
  void stopWorker() {
    if (worker != null) {
      worker.kill();
    }
    resources.close();
    uid.close();
  }

  @Test
  void aSecretInTheLaunchEnvironmentIsInvisibleToJobs() throws IOException {
    SandboxSettings settings = TestSettings.with(Map.of());
    String secret = "laimark-secret-" + UUID.randomUUID();
    worker =
        WorkerProcess.launch(
            settings, 0, uid.firstUid(), resources, Map.of("LAIMARK_API_KEY", secret));
    worker.handshake(settings);
    JobExecution exchange = new JobExecution(worker, settings, deadline -> {});

    Verdict v =
        exchange
            .execute(
                SandboxJob.program(
                    "env",
                    "import os, sys\n"
                        + "print(dict(os.environ))\n"
                        + "for p in ('/proc/1/environ', '/proc/2/environ'):\n"
                        + "    try:\n"
                        + "        print(open(p).read())\n"
                        + "    except OSError as e:\n"
                        + "        print(p, e)\n"),
                null)
            .verdict();

    assertEquals(VerdictStatus.PASSED, v.status(), v.toString());
    assertFalse(v.output().contains(secret), v.output());
    assertFalse(v.output().contains("LAIMARK_API_KEY"), v.output());
  }
}
