package org.laimark.actors.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Test-side handles on worker servers: find the one running a job, kill or freeze it. */
final class WorkerProcesses {

  private WorkerProcesses() {}

  /** The index of the worker whose server has a child (a job) within {@code within}, if any. */
  static Optional<Integer> busyWorker(Map<Integer, Long> serverPids, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      for (Map.Entry<Integer, Long> e : serverPids.entrySet()) {
        boolean hasJob =
            ProcessHandle.of(e.getValue())
                .map(h -> h.children().findAny().isPresent())
                .orElse(false);
        if (hasJob) {
          return Optional.of(e.getKey());
        }
      }
      Thread.sleep(10);
    }
    return Optional.empty();
  }

  /** kill -9 of the Python server. */
  static void kill(long serverPid) {
    ProcessHandle.of(serverPid).ifPresent(ProcessHandle::destroyForcibly);
  }

  /** kill -STOP of the Python server: alive, but it will never answer. */
  static void freeze(long serverPid) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-STOP", Long.toString(serverPid)).inheritIO().start().waitFor();
  }
}
