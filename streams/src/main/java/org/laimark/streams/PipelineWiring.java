package org.laimark.streams;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.javadsl.Source;
import org.laimark.actors.bank.BankStatus;
import org.laimark.actors.bank.CurriculumBank;
import org.laimark.actors.pipeline.PipelineStages;
import org.laimark.actors.pipeline.proposal.ProposalPlan;
import org.laimark.actors.pipeline.proposal.ProposalSpec;
import org.laimark.actors.pipeline.tasks.TaskDeriver;
import org.laimark.config.StreamSettings;
import org.laimark.data.Problem;

/** What a graph is wired from: the stage actors, the bank, and the stage factories over them. */
public record PipelineWiring(
    PipelineStages.Stages stages,
    ActorRef<CurriculumBank.Command> bank,
    ProblemStages problemStages,
    TrainingStages trainingStages,
    ProposalPlan plan,
    TaskDeriver deriver,
    StreamSettings stream,
    ProblemStages.StageContext context,
    CuratedProblems curated) {

  /**
   * Abandons (on record) whatever a failed attempt left in flight, then emits the index of the next
   * proposal: the journal's count, so a restart or resume continues the topic sweep where it was.
   */
  public Source<Long, NotUsed> resumePoint() {
    return Source.completionStage(abandonThenStatus()).map(BankStatus::generationRequests);
  }

  public Source<ProposalSpec, NotUsed> proposals(long from) {
    return problemStages.proposals(plan, from, bank);
  }

  /**
   * Registered candidates from index {@code from}: written by the policy ({@code source = generated}) or
   * curated (MBPP's train split, a problem file); at most {@code limit}; {@code stop} ends new arrivals (graceful stop).
   */
  public Source<Candidate, NotUsed> candidates(long from, long limit, SharedKillSwitch stop) {
    ProblemStages p = problemStages;
    if (curated != null) {
      List<Problem> all = curated.problems();
      return Source.from(all.subList((int) Math.min(from, all.size()), all.size())).take(limit).via(stop.flow())
          .via(p.registerCurated(bank, curated.origin()));
    }
    return proposals(from).take(limit).via(stop.flow())
        .via(p.generate(stages.generator())).via(p.register(bank)).via(p.record(bank));
  }

  private CompletionStage<BankStatus> abandonThenStatus() {
    return AskPattern.<CurriculumBank.Command, CurriculumBank.Recorded>askWithStatus(bank,
            CurriculumBank.AbandonInFlight::new, stream.askTimeout(), context.scheduler())
        .thenCompose(r -> AskPattern.ask(bank, CurriculumBank.GetStatus::new, stream.askTimeout(), context.scheduler()));
  }
}
