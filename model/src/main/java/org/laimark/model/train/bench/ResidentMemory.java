package org.laimark.model.train.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident set size from {@code /proc/self/status} (Linux): it includes libtorch's native
 * allocations, which the JVM heap figures do not, so a leak of NDArrays shows here.
 */
public final class ResidentMemory {

  private ResidentMemory() {}

  /** VmRSS in MiB, or -1 where /proc is not available. */
  public static double mebibytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          String kb = line.substring(6).trim().split("\\s+")[0];
          return Long.parseLong(kb) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
