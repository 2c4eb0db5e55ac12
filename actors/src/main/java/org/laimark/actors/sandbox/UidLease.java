package org.laimark.actors.sandbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A block of job uids reserved on this host for one pool (one lock file per uid, held with {@code
 * flock} for as long as the pool runs; the kernel drops it when the JVM dies). Two pools sharing a
 * uid would share its RLIMIT_NPROC budget, so a fork bomb in one would starve the other; blocks are
 * tried from {@code laimark.sandbox.pool.first-uid} upwards until one is free.
 */
final class UidLease implements AutoCloseable {

  private static final Path DIR =
      Path.of(System.getProperty("java.io.tmpdir"), "laimark-sandbox-uids");
  private static final int BLOCKS_TRIED = 64;

  private final int firstUid;
  private final List<FileLock> locks;

  private UidLease(int firstUid, List<FileLock> locks) {
    this.firstUid = firstUid;
    this.locks = locks;
  }

  /** The first free block of {@code count} consecutive uids at or after {@code from}. */
  static UidLease acquire(int from, int count) {
    try {
      Files.createDirectories(DIR);
      for (int block = 0; block < BLOCKS_TRIED; block++) {
        int start = from + block * count;
        List<FileLock> held = new ArrayList<>();
        for (int uid = start; uid < start + count; uid++) {
          FileLock lock = tryLock(DIR.resolve("uid-" + uid + ".lock"));
          if (lock == null) {
            break;
          }
          held.add(lock);
        }
        if (held.size() == count) {
          return new UidLease(start, held);
        }
        release(held);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot reserve job uids under " + DIR + ": " + e.getMessage(), e);
    }
    throw new IllegalStateException(
        "no block of "
            + count
            + " free job uids from "
            + from
            + " ("
            + BLOCKS_TRIED
            + " blocks tried; other sandbox pools hold them)");
  }

  private static FileLock tryLock(Path file) throws IOException {
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
      }
      return lock;
    } catch (OverlappingFileLockException heldByThisJvm) {
      channel.close();
      return null;
    }
  }

  int firstUid() {
    return firstUid;
  }

  @Override
  public void close() {
    release(locks);
  }

  private static void release(List<FileLock> locks) {
    for (FileLock lock : locks) {
      try {
        lock.channel().close();
      } catch (IOException e) {
        // Closing drops the lock; nothing else to do.
      }
    }
  }
}
