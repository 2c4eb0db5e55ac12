package org.laimark.streams;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.laimark.actors.bank.BankEvent;
import org.laimark.actors.bank.BankState;
import org.laimark.actors.bank.CurriculumBank;
import org.laimark.actors.bank.ProblemHistory;
import org.laimark.actors.pipeline.DedupSettings;
import org.laimark.actors.pipeline.Deduplicator;
import org.laimark.actors.pipeline.Evaluator;
import org.laimark.actors.pipeline.ModelAccess;
import org.laimark.actors.pipeline.ModelAccessSettings;
import org.laimark.actors.pipeline.PipelineStages;
import org.laimark.actors.pipeline.proposal.ProposalPlan;
import org.laimark.actors.pipeline.tasks.TaskDeriver;
import org.laimark.actors.pipeline.tasks.TaskMixQuota;
import org.laimark.actors.verify.ProblemVerifier;
import org.laimark.actors.verify.VerifierSettings;
import org.laimark.config.CalibratorSettings;
import org.laimark.config.GeneratorSettings;
import org.laimark.config.RunSettings;
import org.laimark.config.ScheduleSettings;
import org.laimark.config.StreamSettings;
import org.laimark.config.TaskMixSettings;
import org.laimark.config.TrainerSettings;
import org.laimark.data.TaskType;

/**
 * One process's share of a run, opened: the stage actors spawned (supervision is declared in
 * {@link PipelineStages}), the policy restored from the last published checkpoint, the session started on
 * record, and every piece of in-memory state rebuilt from the bank (dedup memory, trained task mix, best
 * evaluation), so a resumed run continues where the journal says it was.
 */
public record Session(
    ActorRef<CurriculumBank.Command> bank, PipelineStages.Stages stages, CurriculumBank.SessionOpened opened,
    boolean simulated, PipelineWiring wiring, ScheduleSettings schedule) {

  private static final Duration SETUP = Duration.ofMinutes(10);

  static Session open(ActorSystem<Void> system, RunConfiguration rc, Workload workload, BankState recovered,
      ActorRef<CurriculumBank.Command> bank) {
    Config config = rc.config();
    TaskMixSettings tasks = TaskMixSettings.fromConfig(config);
    CalibratorSettings calibrator = CalibratorSettings.fromConfig(config);
    TaskMixQuota quota = new TaskMixQuota(tasks.shares(), tasks.maxShares(), trainedMix(recovered));
    PipelineStages.Dependencies deps = new PipelineStages.Dependencies(
        workload.policy(), workload.sandbox(), new ProblemVerifier(workload.sandbox(), VerifierSettings.DEFAULTS),
        workload.contamination(), model -> workload.heldOut().apply(model, system.scheduler()), quota,
        GeneratorSettings.fromConfig(config), calibrator, TrainerSettings.fromConfig(config), tasks,
        DedupSettings.fromConfig(config), ModelAccessSettings.fromConfig(config));
    ActorRef<PipelineStages.Command> parent = system.systemActorOf(PipelineStages.create(deps), "pipeline", Props.empty());
    PipelineStages.Stages stages = await(AskPattern.ask(parent, PipelineStages.GetStages::new, SETUP, system.scheduler()));

    RunSettings run = RunSettings.fromConfig(config);
    if (recovered.latestCheckpoint() != null) {
      restore(system, stages, rc.run().root().resolve(recovered.latestCheckpoint()), recovered.latestVersion());
    } else if (recovered.session() == 0 && !run.initialCheckpoint().isEmpty()) {
      restore(system, stages, java.nio.file.Path.of(run.initialCheckpoint()), -1); // iteration: start from it
    }
    ModelAccess.PolicyInfo policy = await(AskPattern.ask(stages.modelAccess(), ModelAccess.GetPolicyInfo::new, SETUP, system.scheduler()));
    CurriculumBank.SessionOpened opened = await(AskPattern.<CurriculumBank.Command, CurriculumBank.SessionOpened>askWithStatus(bank,
        r -> new CurriculumBank.OpenSession(policy.description(), policy.simulated(), run.mode(), policy.version(), r),
        SETUP, system.scheduler()));
    rc.recordSession(opened.session());

    recovered.banked().forEach(p -> stages.deduplicator().tell(new Deduplicator.Remember(p.problem())));
    recovered.evaluations().stream()
        .filter(BankEvent.EvaluationRecorded::best).reduce((a, b) -> b)
        .ifPresent(e -> stages.evaluator().tell(new Evaluator.RestoreBest(e.policyVersion(), (double) e.passed() / e.total())));

    StreamSettings stream = StreamSettings.fromConfig(config);
    ScheduleSettings schedule = ScheduleSettings.fromConfig(config);
    GeneratorSettings generator = GeneratorSettings.fromConfig(config);
    ProblemStages.StageContext ctx = new ProblemStages.StageContext(stream, calibrator, system.scheduler(),
        id -> stages.deduplicator().tell(new Deduplicator.Release(id)), new PublishedVersions(policy.version()));
    PipelineWiring wiring = new PipelineWiring(stages, bank, new ProblemStages(ctx),
        new TrainingStages(ctx, schedule, rc.run(), recovered.lastRound()),
        new ProposalPlan(generator, harderVariantShare(config)),
        new TaskDeriver(derived(tasks)), stream, ctx, CuratedProblems.of(run, generator.seed()));
    return new Session(bank, stages, opened, policy.simulated(), wiring, schedule);
  }

  /** Restores a checkpoint into the model; {@code expected} is the version it must hold, or -1 for any. */
  private static void restore(ActorSystem<Void> system, PipelineStages.Stages stages, java.nio.file.Path dir, long expected) {
    ModelAccess.CheckpointReply restored = await(AskPattern.ask(stages.modelAccess(),
        r -> new ModelAccess.RestoreCheckpoint(dir, r), SETUP, system.scheduler()));
    if (!(restored instanceof ModelAccess.CheckpointRestored ok) || (expected >= 0 && ok.policyVersion() != expected)) {
      throw new IllegalStateException(dir + ": cannot restore policy version " + expected + ": " + restored);
    }
  }

  /** {@code laimark.pipeline.generator.harder-variant-share}: read here, beside the generator's settings. */
  private static double harderVariantShare(Config config) {
    return new org.laimark.config.SettingsBlock(config, "laimark.pipeline.generator").fraction("harder-variant-share");
  }

  /** Derived tasks are made only when the mix gives deduction or abduction a share. */
  private static int derived(TaskMixSettings tasks) {
    boolean wanted = tasks.shares().getOrDefault(TaskType.DEDUCTION, 0.0) > 0
        || tasks.shares().getOrDefault(TaskType.ABDUCTION, 0.0) > 0;
    return wanted ? tasks.derivedPerProblem() : 0;
  }

  /** How many times each task type was trained, from the bank (restores the quota's counts). */
  static Map<TaskType, Long> trainedMix(BankState state) {
    Map<TaskType, Long> mix = new EnumMap<>(TaskType.class);
    for (ProblemHistory p : state.banked()) {
      mix.merge(p.problem().taskType(), (long) p.trainedInRounds().size(), Long::sum);
    }
    return mix;
  }

  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(SETUP.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(PipelineDaemon.rootMessage(e), e);
    } catch (Exception e) {
      throw new IllegalStateException("setting up the session failed: " + e, e);
    }
  }
}
