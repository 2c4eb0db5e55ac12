package org.laimark.actors.sandbox;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts worker processes from one dedicated thread that lives as long as the JVM.
 *
 * <p>Why: bubblewrap's {@code --die-with-parent} uses PR_SET_PDEATHSIG, which fires when the
 * <em>thread</em> that forked the process exits, not the JVM. Started from a pooled thread (Pekko's
 * blocking dispatcher retires idle threads after a minute), a healthy worker would be killed at
 * random. Starting is rare (~35 ms per worker), so one thread is plenty.
 */
final class ProcessLauncher {

  private static final ExecutorService THREAD =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "laimark-sandbox-launcher");
            t.setDaemon(true);
            return t;
          });

  private ProcessLauncher() {}

  static Process start(ProcessBuilder builder) throws IOException {
    try {
      return THREAD.submit(builder::start).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting a sandbox worker", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException io ? io : new IOException(cause);
    }
  }
}
