package org.laimark.actors.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The files of one run: {@code journal.log} (the truth), {@code snapshots/} (a cache of the bank),
 * {@code checkpoints/vNNNNNN/} (policy adapter and optimizer state per published version) and
 * {@code config.conf} (the resolved configuration the run was started with).
 */
public record RunDirectory(Path root) {

  public Path journal() {
    return root.resolve("journal.log");
  }

  public Path snapshots() {
    return root.resolve("snapshots");
  }

  public Path checkpoints() {
    return root.resolve("checkpoints");
  }

  public Path resolvedConfig() {
    return root.resolve("config.conf");
  }

  public Path lockFile() {
    return root.resolve("run.lock");
  }

  /** The checkpoint directory name of a version, relative to the root. */
  public static String checkpointName(long version) {
    return String.format("checkpoints/v%06d", version);
  }

  public boolean exists() {
    return Files.isRegularFile(journal());
  }

  /** Makes {@code path}'s directory entry durable (after a create or rename inside it). */
  public static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot fsync the directory: " + e.getMessage(), e);
    }
  }

  /** Makes a written file's contents durable. */
  public static void fsyncFile(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot fsync: " + e.getMessage(), e);
    }
  }
}
