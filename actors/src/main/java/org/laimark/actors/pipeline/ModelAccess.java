package org.laimark.actors.pipeline;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.GenerationRequest;
import org.laimark.model.policy.Policy;
import org.laimark.model.policy.RolloutGroup;
import org.laimark.model.policy.TrainingMetrics;

/**
 * Owns the policy. Sampling requests from every stage are pooled into shared batches (at most
 * {@code max-batch-size} sequences, a partial batch leaves after {@code max-wait}); training steps,
 * checkpoint saves and restores run one at a time between batches. Every blocking policy call runs
 * on a dedicated one-thread dispatcher, so this actor keeps answering while the model works.
 *
 * <p>A waiting training step goes before new sampling, but only after the request being served is
 * finished: every {@link Generated} reply comes from one policy version. Policy failures are
 * replies ({@link GenerationFailed}, {@link TrainingFailed}); the parent supervises crashes of this
 * actor, and the policy (owned from here on) is closed when it stops. A restart keeps the policy and
 * its published version number ({@link PublishedVersionOffset}).
 */
public final class ModelAccess extends AbstractBehavior<ModelAccess.Command> {

  public sealed interface Command {}

  /** Sample one completion per request, in order. */
  public record Generate(List<GenerationRequest> requests, ActorRef<GenerateReply> replyTo)
      implements Command {
    public Generate {
      requests = List.copyOf(requests);
    }
  }

  public sealed interface GenerateReply {}

  /** All completions of one {@link Generate}, all sampled from {@code policyVersion}. */
  public record Generated(List<Completion> completions, long policyVersion)
      implements GenerateReply {}

  public record GenerationFailed(String reason) implements GenerateReply {}

  /** One optimisation step on rewarded groups. */
  public record Train(List<RolloutGroup> groups, ActorRef<TrainReply> replyTo) implements Command {}

  /** One supervised step on the groups' demonstrations ({@link Policy#imitate}). */
  public record Imitate(List<RolloutGroup> groups, ActorRef<TrainReply> replyTo) implements Command {}

  public sealed interface TrainReply {}

  public record Trained(TrainingMetrics metrics, long policyVersion) implements TrainReply {}

  public record TrainingFailed(String reason) implements TrainReply {}

  /** Write the policy's trainable state (adapter, optimizer, step) to {@code directory}. */
  public record SaveCheckpoint(Path directory, ActorRef<CheckpointReply> replyTo)
      implements Command {}

  /** Load what {@link SaveCheckpoint} wrote (resume, or rollback to a better version). */
  public record RestoreCheckpoint(Path directory, ActorRef<CheckpointReply> replyTo)
      implements Command {}

  /**
   * Roll back: load the weights {@link SaveCheckpoint} wrote to {@code directory} and publish them as
   * a new version (the current version + 1), so versions stay monotone while the weights equal the
   * saved ones. Replies {@link CheckpointRestored} with the new version.
   */
  public record RollBack(Path directory, ActorRef<CheckpointReply> replyTo) implements Command {}

  public sealed interface CheckpointReply {}

  public record CheckpointSaved(Path directory, long policyVersion) implements CheckpointReply {}

  public record CheckpointRestored(Path directory, long policyVersion) implements CheckpointReply {}

  public record CheckpointFailed(Path directory, String reason) implements CheckpointReply {}

  public record GetPolicyInfo(ActorRef<PolicyInfo> replyTo) implements Command {}

  public record PolicyInfo(long version, String description, boolean simulated) {}

  /** Tell {@code subscriber} every new policy version (after a training step or a restore). */
  public record SubscribeVersions(ActorRef<PolicyVersion> subscriber) implements Command {}

  public record PolicyVersion(long version) {}

  private record BatchDone(
      List<SamplingQueue.Part> batch, List<Completion> completions, Throwable error)
      implements Command {}

  private record ExclusiveDone(Command job, Object result, Throwable error) implements Command {}

  private record SubscriberGone(ActorRef<PolicyVersion> subscriber) implements Command {}

  private enum Flush implements Command {
    INSTANCE
  }

  private final Policy policy;
  private final PublishedVersionOffset offset;
  private final ModelAccessSettings settings;
  private final TimerScheduler<Command> timers;
  private final Executor blocking;
  private final SamplingQueue sampling = new SamplingQueue();
  private final Deque<Command> exclusive = new ArrayDeque<>();
  private final List<ActorRef<PolicyVersion>> subscribers = new ArrayList<>();
  private final boolean simulated;
  private String description;
  private boolean busy;
  private boolean flushDue;
  private long version;

  /**
   * The offset between the policy's counter and the published version is made here, beside the
   * policy, so an actor restarted by its supervisor (this behavior set up again) keeps both.
   */
  public static Behavior<Command> create(Policy policy, ModelAccessSettings settings) {
    PublishedVersionOffset offset = new PublishedVersionOffset();
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers -> new ModelAccess(context, timers, policy, offset, settings)));
  }

  private ModelAccess(
      ActorContext<Command> context,
      TimerScheduler<Command> timers,
      Policy policy,
      PublishedVersionOffset offset,
      ModelAccessSettings settings) {
    super(context);
    this.policy = policy;
    this.offset = offset;
    this.settings = settings;
    this.timers = timers;
    this.blocking =
        context
            .getSystem()
            .dispatchers()
            .lookup(DispatcherSelector.fromConfig(settings.dispatcher()));
    // Read while no call runs; the policy is not thread-safe.
    this.version = offset.published(policy.version());
    this.description = policy.description();
    this.simulated = policy.simulated();
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Generate.class, this::onGenerate)
        .onMessage(Train.class, this::onExclusive)
        .onMessage(Imitate.class, this::onExclusive)
        .onMessage(SaveCheckpoint.class, this::onExclusive)
        .onMessage(RestoreCheckpoint.class, this::onExclusive)
        .onMessage(RollBack.class, this::onExclusive)
        .onMessage(GetPolicyInfo.class, this::onGetPolicyInfo)
        .onMessage(SubscribeVersions.class, this::onSubscribe)
        .onMessage(SubscriberGone.class, this::onSubscriberGone)
        .onMessageEquals(Flush.INSTANCE, this::onFlush)
        .onMessage(BatchDone.class, this::onBatchDone)
        .onMessage(ExclusiveDone.class, this::onExclusiveDone)
        .onSignal(PostStop.class, signal -> onPostStop())
        .build();
  }

  private Behavior<Command> onGenerate(Generate g) {
    if (g.requests().isEmpty()) {
      g.replyTo().tell(new Generated(List.of(), version));
      return this;
    }
    sampling.add(g);
    dispatch();
    return this;
  }

  private Behavior<Command> onExclusive(Command job) {
    exclusive.addLast(job);
    dispatch();
    return this;
  }

  private Behavior<Command> onGetPolicyInfo(GetPolicyInfo q) {
    q.replyTo().tell(new PolicyInfo(version, description, simulated));
    return this;
  }

  private Behavior<Command> onSubscribe(SubscribeVersions s) {
    subscribers.add(s.subscriber());
    getContext().watchWith(s.subscriber(), new SubscriberGone(s.subscriber()));
    s.subscriber().tell(new PolicyVersion(version));
    return this;
  }

  private Behavior<Command> onSubscriberGone(SubscriberGone gone) {
    subscribers.remove(gone.subscriber());
    return this;
  }

  private Behavior<Command> onFlush() {
    flushDue = true;
    dispatch();
    return this;
  }

  private Behavior<Command> onBatchDone(BatchDone done) {
    busy = false;
    Throwable error =
        done.error() != null
            ? ExclusiveReplies.cause(done.error())
            : done.completions().size() != done.batch().size()
                ? new IllegalStateException(
                    "policy returned "
                        + done.completions().size()
                        + " completions for "
                        + done.batch().size()
                        + " requests")
                : null;
    if (error != null) {
      String reason = "policy generate failed: " + error;
      getContext().getLog().warn(reason);
      sampling
          .fail(done.batch())
          .forEach(p -> p.command.replyTo().tell(new GenerationFailed(reason)));
    } else {
      for (SamplingQueue.Pending p : sampling.complete(done.batch(), done.completions())) {
        p.command.replyTo().tell(new Generated(List.copyOf(p.completions()), version));
      }
    }
    // Whatever queued while the policy was busy has waited long enough: serve it now.
    flushDue = sampling.waiting() > 0;
    dispatch();
    return this;
  }

  private Behavior<Command> onExclusiveDone(ExclusiveDone done) {
    busy = false;
    long before = version;
    if (done.error() == null && done.job() instanceof RollBack) {
      offset.rolledBack(before, policy.version());
    } else if (done.error() == null && done.job() instanceof RestoreCheckpoint) {
      offset.restored((Long) done.result(), policy.version());
    }
    version = offset.published(policy.version());
    description = policy.description();
    ExclusiveReplies.reply(done.job(), done.result(), done.error(), version, getContext().getLog());
    if (version != before) {
      subscribers.forEach(s -> s.tell(new PolicyVersion(version)));
    }
    dispatch();
    return this;
  }

  private Behavior<Command> onPostStop() {
    // Closed on the policy's own thread, after any call still running there.
    blocking.execute(policy::close);
    return this;
  }

  /**
   * Starts the next policy call when idle: finish the partly served request, then exclusive work.
   */
  private void dispatch() {
    if (busy) {
      return;
    }
    if (sampling.hasPartlyServed()) {
      runBatch(sampling.takeBatch(settings.maxBatchSize(), !exclusive.isEmpty()));
    } else if (!exclusive.isEmpty()) {
      runExclusive(exclusive.pollFirst());
    } else if (sampling.waiting() >= settings.maxBatchSize()
        || (flushDue && sampling.waiting() > 0)) {
      runBatch(sampling.takeBatch(settings.maxBatchSize(), false));
    } else if (sampling.waiting() > 0 && !timers.isTimerActive(Flush.INSTANCE)) {
      timers.startSingleTimer(Flush.INSTANCE, settings.maxWait());
    }
  }

  private void runBatch(List<SamplingQueue.Part> batch) {
    busy = true;
    flushDue = false;
    timers.cancel(Flush.INSTANCE);
    List<GenerationRequest> requests = batch.stream().map(SamplingQueue.Part::request).toList();
    getContext()
        .pipeToSelf(
            CompletableFuture.supplyAsync(() -> policy.generate(requests), blocking),
            (completions, error) -> new BatchDone(batch, completions, error));
  }

  private void runExclusive(Command job) {
    busy = true;
    Supplier<Object> call = ExclusiveReplies.call(job, policy, version);
    getContext()
        .pipeToSelf(
            CompletableFuture.supplyAsync(call, blocking),
            (result, error) -> new ExclusiveDone(job, result, error));
  }
}
