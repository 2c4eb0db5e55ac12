package org.laimark.actors.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.SandboxSettings;

/** Sandbox settings for tests: the defaults with a few keys overridden (HOCON stays the source). */
final class TestSettings {

  private TestSettings() {}

  /**
   * Defaults with {@code overrides} (keys relative to laimark.sandbox), e.g. "limits.wall" -> "3s".
   */
  static SandboxSettings with(Map<String, Object> overrides) {
    Map<String, Object> full = new HashMap<>();
    overrides.forEach((k, v) -> full.put("laimark.sandbox." + k, v));
    return SandboxSettings.fromConfig(LaimarkConfig.load(null, full));
  }

  /** Host pids of processes whose real uid is one of a pool's job uids. */
  static List<Long> processesOfJobUids(SandboxPool.Status pool) {
    int first = pool.firstUid();
    int last = first + pool.workers() - 1;
    List<Long> found = new ArrayList<>();
    ProcessHandle.allProcesses()
        .forEach(
            p -> {
              try {
                for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                  if (line.startsWith("Uid:")) {
                    int uid = Integer.parseInt(line.split("\\s+")[1]);
                    if (uid >= first && uid <= last) {
                      found.add(p.pid());
                    }
                    break;
                  }
                }
              } catch (Exception e) {
                // The process ended while we looked.
              }
            });
    return found;
  }
}
