package org.laimark.actors.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 of a file, or of a directory (a model or adapter): every regular file under it, in path order,
 * hashed as its relative path, a NUL, its size and its bytes. A model's hash in {@code summary.json} then
 * changes exactly when some file of it does. Reads every byte: 91-128 MB/s measured on a loaded 2-core
 * machine, so a 16 GB checkpoint costs two to three minutes per run.
 */
public final class FileDigest {
  private FileDigest() {}

  public static String sha256(Path path) {
    MessageDigest digest = newDigest();
    try {
      if (Files.isDirectory(path)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
          String relative = path.relativize(file).toString().replace('\\', '/');
          digest.update((relative + "\0" + Files.size(file) + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
          update(digest, file);
        }
      } else {
        update(digest, path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot read to hash it: " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, Path file) throws IOException {
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
