package org.laimark.actors.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Python side of the sandbox (our own code, shipped under {@code sandbox/} on the classpath),
 * copied to a private host directory the workers bind read-only. World-readable so that job uids
 * can import it; owned by us, so nothing but us writes it. One per pool; deleted when the pool
 * stops.
 */
final class WorkerResources implements AutoCloseable {

  static final List<String> FILES =
      List.of(
          "worker.py",
          "server.py",
          "framing.py",
          "confinement.py",
          "supervision.py",
          "canonical.py",
          "child_prelude.py",
          "clock_shift.py",
          "job_runner.py",
          "expected_values.py",
          "test_splitter.py",
          "comparison.py",
          "run_job.py",
          "warm_up.py");

  private final Path root;

  private WorkerResources(Path root) {
    this.root = root;
  }

  static WorkerResources extract() {
    try {
      Path root = Files.createTempDirectory("laimark-sandbox-");
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path code = Files.createDirectory(root.resolve("python"));
      Files.setPosixFilePermissions(code, PosixFilePermissions.fromString("rwxr-xr-x"));
      for (String name : FILES) {
        try (InputStream in = WorkerResources.class.getResourceAsStream("/sandbox/" + name)) {
          if (in == null) {
            throw new IOException("resource sandbox/" + name + " is missing from the classpath");
          }
          Path target = code.resolve(name);
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
      return new WorkerResources(root);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot unpack the sandbox's Python code: " + e.getMessage(), e);
    }
  }

  /** Directory holding worker.py and its modules. */
  Path code() {
    return root.resolve("python");
  }

  /** Host directory for worker {@code index}'s job directories when running without bubblewrap. */
  Path unisolatedJobsDir(int index) {
    Path dir = root.resolve("jobs-" + index);
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: a leftover temp directory holds only our own code.
    }
  }
}
