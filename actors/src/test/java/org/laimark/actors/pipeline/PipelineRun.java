package org.laimark.actors.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.laimark.actors.eval.EvalPrompts;
import org.laimark.actors.pipeline.proposal.ProposalPlan;
import org.laimark.actors.pipeline.tasks.TaskDeriver;
import org.laimark.actors.pipeline.tasks.TaskMixQuota;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.actors.verify.ProblemVerifier;
import org.laimark.actors.verify.VerifierSettings;
import org.laimark.config.EvalSettings;
import org.laimark.config.TaskMixSettings;
import org.laimark.data.Problem;
import org.laimark.model.policy.Policy;

/**
 * TEST HELPER: drives the stage actors one stage after another (generate, verify, dedup, derive,
 * calibrate, train rounds, evaluate), asking each stage exactly as the stream does, and counts what
 * came through. Not the stream: a way to exercise every actor end to end in one test.
 */
final class PipelineRun {

  record Summary(
      int proposed,
      int verified,
      int unique,
      int calibrated,
      int kept,
      int rounds,
      long finalVersion,
      int evaluations,
      double lastPassAtOne) {}

  private static final Duration WAIT = Duration.ofMinutes(3);

  private final ActorTestKit testKit;
  private final PipelineStages.Stages stages;
  private final TaskMixSettings tasks = TestSettings.tasks();

  PipelineRun(ActorTestKit testKit, Policy policy, Sandbox sandbox, List<Problem> heldOut) {
    this.testKit = testKit;
    EvalPrompts prompts = new EvalPrompts(EvalSettings.fromConfig(TestSettings.config()).prompt());
    PipelineStages.Dependencies deps =
        new PipelineStages.Dependencies(
            policy,
            sandbox,
            new ProblemVerifier(sandbox, VerifierSettings.DEFAULTS),
            Verifier.ContaminationCheck.NONE,
            model ->
                new SandboxedPassAtOne(
                    "humaneval",
                    heldOut,
                    prompts,
                    512,
                    sandbox,
                    model,
                    testKit.system().scheduler(),
                    WAIT,
                    HeldOutSampling.GREEDY),
            TaskMixQuota.of(tasks),
            TestSettings.generator(),
            TestSettings.calibrator(),
            TestSettings.trainer(),
            tasks,
            DedupSettings.fromConfig(TestSettings.config()),
            TestSettings.modelAccess());
    ActorRef<PipelineStages.Command> parent = testKit.spawn(PipelineStages.create(deps));
    TestProbe<PipelineStages.Stages> probe = testKit.createTestProbe();
    parent.tell(new PipelineStages.GetStages(probe.getRef()));
    this.stages = probe.receiveMessage();
  }

  Summary runRounds(int proposals, int rounds) {
    ProposalPlan plan = new ProposalPlan(TestSettings.generator());
    List<Problem> proposed = new ArrayList<>();
    TestProbe<Generator.ProposalOutcome> generated = testKit.createTestProbe();
    for (int i = 0; i < proposals; i++) {
      stages.generator().tell(new Generator.Propose(plan.fresh(i), generated.getRef()));
    }
    for (Generator.ProposalOutcome o : generated.receiveSeveralMessages(proposals, WAIT)) {
      if (o instanceof Generator.Proposed) {
        proposed.add(((Generator.Proposed) o).problem());
      }
    }
    List<Problem> verified =
        ask(
            proposed,
            Verifier.VerifyOutcome.class,
            (p, ref) -> stages.verifier().tell(new Verifier.Verify(p, ref)),
            Verifier.Verified.class);
    List<Problem> unique =
        ask(
            verified,
            Deduplicator.DedupOutcome.class,
            (p, ref) -> stages.deduplicator().tell(new Deduplicator.CheckAndReserve(p, ref)),
            Deduplicator.Unique.class);
    List<Problem> all = new ArrayList<>(unique);
    unique.forEach(p -> all.addAll(new TaskDeriver(tasks.derivedPerProblem()).derive(p)));
    TestProbe<Calibrator.CalibrationOutcome> calibrated = testKit.createTestProbe();
    all.forEach(p -> stages.calibrator().tell(new Calibrator.Calibrate(p, calibrated.getRef())));
    Map<String, Trainer.RoundProblem> bank = new HashMap<>();
    int calibratedCount = 0;
    for (Calibrator.CalibrationOutcome o : calibrated.receiveSeveralMessages(all.size(), WAIT)) {
      if (o instanceof Calibrator.Calibrated) {
        Calibrator.Calibrated c = (Calibrator.Calibrated) o;
        calibratedCount++;
        if (c.kept()) {
          bank.put(
              c.problem().id(),
              new Trainer.RoundProblem(
                  c.problem().id(),
                  c.problem(),
                  new Trainer.Evidence(c.policyVersion(), c.passes(), c.samples())));
        }
      }
    }
    int kept = bank.size();
    long version = 0;
    int evaluations = 0;
    double passAtOne = Double.NaN;
    int done = 0;
    TestProbe<Trainer.RoundOutcome> trained = testKit.createTestProbe();
    TestProbe<Evaluator.EvaluationReply> evaluated = testKit.createTestProbe();
    for (int r = 1; r <= rounds && !bank.isEmpty(); r++) {
      stages
          .trainer()
          .tell(new Trainer.TrainRound(r, new ArrayList<>(bank.values()), trained.getRef()));
      Trainer.RoundOutcome outcome = trained.receiveMessage(WAIT);
      if (!(outcome instanceof Trainer.RoundTrained)) {
        throw new AssertionError("round " + r + ": " + outcome);
      }
      Trainer.RoundTrained t = (Trainer.RoundTrained) outcome;
      done++;
      version = t.newVersion();
      for (Trainer.ProblemResult result : t.results()) {
        if (result.retired()) {
          bank.remove(result.problemId());
        } else {
          Trainer.RoundProblem old = bank.get(result.problemId());
          bank.put(
              old.problemId(),
              new Trainer.RoundProblem(old.problemId(), old.problem(), result.estimate()));
        }
      }
      stages.evaluator().tell(new Evaluator.Evaluate(evaluated.getRef()));
      Evaluator.EvaluationReply reply = evaluated.receiveMessage(WAIT);
      if (reply instanceof Evaluator.EvaluationReport) {
        evaluations++;
        passAtOne = ((Evaluator.EvaluationReport) reply).score().passRate();
      } else {
        throw new AssertionError("evaluation after round " + r + ": " + reply);
      }
    }
    return new Summary(
        proposals,
        verified.size(),
        unique.size(),
        calibratedCount,
        kept,
        done,
        version,
        evaluations,
        passAtOne);
  }

  private <R> List<Problem> ask(
      List<Problem> problems,
      Class<R> replyType,
      java.util.function.BiConsumer<Problem, ActorRef<R>> tell,
      Class<? extends R> wanted) {
    TestProbe<R> probe = testKit.createTestProbe(replyType);
    problems.forEach(p -> tell.accept(p, probe.getRef()));
    List<Problem> out = new ArrayList<>();
    for (R reply : probe.receiveSeveralMessages(problems.size(), WAIT)) {
      if (wanted.isInstance(reply)) {
        out.add(problemOf(reply));
      }
    }
    return out;
  }

  private static Problem problemOf(Object reply) {
    if (reply instanceof Verifier.VerifyOutcome) {
      return ((Verifier.VerifyOutcome) reply).problem();
    }
    return ((Deduplicator.DedupOutcome) reply).problem();
  }
}
