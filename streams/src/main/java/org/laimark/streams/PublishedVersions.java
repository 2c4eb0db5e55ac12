package org.laimark.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The newest policy version the journal holds as published, and a wait for a newer one. The model-access
 * actor serves samples from a new version as soon as its training step ends, while the round is still
 * saving that version's checkpoint; a calibration sampled from it must not be journaled before the
 * version itself (the bank refuses evidence from an unpublished version). The calibrate stages wait here
 * for that moment, which comes a checkpoint save later. Thread-safe: the stream's futures complete on
 * several threads.
 */
final class PublishedVersions {

  private final Map<Long, List<CompletableFuture<Void>>> waiting = new TreeMap<>();
  private long published;

  PublishedVersions(long published) {
    this.published = published;
  }

  /** Completes once {@code version} (or a newer one) is published. */
  synchronized CompletionStage<Void> awaitPublished(long version) {
    if (version <= published) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> wait = new CompletableFuture<>();
    waiting.computeIfAbsent(version, v -> new ArrayList<>()).add(wait);
    return wait;
  }

  /** {@code version} is durable in the journal: releases every wait for it or an older version. */
  void published(long version) {
    List<CompletableFuture<Void>> released = new ArrayList<>();
    synchronized (this) {
      published = Math.max(published, version);
      var due = ((TreeMap<Long, List<CompletableFuture<Void>>>) waiting).headMap(published, true);
      due.values().forEach(released::addAll);
      due.clear();
    }
    released.forEach(f -> f.complete(null));
  }
}
