package org.laimark.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.laimark.actors.bank.RunDirectory;

/**
 * Policy checkpoints made durable before their version is published: the policy saves into a staging
 * directory, every file and the directory are fsynced, and the directory is renamed to
 * {@code checkpoints/vNNNNNN}. A staging or orphaned directory left by a crash (saved, never published) is
 * replaced when that version is saved again.
 */
final class Checkpoints {

  private final RunDirectory run;

  Checkpoints(RunDirectory run) {
    this.run = run;
  }

  Path staging(long version) {
    Path dir = run.checkpoints().resolve(String.format(".staging-v%06d", version));
    try {
      deleteTree(dir);
      Files.createDirectories(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot prepare the checkpoint: " + e.getMessage(), e);
    }
  }

  /** Fsyncs the staged files and renames the directory into place; returns its path relative to the run. */
  String commit(Path staging, long version) {
    String name = RunDirectory.checkpointName(version);
    Path target = run.root().resolve(name);
    try (Stream<Path> files = Files.walk(staging)) {
      for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
        RunDirectory.fsyncFile(f);
      }
      RunDirectory.fsyncDirectory(staging);
      deleteTree(target);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      RunDirectory.fsyncDirectory(run.checkpoints());
      return name;
    } catch (IOException e) {
      throw new UncheckedIOException(target + ": cannot commit the checkpoint: " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      List<Path> paths = all.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
      for (Path p : paths) {
        Files.delete(p);
      }
    }
  }
}
