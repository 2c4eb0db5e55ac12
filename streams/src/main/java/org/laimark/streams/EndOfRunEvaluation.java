package org.laimark.streams;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.laimark.actors.bank.BankEvent;
import org.laimark.actors.bank.BankStatus;
import org.laimark.actors.bank.CurriculumBank;
import org.laimark.actors.pipeline.ModelAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code evaluation.at-end}: when a run stops normally (a limit, SIGTERM/Ctrl-C, or its source ran out),
 * drained or not, the version it ends with is evaluated and journaled before the session ends, so the
 * report and {@code laimark audit} see the run's "after". It is skipped, saying why in the log, when that
 * version already has an evaluation (e.g. a resumed run that published nothing new) or when the final
 * version is not known: a round the aborted stream had started is still running after {@code settle}, or
 * the model holds a version the journal does not (its publication failed). A run that fails never gets
 * here (the daemon logs that instead).
 */
final class EndOfRunEvaluation {

  private static final Logger log = LoggerFactory.getLogger(EndOfRunEvaluation.class);

  private EndOfRunEvaluation() {}

  /** {@code settle}: how long a round started before a timed-out drain may take to finish first. */
  static void run(ActorSystem<Void> system, Session session, Duration settle) {
    if (!session.schedule().evaluateAtEnd()) {
      return;
    }
    TrainingStages t = session.wiring().trainingStages();
    Duration timeout = session.wiring().stream().askTimeout();
    try {
      if (!settledWithin(t, settle)) {
        log.warn("no end evaluation: a round was still running {} after the drain timed out, so the run's final"
            + " version is not known", settle);
        return;
      }
      BankStatus status = await(AskPattern.<CurriculumBank.Command, BankStatus>ask(session.bank(),
          CurriculumBank.GetStatus::new, timeout, system.scheduler()), timeout);
      ModelAccess.PolicyInfo model = await(AskPattern.ask(session.stages().modelAccess(),
          ModelAccess.GetPolicyInfo::new, timeout, system.scheduler()), timeout);
      long version = status.policyVersion();
      if (model.version() != version) {
        log.warn("no end evaluation: the model holds v{} but the journal's last version is v{} (its round was not"
            + " published), so the run's final version is not known", model.version(), version);
        return;
      }
      if (status.lastEvaluation() != null && status.lastEvaluation().policyVersion() == version) {
        log.info("end evaluation: v{} already has its evaluation ({}/{})", version,
            status.lastEvaluation().passed(), status.lastEvaluation().total());
        return;
      }
      BankEvent.EvaluationRecorded e = await(t.evaluateFinal(session.bank(), session.stages().evaluator(), version),
          timeout.plus(Duration.ofMinutes(1)));
      if (e != null) {
        log.info("end evaluation of v{}: {}/{} on {}", version, e.passed(), e.total(), e.benchmark());
      }
    } catch (RuntimeException e) {
      log.warn("no end evaluation: {}", PipelineDaemon.rootMessage(e));
    }
  }

  private static boolean settledWithin(TrainingStages t, Duration settle) {
    try {
      t.settled().toCompletableFuture().get(settle.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (Exception e) {
      throw new IllegalStateException("waiting for the last round failed: " + e, e);
    }
  }

  private static <T> T await(java.util.concurrent.CompletionStage<T> stage, Duration timeout) {
    try {
      return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer within " + timeout, e);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException(PipelineDaemon.rootMessage(e), e);
    }
  }
}
