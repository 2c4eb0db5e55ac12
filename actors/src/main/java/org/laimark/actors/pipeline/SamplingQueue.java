package org.laimark.actors.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.laimark.model.policy.Completion;
import org.laimark.model.policy.GenerationRequest;

/**
 * The model-access actor's waiting sampling requests, served first come first served in batches
 * that may split a large request. At most the head request is partly served at any time, which is
 * what lets the actor hold a training step until that request is finished: a reply never mixes
 * policy versions. Mutable; owned by the actor.
 */
final class SamplingQueue {

  /** One waiting {@link ModelAccess.Generate}, with the completions gathered so far. */
  static final class Pending {
    final ModelAccess.Generate command;
    final Completion[] results;
    int served;
    int completed;

    Pending(ModelAccess.Generate command) {
      this.command = command;
      this.results = new Completion[command.requests().size()];
    }

    List<Completion> completions() {
      return Arrays.asList(results);
    }
  }

  /** One sequence of a batch and where its completion goes. */
  record Part(Pending owner, int index, GenerationRequest request) {}

  private final Deque<Pending> queue = new ArrayDeque<>();
  private int waiting;

  void add(ModelAccess.Generate command) {
    queue.addLast(new Pending(command));
    waiting += command.requests().size();
  }

  /** Sequences not yet handed to the policy. */
  int waiting() {
    return waiting;
  }

  /** Whether some request has part of its sequences served and part not. */
  boolean hasPartlyServed() {
    Pending head = queue.peekFirst();
    return head != null && head.served > 0 && head.served < head.results.length;
  }

  /**
   * Up to {@code max} sequences in arrival order; only the partly served head when {@code
   * headOnly}.
   */
  List<Part> takeBatch(int max, boolean headOnly) {
    List<Part> batch = new ArrayList<>();
    for (Pending p : queue) {
      if (headOnly && p.served == 0) {
        break;
      }
      while (p.served < p.results.length && batch.size() < max) {
        batch.add(new Part(p, p.served, p.command.requests().get(p.served)));
        p.served++;
        waiting--;
      }
      if (batch.size() == max || headOnly) {
        break;
      }
    }
    return batch;
  }

  /** Stores a batch's completions; returns the requests it finished (removed from the queue). */
  List<Pending> complete(List<Part> batch, List<Completion> completions) {
    if (completions.size() != batch.size()) {
      throw new IllegalStateException(
          "policy returned "
              + completions.size()
              + " completions for "
              + batch.size()
              + " requests");
    }
    for (int i = 0; i < batch.size(); i++) {
      Part part = batch.get(i);
      part.owner().results[part.index()] = completions.get(i);
      part.owner().completed++;
    }
    List<Pending> finished = new ArrayList<>();
    queue.removeIf(
        p -> {
          boolean done = p.completed == p.results.length;
          if (done) {
            finished.add(p);
          }
          return done;
        });
    return finished;
  }

  /** Removes every request that had a sequence in a failed batch; returns them. */
  List<Pending> fail(List<Part> batch) {
    Set<Pending> owners = new LinkedHashSet<>();
    batch.forEach(part -> owners.add(part.owner()));
    for (Pending p : owners) {
      queue.remove(p);
      waiting -= p.results.length - p.served;
    }
    return new ArrayList<>(owners);
  }
}
