package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Keys and values of earlier positions, per layer, allocated to a fixed capacity (at the first write,
 * in the model's precision) so decoding writes one slot per step in place instead of copying the whole
 * cache. Owns its own NDManager
 * (close it, or the model's close does). Inference only: the in-place writes are invisible to
 * autograd.
 */
public final class KvCache implements AutoCloseable {

  private final NDManager manager;
  private final Layer[] layers;
  private final int capacity;
  private final int kvHeads;
  private final int headDim;
  private int length;
  private long batchSize;

  private KvCache(NDManager manager, Qwen3Config c, int batchSize, int capacity) {
    this.manager = manager;
    this.capacity = capacity;
    this.batchSize = batchSize;
    this.kvHeads = c.numKeyValueHeads();
    this.headDim = c.headDim();
    this.layers = new Layer[c.numHiddenLayers()];
    for (int i = 0; i < layers.length; i++) {
      layers[i] = new Layer();
    }
  }

  /** An empty cache for {@code batchSize} sequences of up to {@code capacity} positions. */
  public static KvCache create(Qwen3Model model, int batchSize, int capacity) {
    if (batchSize <= 0 || capacity <= 0) {
      throw new IllegalArgumentException(
          "cache batch size and capacity must be positive, got " + batchSize + " and " + capacity);
    }
    return new KvCache(model.newStepManager(), model.config(), batchSize, capacity);
  }

  /** Positions cached so far. */
  public int length() {
    return length;
  }

  public int capacity() {
    return capacity;
  }

  public long batchSize() {
    return batchSize;
  }

  /**
   * Keeps only the given sequences (row indices in the current batch, in the new order), so
   * finished ones stop costing compute.
   */
  public void retainRows(long[] rows) {
    try (NDManager scratch = manager.newSubManager()) {
      NDArray index = scratch.create(rows);
      for (Layer layer : layers) {
        if (layer.keys != null) {
          layer.keys = select(layer.keys, index);
          layer.values = select(layer.values, index);
        }
      }
    }
    batchSize = rows.length;
  }

  private NDArray select(NDArray array, NDArray rows) {
    NDArray kept = array.get(manager, new NDIndex("{}", rows));
    array.close();
    return kept;
  }

  Layer layer(int index) {
    return layers[index];
  }

  /** Called by the model after all layers appended {@code newPositions} positions. */
  void advance(int newPositions) {
    length += newPositions;
  }

  void checkRoom(long batch, long newPositions) {
    if (batch != batchSize) {
      throw new IllegalArgumentException(
          "cache holds " + batchSize + " sequences, input has " + batch);
    }
    if (length + newPositions > capacity) {
      throw new IllegalArgumentException(
          "cache capacity "
              + capacity
              + " exceeded: "
              + length
              + " cached + "
              + newPositions
              + " new");
    }
  }

  @Override
  public void close() {
    manager.close();
  }

  /**
   * One layer's keys and values, (B, Hkv, capacity, D), allocated at the first append in the type of
   * the keys (the model's precision: float32, or float16/bfloat16 on a GPU).
   */
  final class Layer {
    private NDArray keys;
    private NDArray values;

    /**
     * Writes k and v (B, Hkv, T, D) after the cached positions and returns all keys and values so
     * far, (B, Hkv, S, D), as views owned by k's NDManager (the caller's step scope).
     */
    NDArray[] append(NDArray k, NDArray v) {
      long t = k.getShape().get(2);
      if (keys == null) {
        Shape shape = new Shape(batchSize, kvHeads, capacity, headDim);
        keys = manager.zeros(shape, k.getDataType());
        values = manager.zeros(shape, v.getDataType());
      }
      NDIndex slot = new NDIndex(":, :, {}:{}", length, length + t);
      keys.set(slot, k);
      values.set(slot, v);
      NDIndex filled = new NDIndex(":, :, :{}", length + t);
      NDManager step = k.getManager();
      return new NDArray[] {keys.get(step, filled), values.get(step, filled)};
    }
  }
}
