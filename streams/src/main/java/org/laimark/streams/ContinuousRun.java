package org.laimark.streams;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Sink;

/** Materialises the {@link CurriculumGraph}; the sink counts published rounds for {@code max-rounds}. */
final class ContinuousRun {

  private ContinuousRun() {}

  static PipelineRun start(ActorSystem<Void> system, Session session, SharedKillSwitch stop,
      Runnable gracefulStop, long maxRounds) {
    AtomicLong published = new AtomicLong();
    Sink<TrainingStages.RoundDone, CompletionStage<Done>> sink = Sink.foreach(done -> {
      if (done.published() && maxRounds > 0 && published.incrementAndGet() >= maxRounds) {
        gracefulStop.run();
      }
    });
    Pair<UniqueKillSwitch, CompletionStage<Done>> running =
        CurriculumGraph.build(session.wiring(), stop, sink).run(system);
    return new PipelineRun(running.second(),
        () -> running.first().abort(new IllegalStateException("drain timed out")));
  }
}
