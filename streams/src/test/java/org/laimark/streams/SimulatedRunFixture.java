package org.laimark.streams;

import java.nio.file.Path;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.laimark.actors.bank.BankStore;
import org.laimark.actors.bank.CurriculumBank;
import org.laimark.actors.pipeline.PipelineStages;
import org.laimark.actors.pipeline.Trainer;

/** A SIMULATED run's session opened inside a test: actor system, bank, stage actors, wiring. */
final class SimulatedRunFixture implements AutoCloseable {

  final RunConfiguration run;
  final ActorSystem<Void> system;
  final ActorRef<CurriculumBank.Command> bank;
  final Session session;

  SimulatedRunFixture(Path runDir, Map<String, ?> overrides) {
    run = RunConfiguration.create(simulatedConf(), runDir, overrides);
    BankStore store = BankStore.open(run.run(), 100, true);
    var recovered = store.state();
    system = ActorSystem.create(Behaviors.empty(), "test", run.config());
    bank = system.systemActorOf(CurriculumBank.create(store), "bank", DispatcherSelector.blocking());
    session = Session.open(system, run, Workload.from(run.config()), recovered, bank);
  }

  /** This session's wiring with the trainer replaced (by a test probe, say). */
  PipelineWiring wiringWithTrainer(ActorRef<Trainer.Command> trainer) {
    PipelineWiring w = session.wiring();
    PipelineStages.Stages s = w.stages();
    PipelineStages.Stages replaced = new PipelineStages.Stages(s.modelAccess(), s.generator(), s.verifier(),
        s.deduplicator(), s.calibrator(), trainer, s.evaluator());
    return new PipelineWiring(replaced, w.bank(), w.problemStages(), w.trainingStages(), w.plan(), w.deriver(),
        w.stream(), w.context(), null);
  }

  static Path simulatedConf() {
    return Path.of(System.getProperty("laimark.root", "..")).resolve("config/experiments/simulated.conf");
  }

  @Override
  public void close() {
    system.terminate();
    PipelineDaemon.awaitQuietly(system.getWhenTerminated(), java.time.Duration.ofSeconds(20));
  }
}
