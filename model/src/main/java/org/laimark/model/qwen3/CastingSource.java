package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Weights cast to the model's precision as they load ({@code laimark.model.dtype}); the loaded float32
 * array is closed at once, so only the cast copy stays in memory.
 */
final class CastingSource implements WeightSource {

  private final WeightSource source;
  private final DataType type;

  CastingSource(WeightSource source, DataType type) {
    this.source = source;
    this.type = type;
  }

  /** The source itself when no cast is needed, so float32 models load exactly as before. */
  static WeightSource of(WeightSource source, DataType type) {
    return type == DataType.FLOAT32 ? source : new CastingSource(source, type);
  }

  @Override
  public NDArray get(String name, long... shape) {
    NDArray loaded = source.get(name, shape);
    if (loaded.getDataType() == type) {
      return loaded;
    }
    NDArray cast = loaded.toType(type, false);
    loaded.close();
    return cast;
  }

  @Override
  public boolean has(String name) {
    return source.has(name);
  }
}
