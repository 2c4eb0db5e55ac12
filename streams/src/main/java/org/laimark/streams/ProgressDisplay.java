package org.laimark.streams;

import java.time.Duration;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.laimark.actors.bank.BankStatus;
import org.laimark.actors.bank.CurriculumBank;
import org.laimark.config.RunSettings;

/**
 * The live progress display: every {@code progress-interval} the bank's counts as one line, rewritten in
 * place on a terminal ({@code bar}) or printed as a new line ({@code lines}, for logs); {@code auto}
 * chooses by whether stdout is a terminal.
 */
final class ProgressDisplay {

  private final Cancellable tick;
  private final boolean inPlace;
  private final boolean simulated;
  private final ActorSystem<Void> system;

  private ProgressDisplay(ActorSystem<Void> system, Cancellable tick, boolean inPlace, boolean simulated) {
    this.system = system;
    this.tick = tick;
    this.inPlace = inPlace;
    this.simulated = simulated;
  }

  static ProgressDisplay start(ActorSystem<Void> system, ActorRef<CurriculumBank.Command> bank,
      RunSettings settings, boolean simulated) {
    boolean inPlace = settings.progress().equals("bar")
        || (settings.progress().equals("auto") && System.console() != null);
    if (settings.progress().equals("off")) {
      return new ProgressDisplay(system, Cancellable.alreadyCancelled(), false, simulated);
    }
    Duration every = settings.progressInterval();
    Cancellable tick = system.scheduler().scheduleAtFixedRate(every, every, () ->
        AskPattern.ask(bank, CurriculumBank.GetStatus::new, every, system.scheduler())
            .thenAccept(s -> print(s, inPlace, simulated)), system.executionContext());
    return new ProgressDisplay(system, tick, inPlace, simulated);
  }

  private static void print(BankStatus s, boolean inPlace, boolean simulated) {
    String line = ProgressLine.of(s, simulated);
    if (inPlace) {
      System.out.print("\r\033[2K" + line);
      System.out.flush();
    } else {
      System.out.println(line);
    }
  }

  void stop() {
    tick.cancel();
  }

  /** Ends the in-place line and prints the closing summary. */
  void printFinal(BankStatus status) {
    if (inPlace) {
      System.out.println();
    }
    System.out.println(ProgressLine.of(status, simulated));
  }
}
