package org.laimark.actors.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;
import org.laimark.data.VerdictStatus;

/**
 * The pool's book of jobs: the bounded queue, the jobs in flight, and the rule that answers each
 * job exactly once. A job whose worker is lost goes back to the front of the queue; one that was
 * running when its worker died twice is answered sandbox_violation. Owned by the pool actor alone.
 */
final class JobLedger {

  /** A job waiting or running; {@code blamedLosses} counts workers lost while it ran. */
  record Pending(long ticket, SandboxJob job, ActorRef<Verdict> replyTo, int blamedLosses) {}

  private final int capacity;
  private final Deque<Pending> queue = new ArrayDeque<>();
  private final Map<Long, Pending> inFlight = new HashMap<>();
  private long nextTicket;
  private long answered;

  JobLedger(int capacity) {
    this.capacity = capacity;
  }

  /** Queues a job, or answers infra_error at once when the queue is full. */
  void offer(SandboxJob job, ActorRef<Verdict> replyTo) {
    if (queue.size() >= capacity) {
      answer(
          replyTo,
          Verdict.infraError(
              "sandbox queue full: "
                  + queue.size()
                  + " jobs waiting (laimark.sandbox.pool.queue-capacity)"));
      return;
    }
    queue.addLast(new Pending(nextTicket++, job, replyTo, 0));
  }

  boolean hasQueued() {
    return !queue.isEmpty();
  }

  int queued() {
    return queue.size();
  }

  long answered() {
    return answered;
  }

  /** Takes the next queued job and marks it in flight. */
  Pending start() {
    Pending p = queue.poll();
    inFlight.put(p.ticket(), p);
    return p;
  }

  /** Answers a job in flight; returns it, or null when it was already answered or requeued. */
  Pending finish(long ticket, Verdict verdict) {
    Pending p = inFlight.remove(ticket);
    if (p != null) {
      answer(p.replyTo(), verdict);
    }
    return p;
  }

  /**
   * Its worker is gone: the job goes back to the front of the queue, or is answered
   * sandbox_violation if it was running when a worker died for the second time.
   *
   * @return true when the job was queued again
   */
  boolean lost(long ticket, boolean blameJob, String reason) {
    Pending p = inFlight.remove(ticket);
    if (p == null) {
      return false;
    }
    int blamed = p.blamedLosses() + (blameJob ? 1 : 0);
    if (blamed >= 2) {
      answer(
          p.replyTo(),
          new Verdict(
              VerdictStatus.SANDBOX_VIOLATION,
              "",
              "",
              "killed its sandbox worker twice (last: " + reason + ")",
              ProgramFlags.of(p.job().program()),
              0,
              0,
              ""));
      return false;
    }
    queue.addFirst(new Pending(ticket, p.job(), p.replyTo(), blamed));
    return true;
  }

  /** The job a ticket refers to while it is in flight, or null. */
  Pending inFlight(long ticket) {
    return inFlight.get(ticket);
  }

  /** Answers every queued job (not those in flight) with {@code verdict}. */
  void failQueued(Verdict verdict) {
    while (!queue.isEmpty()) {
      answer(queue.poll().replyTo(), verdict);
    }
  }

  /** Answers everything, queued and in flight (the pool is stopping). */
  void failAll(Verdict verdict) {
    failQueued(verdict);
    inFlight.values().forEach(p -> answer(p.replyTo(), verdict));
    inFlight.clear();
  }

  private void answer(ActorRef<Verdict> replyTo, Verdict verdict) {
    answered++;
    replyTo.tell(verdict);
  }
}
