package org.laimark.actors.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.laimark.config.InvalidSettingException;
import org.laimark.config.SandboxSettings;
import org.laimark.config.SandboxSettings.Isolation;

/**
 * Refuses to run model code when the configured isolation cannot be had, with a message that says
 * what to install or which key to change. There is no silent fallback to an unisolated mode.
 */
public final class SandboxPreflight {

  private SandboxPreflight() {}

  /**
   * @throws InvalidSettingException naming the key and the fix
   */
  public static void check(SandboxSettings s) {
    if (!Files.isExecutable(s.python())) {
      throw new InvalidSettingException(
          "laimark.sandbox.python: "
              + s.python()
              + " is not an executable file; install the Debian package python3.11-minimal or point"
              + " the key at a real CPython 3.11 binary");
    }
    if (s.isolation() == Isolation.BUBBLEWRAP) {
      if (!Files.isExecutable(s.bubblewrap())) {
        throw new InvalidSettingException(
            "laimark.sandbox.isolation = bubblewrap, but "
                + s.bubblewrap()
                + " is missing: install the Debian package `bubblewrap` (apt-get install"
                + " bubblewrap), or set laimark.sandbox.isolation = none to run model code"
                + " UNISOLATED");
      }
      if (!isRoot()) {
        throw new InvalidSettingException(
            "laimark.sandbox.isolation = bubblewrap needs root: each worker drops its jobs to a uid"
                + " of their own (laimark.sandbox.pool.first-uid); run as root, or set"
                + " laimark.sandbox.isolation = none to run model code UNISOLATED");
      }
    }
    if (s.seccomp() && !hasSeccompModule(s.seccompModuleDir())) {
      throw new InvalidSettingException(
          "laimark.sandbox.seccomp = on, but python3-seccomp is not in "
              + s.seccompModuleDir()
              + ": install the Debian package `python3-seccomp`, or set"
              + " laimark.sandbox.seccomp = off");
    }
  }

  static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  private static boolean hasSeccompModule(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith("seccomp"));
    } catch (IOException e) {
      return false;
    }
  }
}
