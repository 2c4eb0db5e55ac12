package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.laimark.model.CheckpointException;
import org.laimark.model.lora.LoraConfig;
import org.laimark.model.lora.LoraTensor;
import org.laimark.model.lora.PeftAdapter;
import org.laimark.model.lora.PeftFormat;

/**
 * A LoRA adapter attached to a model's projections: owns the A and B matrices (in its own
 * NDManager, as copies the trainer may update in place) and the branches it hung on the targeted
 * {@link Linear}s.
 */
final class LoraAttachment implements AutoCloseable {

  private final NDManager manager;
  private final LoraConfig config;
  private final Map<String, NDArray> parameters;
  private final List<Linear> targets;

  private LoraAttachment(
      NDManager manager, LoraConfig config, Map<String, NDArray> parameters, List<Linear> targets) {
    this.manager = manager;
    this.config = config;
    this.parameters = Collections.unmodifiableMap(parameters);
    this.targets = List.copyOf(targets);
  }

  /**
   * PEFT's initialisation: A ~ U(-1/sqrt(in), 1/sqrt(in)) (kaiming-uniform with a = sqrt 5), B = 0.
   */
  static LoraAttachment random(
      List<DecoderBlock> layers, LoraConfig config, long seed, NDManager parent) {
    NDManager manager = parent.newSubManager();
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, NDArray> parameters = new LinkedHashMap<>();
    List<Linear> targets = new ArrayList<>();
    forEachTarget(
        layers,
        config,
        (layer, module, linear) -> {
          int in = (int) linear.inFeatures();
          float bound = (float) (1 / Math.sqrt(in));
          float[] a = new float[config.rank() * in];
          for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextDouble(-bound, bound);
          }
          NDArray matrixA = manager.create(a, new Shape(config.rank(), in)); // (R, in)
          NDArray matrixB =
              manager.zeros(new Shape(linear.outFeatures(), config.rank())); // (out, R)
          attach(linear, matrixA, matrixB, config, parameters, targets, layer, module);
        });
    return new LoraAttachment(manager, config, parameters, targets);
  }

  /**
   * Attaches an adapter read from a PEFT folder, checking every matrix against the model's shapes.
   */
  static LoraAttachment fromPeft(
      List<DecoderBlock> layers, PeftAdapter adapter, Path directory, NDManager parent) {
    NDManager manager = parent.newSubManager();
    try {
      LoraConfig config = adapter.config();
      Path file = directory.resolve(PeftFormat.WEIGHTS_FILE);
      Set<String> unused = new LinkedHashSet<>(adapter.tensors().keySet());
      Map<String, NDArray> parameters = new LinkedHashMap<>();
      List<Linear> targets = new ArrayList<>();
      forEachTarget(
          layers,
          config,
          (layer, module, linear) -> {
            String keyA = PeftFormat.key(layer, module, "A");
            String keyB = PeftFormat.key(layer, module, "B");
            if (!adapter.tensors().containsKey(keyA) && !adapter.tensors().containsKey(keyB)) {
              return; // e.g. layers_to_transform left this layer out
            }
            NDArray a =
                matrix(
                    file, adapter, keyA, new long[] {config.rank(), linear.inFeatures()}, manager);
            NDArray b =
                matrix(
                    file, adapter, keyB, new long[] {linear.outFeatures(), config.rank()}, manager);
            unused.remove(keyA);
            unused.remove(keyB);
            attach(linear, a, b, config, parameters, targets, layer, module);
          });
      if (!unused.isEmpty()) {
        String first = unused.iterator().next();
        PeftFormat.parseKey(file, first);
        throw new CheckpointException(
            file
                + ": tensor "
                + first
                + " belongs to no targeted projection of this "
                + layers.size()
                + "-layer model (target_modules "
                + config.targetModules()
                + ")");
      }
      return new LoraAttachment(manager, config, parameters, targets);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  private static NDArray matrix(
      Path file, PeftAdapter adapter, String key, long[] shape, NDManager manager) {
    LoraTensor tensor = adapter.tensors().get(key);
    if (tensor == null) {
      throw new CheckpointException(
          file + ": tensor " + key + " is missing (LoRA needs both A and B)");
    }
    if (!Arrays.equals(tensor.shape(), shape)) {
      throw new CheckpointException(
          file
              + ": tensor "
              + key
              + " has shape "
              + Arrays.toString(tensor.shape())
              + " but the model and r imply "
              + Arrays.toString(shape));
    }
    return manager.create(tensor.values(), new Shape(shape));
  }

  private static void attach(
      Linear linear,
      NDArray a,
      NDArray b,
      LoraConfig config,
      Map<String, NDArray> parameters,
      List<Linear> targets,
      int layer,
      String module) {
    linear.attach(new LoraBranch(a, b, (float) config.scaling(), (float) config.dropout()));
    parameters.put(PeftFormat.key(layer, module, "A"), a);
    parameters.put(PeftFormat.key(layer, module, "B"), b);
    targets.add(linear);
  }

  private interface TargetVisitor {
    void visit(int layer, String module, Linear linear);
  }

  private static void forEachTarget(
      List<DecoderBlock> layers, LoraConfig config, TargetVisitor visitor) {
    boolean any = false;
    for (int i = 0; i < layers.size(); i++) {
      for (Map.Entry<String, Linear> p : layers.get(i).projections().entrySet()) {
        if (config.targets("model.layers." + i + "." + p.getKey())) {
          visitor.visit(i, p.getKey(), p.getValue());
          any = true;
        }
      }
    }
    if (!any) {
      throw new IllegalArgumentException(
          "target_modules "
              + config.targetModules()
              + " match no projection (available: q_proj, k_proj, "
              + "v_proj, o_proj, gate_proj, up_proj, down_proj, or all-linear)");
    }
  }

  LoraConfig config() {
    return config;
  }

  Map<String, NDArray> parameters() {
    return parameters;
  }

  void save(Path directory, String baseModel) {
    PeftFormat.write(directory, config, parameters, baseModel);
  }

  /**
   * Folds every branch into its weight, {@code W + (alpha/r) B A}, with the merged weights in
   * {@code into}; returns the replaced base weights for the caller to close.
   */
  List<NDArray> mergeInto(NDManager into) {
    List<NDArray> replaced = new ArrayList<>();
    for (Linear linear : targets) {
      LoraBranch branch = linear.lora();
      NDArray update = branch.b().matMul(branch.a()).mul(branch.scaling()); // (out, in)
      NDArray sum = update.add(linear.weight()); // float32 (type promotion) for a half-precision base
      DataType baseType = linear.weight().getDataType();
      NDArray merged = sum.getDataType() == baseType ? sum : sum.toType(baseType, false);
      merged.attach(into);
      replaced.add(linear.weight());
      linear.replaceWeight(merged);
    }
    return replaced;
  }

  /** Detaches every branch and frees the matrices. */
  @Override
  public void close() {
    for (Linear linear : targets) {
      if (linear.lora() != null) {
        linear.attach(null);
      }
    }
    manager.close();
  }
}
