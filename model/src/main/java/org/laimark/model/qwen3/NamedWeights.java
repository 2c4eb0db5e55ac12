package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every tensor a model takes from its source under its Hugging Face name, so it can be
 * saved back.
 */
final class NamedWeights implements WeightSource {

  private final WeightSource source;
  private final Map<String, NDArray> byName = new LinkedHashMap<>();

  NamedWeights(WeightSource source) {
    this.source = source;
  }

  @Override
  public NDArray get(String name, long... shape) {
    NDArray array = source.get(name, shape);
    byName.put(name, array);
    return array;
  }

  @Override
  public boolean has(String name) {
    return source.has(name);
  }

  /** After a merge: point the projection names at the layers' current weights. */
  void refreshProjections(List<DecoderBlock> layers) {
    for (int i = 0; i < layers.size(); i++) {
      String prefix = "model.layers." + i + ".";
      layers
          .get(i)
          .projections()
          .forEach((path, linear) -> byName.put(prefix + path + ".weight", linear.weight()));
    }
  }

  Map<String, NDArray> byName() {
    return Collections.unmodifiableMap(byName);
  }
}
