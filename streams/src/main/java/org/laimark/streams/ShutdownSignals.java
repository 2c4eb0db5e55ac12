package org.laimark.streams;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT (Ctrl-C) into one call of a graceful-stop action instead of the JVM's immediate
 * exit, so the run can drain, checkpoint and exit 0. A second signal while draining exits at once (the
 * journal makes that safe: in-flight work is abandoned on the next resume). Uses {@code sun.misc.Signal}
 * (module jdk.unsupported, present on JDK 17 and 25): the standard API can only add shutdown hooks, which
 * run after the exit has begun.
 */
public final class ShutdownSignals {

  private static final Logger log = LoggerFactory.getLogger(ShutdownSignals.class);

  private ShutdownSignals() {}

  public static void onStop(Runnable gracefulStop) {
    AtomicBoolean stopping = new AtomicBoolean();
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(new Signal(name), signal -> {
        if (stopping.compareAndSet(false, true)) {
          log.info("SIG{} received: draining in-flight work, then checkpointing (signal again to exit now)", name);
          new Thread(gracefulStop, "laimark-graceful-stop").start();
        } else {
          log.warn("second SIG{}: exiting without draining; the next resume abandons in-flight work", name);
          Runtime.getRuntime().halt(130);
        }
      });
    }
  }
}
