package org.laimark.actors.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.laimark.config.SandboxSettings;

class WorkerCommandLineTest {

  private final WorkerResources resources = WorkerResources.extract();

  @AfterEach
  void cleanUp() {
    resources.close();
  }

  @Test
  void bubblewrapIsolatesEverythingTheNotesMeasured() throws Exception {
    SandboxSettings s = TestSettings.with(Map.of());

    List<String> argv = WorkerCommandLine.of(s, 2, 60003, resources);

    assertEquals("/usr/bin/bwrap", argv.get(0));
    for (String flag :
        List.of(
            "--unshare-net",
            "--unshare-pid",
            "--unshare-ipc",
            "--unshare-uts",
            "--unshare-cgroup",
            "--die-with-parent",
            "--new-session",
            "--clearenv")) {
      assertTrue(argv.contains(flag), flag);
    }
    assertEquals("ALL", argv.get(argv.indexOf("--cap-drop") + 1));
    assertFalse(argv.contains("CAP_SYS_ADMIN"));
    assertEquals(Long.toString(s.limits().tmpfsBytes()), argv.get(argv.indexOf("--size") + 1));
    assertEquals(
        List.of("/usr/bin/python3.11", "-B", "-S", "-s", "-P", "/sandbox/worker.py"),
        argv.subList(argv.size() - 7, argv.size() - 1));
    JsonNode config = WorkerProcess.JSON.readTree(argv.get(argv.size() - 1));
    assertEquals(60003, config.path("uid").asInt());
    assertTrue(config.path("drop_privileges").asBoolean());
  }

  @Test
  void unisolatedWorkersRunTheBareInterpreter() {
    SandboxSettings s = TestSettings.with(Map.of("isolation", "none"));

    List<String> argv = WorkerCommandLine.of(s, 0, 60001, resources);

    assertEquals("/usr/bin/python3.11", argv.get(0));
    assertFalse(argv.contains("--unshare-net"));
  }
}
