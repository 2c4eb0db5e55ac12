package org.laimark.actors.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.pattern.StatusReply;
import org.laimark.actors.bank.BankEvent.ProblemAbandoned;
import org.laimark.actors.bank.BankEvent.ProblemProposed;
import org.laimark.data.Problem;

/**
 * The durable problem bank: every pipeline outcome is recorded here before the stream moves on, and GRPO
 * rounds draw their problems from here. Writes that arrive together share one journal record and one fsync
 * (group commit); a reply means the events are durable. Blocking file I/O: spawn it on the blocking
 * dispatcher. It does not survive a failing disk: an I/O error fails every waiting write and stops it.
 */
public final class CurriculumBank extends AbstractBehavior<CurriculumBank.Command> {

  public sealed interface Command {}

  /** Starts (or resumes) a session; problems left in flight by a dead process are abandoned on record. */
  public record OpenSession(
      String policyDescription, boolean simulated, String mode, long policyVersion,
      ActorRef<StatusReply<SessionOpened>> replyTo) implements Command {}

  public record SessionOpened(int session, List<String> abandoned, BankStatus status) {}

  /** Gives a new candidate its id and records it; the reply carries the problem with that id. */
  public record Propose(
      Problem problem, long policyVersion, String origin, ActorRef<StatusReply<Proposed>> replyTo)
      implements Command {}

  public record Proposed(String problemId, Problem problem) {}

  /** Records events durably (one record with whatever else arrived at the same time). */
  public record Record(List<BankEvent> events, ActorRef<StatusReply<Recorded>> replyTo) implements Command {}

  public record Recorded(long seq) {}

  /** Abandons every pending problem on record: the stream that carried them was restarted or stopped. */
  public record AbandonInFlight(ActorRef<StatusReply<Recorded>> replyTo) implements Command {}

  /**
   * Problems for a GRPO round: the active ones among {@code include} (the fresh arrivals), then up to
   * {@code pad} other active problems, least trained first.
   */
  public record SelectForRound(Set<String> include, int pad, ActorRef<RoundProblems> replyTo)
      implements Command {}

  public record RoundProblems(List<ProblemHistory> problems) {}

  /** Every problem ever accepted (active and retired), for seeding the deduplicator on resume. */
  public record GetBanked(ActorRef<Banked> replyTo) implements Command {}

  public record Banked(List<Problem> problems) {}

  public record GetStatus(ActorRef<BankStatus> replyTo) implements Command {}

  /** Ends the session on record, writes a snapshot, closes the files and stops. */
  public record CloseSession(String reason, ActorRef<Done> replyTo) implements Command {}

  private enum Flush implements Command { INSTANCE }

  private record Queued(List<BankEvent> events, Consumer<Long> onDurable, Consumer<String> onRefused) {}

  public static Behavior<Command> create(BankStore store) {
    return Behaviors.setup(context -> new CurriculumBank(context, store));
  }

  private final BankStore store;
  private final List<Queued> queue = new ArrayList<>();
  private int reservedIds;

  private CurriculumBank(ActorContext<Command> context, BankStore store) {
    super(context);
    this.store = store;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(OpenSession.class, this::onOpenSession)
        .onMessage(Propose.class, this::onPropose)
        .onMessage(Record.class, this::onRecord)
        .onMessage(AbandonInFlight.class, this::onAbandonInFlight)
        .onMessage(Flush.class, f -> onFlush())
        .onMessage(SelectForRound.class, this::onSelectForRound)
        .onMessage(GetBanked.class, this::onGetBanked)
        .onMessage(GetStatus.class, m -> reply(m.replyTo(), BankStatus.of(store.state())))
        .onMessage(CloseSession.class, this::onCloseSession)
        .build();
  }

  private Behavior<Command> onOpenSession(OpenSession m) {
    onFlush();
    BankState s = store.state();
    int session = s.session() + 1;
    List<String> abandoned = s.pending();
    List<BankEvent> events = new ArrayList<>();
    events.add(new BankEvent.SessionStarted(session, System.currentTimeMillis(), m.policyDescription(),
        m.simulated(), m.mode(), m.policyVersion()));
    abandoned.forEach(id -> events.add(new ProblemAbandoned(id, session)));
    try {
      store.append(events);
      m.replyTo().tell(StatusReply.success(new SessionOpened(session, abandoned, BankStatus.of(store.state()))));
    } catch (JournalInvariantViolation e) {
      m.replyTo().tell(StatusReply.error(e.getMessage()));
    }
    return this;
  }

  private Behavior<Command> onPropose(Propose m) {
    String id = String.format("p%06d", store.state().problemsProposed + ++reservedIds);
    Problem withId = m.problem().toBuilder().id(id).build();
    enqueue(List.of(new ProblemProposed(id, withId, m.policyVersion(), m.origin())),
        seq -> m.replyTo().tell(StatusReply.success(new Proposed(id, withId))),
        error -> m.replyTo().tell(StatusReply.error(error)));
    return this;
  }

  private Behavior<Command> onRecord(Record m) {
    enqueue(m.events(), seq -> m.replyTo().tell(StatusReply.success(new Recorded(seq))),
        error -> m.replyTo().tell(StatusReply.error(error)));
    return this;
  }

  private Behavior<Command> onAbandonInFlight(AbandonInFlight m) {
    onFlush();
    enqueue(abandonPending(), seq -> m.replyTo().tell(StatusReply.success(new Recorded(seq))),
        error -> m.replyTo().tell(StatusReply.error(error)));
    return this;
  }

  private List<BankEvent> abandonPending() {
    int session = store.state().session();
    return store.state().pending().stream()
        .map(id -> (BankEvent) new ProblemAbandoned(id, session)).collect(Collectors.toList());
  }

  private void enqueue(List<BankEvent> events, Consumer<Long> onDurable, Consumer<String> onRefused) {
    if (queue.isEmpty()) {
      // Everything already in the mailbox is handled before Flush: it joins this record.
      getContext().getSelf().tell(Flush.INSTANCE);
    }
    queue.add(new Queued(events, onDurable, onRefused));
  }

  private Behavior<Command> onFlush() {
    if (queue.isEmpty()) {
      return this;
    }
    List<Queued> batch = List.copyOf(queue);
    queue.clear();
    reservedIds = 0;
    List<BankEvent> all = batch.stream().flatMap(q -> q.events().stream()).collect(Collectors.toList());
    try {
      long seq = all.isEmpty() ? store.state().seq() : store.append(all).seq();
      batch.forEach(q -> q.onDurable().accept(seq));
    } catch (JournalInvariantViolation e) {
      // Someone sent an impossible event: write the others one by one so only its sender hears "no".
      for (Queued q : batch) {
        try {
          q.onDurable().accept(q.events().isEmpty() ? store.state().seq() : store.append(q.events()).seq());
        } catch (JournalInvariantViolation refused) {
          q.onRefused().accept(refused.getMessage());
        }
      }
    } catch (RuntimeException ioFailure) {
      batch.forEach(q -> q.onRefused().accept("journal write failed: " + ioFailure.getMessage()));
      throw ioFailure;
    }
    return this;
  }

  private Behavior<Command> onSelectForRound(SelectForRound m) {
    List<ProblemHistory> active = store.state().active();
    List<ProblemHistory> chosen = active.stream().filter(p -> m.include().contains(p.id()))
        .collect(Collectors.toList());
    active.stream()
        .filter(p -> !m.include().contains(p.id()))
        .sorted(Comparator.comparingInt((ProblemHistory p) -> p.trainedInRounds().size()))
        .limit(m.pad())
        .forEach(chosen::add);
    m.replyTo().tell(new RoundProblems(chosen));
    return this;
  }

  private Behavior<Command> onGetBanked(GetBanked m) {
    m.replyTo().tell(new Banked(
        store.state().banked().stream().map(ProblemHistory::problem).collect(Collectors.toList())));
    return this;
  }

  private Behavior<Command> onCloseSession(CloseSession m) {
    onFlush();
    if (!store.state().lastSessionEnded()) {
      // The stream has drained (or its drain timed out): whatever is still pending will not finish.
      List<BankEvent> events = new ArrayList<>(abandonPending());
      events.add(new BankEvent.SessionEnded(store.state().session(), m.reason()));
      store.append(events);
    }
    store.snapshot();
    store.close();
    m.replyTo().tell(Done.getInstance());
    return Behaviors.stopped();
  }

  private <T> Behavior<Command> reply(ActorRef<T> to, T message) {
    to.tell(message);
    return this;
  }
}
