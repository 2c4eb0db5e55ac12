package org.laimark.model.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.laimark.model.GradMode;
import org.laimark.model.qwen3.KvCache;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.tokenizer.TokenDecoder;

/**
 * Generates continuations of a batch of prompts: one prefill over the left-padded prompts, then one
 * decode step per new token over a {@link KvCache}. Each request draws from its own {@code
 * SplittableRandom(seed)} (one draw per sampled token), so the same request gives the same tokens
 * in any batch, up to float rounding differences between batch shapes. Finished sequences are
 * dropped from the batch (and the cache) as soon as they stop. Every step's arrays live in a step
 * NDManager closed at the end of the step.
 */
public final class Generator {

  private final Qwen3Model model;
  private final TokenDecoder decoder;
  private volatile boolean stopped;

  public Generator(Qwen3Model model, TokenDecoder decoder) {
    this.model = model;
    this.decoder = decoder;
  }

  /** Raised by a generation that {@link #stop} ended before its last token. */
  public static final class StoppedException extends CancellationException {
    StoppedException() {
      super("generation stopped: the model is closing");
    }
  }

  /**
   * Ends a running {@link #generate} (from any thread) at its next token step, and refuses later ones: a
   * long generation must not hold up closing the model, and the model must not be closed under it.
   */
  public void stop() {
    stopped = true;
  }

  /** Continues every request; results in request order. */
  public List<Generation> generate(List<PromptRequest> requests) {
    GradMode.offOnThisThread(); // sampling records no graph, whichever thread calls
    if (requests.isEmpty()) {
      return List.of();
    }
    Batch batch = Batch.of(requests, model.config().vocabSize());
    try (KvCache cache = KvCache.create(model, requests.size(), batch.capacity())) {
      float[] logProbs = prefill(batch, cache);
      while (true) {
        if (stopped) {
          throw new StoppedException();
        }
        long[] survivors = batch.sample(logProbs, model.config().vocabSize());
        if (survivors.length == 0) {
          break;
        }
        if (survivors.length < cache.batchSize()) {
          cache.retainRows(survivors);
          batch.retain(survivors);
        }
        logProbs = decode(batch, cache);
      }
    }
    List<Generation> out = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      out.add(batch.result(i, decoder));
    }
    return out;
  }

  private float[] prefill(Batch batch, KvCache cache) {
    try (NDManager step = model.newStepManager()) {
      int width = batch.promptWidth();
      NDArray ids = step.create(batch.paddedPrompts(), new Shape(batch.size(), width)); // (B, P)
      NDArray mask = step.create(batch.mask(width), new Shape(batch.size(), width)); // (B, P)
      return lastLogProbs(ids, mask, batch.temperatures(), cache);
    }
  }

  private float[] decode(Batch batch, KvCache cache) {
    try (NDManager step = model.newStepManager()) {
      int width = cache.length() + 1;
      NDArray ids = step.create(batch.lastTokens(), new Shape(batch.size(), 1)); // (B, 1)
      NDArray mask = step.create(batch.mask(width), new Shape(batch.size(), width)); // (B, S)
      return lastLogProbs(ids, mask, batch.temperatures(), cache);
    }
  }

  /**
   * Tempered log-probs {@code log softmax(logits / T)} of the last position, each row at its
   * request's temperature, as a flat (B x V) array. Only the last position goes through the output
   * projection (the whole prompt would cost V x P), and the softmax runs on the device, not in
   * Java.
   */
  private float[] lastLogProbs(NDArray ids, NDArray mask, float[] temperatures, KvCache cache) {
    NDArray hidden = model.hidden(ids, mask, cache); // (B, T, C)
    NDArray last = hidden.get(":, -1:, :"); // (B, 1, C)
    NDArray logits = model.logits(last); // (B, 1, V)
    NDArray t =
        ids.getManager().create(temperatures, new Shape(temperatures.length, 1, 1)); // (B, 1, 1)
    return logits.div(t).logSoftmax(-1).toFloatArray(); // (B, 1, V) flattened
  }
}
