package org.laimark.actors.pipeline;

import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.laimark.actors.pipeline.dedup.DuplicateDetector;
import org.laimark.data.Problem;

/**
 * The study's duplicate test ({@link DuplicateDetector}) as a stage. A unique candidate is reserved
 * at once, so two near-identical candidates in flight together cannot both pass; {@link Release}
 * frees a reservation whose candidate was not accepted after all, and {@link Remember} adds
 * problems accepted earlier (on resume the bank replays its accepted problems). Only induction
 * problems take part.
 */
public final class Deduplicator extends AbstractBehavior<Deduplicator.Command> {

  public sealed interface Command {}

  public record CheckAndReserve(Problem candidate, ActorRef<DedupOutcome> replyTo)
      implements Command {}

  /** The candidate with this id was rejected later on: it no longer blocks others. */
  public record Release(String problemId) implements Command {}

  /** An accepted problem to compare later candidates with. */
  public record Remember(Problem accepted) implements Command {}

  public sealed interface DedupOutcome {
    Problem problem();
  }

  /** Not a duplicate; now reserved. */
  public record Unique(Problem problem) implements DedupOutcome {}

  /** Duplicates {@code of} (an accepted or reserved problem's id) for {@code reason}. */
  public record Duplicate(Problem problem, String of, String reason) implements DedupOutcome {}

  private final DuplicateDetector detector;

  public static Behavior<Command> create(DedupSettings settings) {
    return Behaviors.setup(context -> new Deduplicator(context, settings));
  }

  private Deduplicator(ActorContext<Command> context, DedupSettings settings) {
    super(context);
    this.detector = new DuplicateDetector(settings.ngram(), settings.jaccardThreshold());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(CheckAndReserve.class, this::onCheck)
        .onMessage(Release.class, this::onRelease)
        .onMessage(Remember.class, this::onRemember)
        .build();
  }

  private Behavior<Command> onCheck(CheckAndReserve check) {
    Optional<DuplicateDetector.Duplicate> dup = detector.check(check.candidate());
    if (dup.isPresent()) {
      check.replyTo().tell(new Duplicate(check.candidate(), dup.get().of(), dup.get().reason()));
    } else {
      detector.remember(check.candidate());
      check.replyTo().tell(new Unique(check.candidate()));
    }
    return this;
  }

  private Behavior<Command> onRelease(Release release) {
    detector.forget(release.problemId());
    return this;
  }

  private Behavior<Command> onRemember(Remember remember) {
    detector.remember(remember.accepted());
    return this;
  }
}
