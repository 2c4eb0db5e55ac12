package org.laimark.streams;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.laimark.actors.eval.EvalPrompts;
import org.laimark.actors.pipeline.HeldOutEvaluation;
import org.laimark.actors.pipeline.ModelAccess;
import org.laimark.actors.pipeline.HeldOutSampling;
import org.laimark.actors.pipeline.SandboxedPassAtOne;
import org.laimark.actors.pipeline.Verifier;
import org.laimark.actors.sandbox.Sandbox;
import org.laimark.config.EvalSettings;
import org.laimark.config.RunSettings;
import org.laimark.config.SimulatedSettings;
import org.laimark.data.Problem;
import org.laimark.model.policy.Policy;
import org.laimark.streams.simulated.SimulatedCosts;
import org.laimark.streams.simulated.SimulatedWorkload;

/**
 * What a run works with: the policy, the sandbox, the held-out evaluation and the contamination check,
 * chosen by {@code laimark.pipeline.run.policy}: {@code djl} opens the real model, sandbox pool and guard
 * ({@link DjlWorkload}); {@code simulated} says SIMULATED in its policy description, its benchmark name and
 * every progress line. {@link #close} releases what was opened (model memory, sandbox workers); call it
 * after the actors using them have stopped.
 */
public record Workload(
    Policy policy,
    Sandbox sandbox,
    Verifier.ContaminationCheck contamination,
    BiFunction<ActorRef<ModelAccess.Command>, Scheduler, HeldOutEvaluation> heldOut,
    AutoCloseable resources) implements AutoCloseable {

  public static Workload from(Config config) {
    RunSettings run = RunSettings.fromConfig(config);
    return run.simulated() ? simulated(config) : DjlWorkload.open(config);
  }

  @Override
  public void close() {
    try {
      resources.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the workload failed: " + e, e);
    }
  }

  private static Workload simulated(Config config) {
    SimulatedWorkload w = new SimulatedWorkload(SimulatedSettings.fromConfig(config), SimulatedCosts.fromConfig(config));
    Sandbox sandbox = w.sandbox();
    EvalSettings eval = EvalSettings.fromConfig(config);
    List<Problem> heldOut = w.heldOutProblems();
    HeldOutSampling sampling = HeldOutSampling.fromConfig(config);
    return new Workload(w.policy(), sandbox,
        // The simulated domain has no overlap with HumanEval/MBPP to guard against; said here, not hidden.
        Verifier.ContaminationCheck.NONE,
        (model, scheduler) -> new SandboxedPassAtOne("SIMULATED held-out (" + heldOut.size() + " domain problems) "
            + sampling.describe(), heldOut, new EvalPrompts(eval.prompt()), 256, sandbox, model, scheduler,
            Duration.ofMinutes(10), sampling),
        () -> { }); // nothing native or external to release
  }
}
