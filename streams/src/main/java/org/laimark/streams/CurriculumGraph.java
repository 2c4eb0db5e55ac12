package org.laimark.streams;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.RunnableGraph;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.laimark.config.StreamSettings;

/**
 * The continuous self-improvement loop as one backpressured graph. Numbers in brackets are the asks in
 * flight (parallelism) or buffer sizes, all from {@code laimark.pipeline.stream}; every "record" is a
 * durable journal write through the bank (group-committed) before the problem moves on.
 *
 * <pre>
 *  proposals ─[stop: shared kill switch]─┐ RestartSource.onFailuresWithBackoff: in-flight work is abandoned
 *  (or MBPP train, curated)              │ on record and proposals continue from the journal's count
 *   generate [generate-parallelism]  ── Generator ── ModelAccess (batches all sampling)
 *   register [record-parallelism]    ── CurriculumBank: id + ProblemProposed / GenerationFailed → record
 *   verify   [verify-parallelism]    ── Verifier ── sandbox pool         → record → drop rejected
 *   dedup    [dedup-parallelism]     ── Deduplicator (reserves)          → record → drop duplicates
 *   calibrate[calibrate-parallelism] ── Calibrator ── ModelAccess + sandbox → record → drop rejected
 *   derive   [1]                     ── deduction/abduction tasks of accepted problems → record
 *   calibrate derived [calibrate-parallelism] ── Calibrator               → record → drop rejected
 *  ─[abort: unique kill switch]──────────────────────────────────────────┘
 *   buffer   [accepted-buffer]       (full → calibrate waits → ... → generation waits)
 *   batch    [round-size, round-max-wait]
 *   replay   [replay-after]          no batch for this long → an empty one: a round on the bank alone
 *   round    [1]  one round at a time, its three steps in series:
 *     train        ── CurriculumBank (pad with least-trained) ── Trainer (quota, G rollouts, one step)
 *     publish      ── ModelAccess.SaveCheckpoint → fsync + rename → record round + version
 *     evaluate     ── Evaluator every every-rounds → record; a regression past
 *                     trainer.rollback-regression → ModelAccess.RollBack to the best → publish as new version
 *   sink: progress and the max-rounds limit
 * </pre>
 *
 * Memory is bounded by these numbers for a run of any length: nothing between two stages is unbounded.
 */
public final class CurriculumGraph {

  /** A running graph: {@code stop} drains gracefully, {@code abort} drops what is in flight. */
  public record Running(SharedKillSwitch stop, UniqueKillSwitch abort, CompletionStage<Done> done) {}

  private CurriculumGraph() {}

  public static RunnableGraph<Pair<UniqueKillSwitch, CompletionStage<Done>>> build(
      PipelineWiring w, SharedKillSwitch stop, Sink<TrainingStages.RoundDone, CompletionStage<Done>> sink) {
    StreamSettings s = w.stream();
    ProblemStages p = w.problemStages();
    TrainingStages t = w.trainingStages();
    Source<Candidate, NotUsed> accepted = RestartSource.onFailuresWithBackoff(restart(s), () ->
        w.resumePoint().flatMapConcat(next -> w.candidates(next, Long.MAX_VALUE, stop)
            .via(p.verify(w.stages().verifier())).via(p.record(w.bank()))
            .via(p.dedup(w.stages().deduplicator())).via(p.record(w.bank()))
            .via(p.calibrate(w.stages().calibrator())).via(p.record(w.bank()))
            .via(p.derive(w.bank(), w.deriver())).via(p.record(w.bank()))
            .via(p.calibrateDerived(w.stages().calibrator())).via(p.record(w.bank()))));
    Source<List<Candidate>, UniqueKillSwitch> batches = accepted
        .viaMat(KillSwitches.single(), Keep.right())
        .buffer(s.acceptedBuffer(), OverflowStrategy.backpressure())
        .groupedWithin(s.roundSize(), s.roundMaxWait());
    if (!s.replayAfter().isZero()) {
      batches = batches.keepAlive(s.replayAfter(), List::of);
    }
    return batches
        .via(t.round(w.bank(), w.stages().trainer(), w.stages().modelAccess(), w.stages().evaluator()))
        .toMat(sink, Keep.both());
  }

  static RestartSettings restart(StreamSettings s) {
    StreamSettings.Restart r = s.restart();
    return RestartSettings.create(r.minBackoff(), r.maxBackoff(), r.randomFactor())
        .withMaxRestarts(r.maxRestarts(), r.within());
  }
}
