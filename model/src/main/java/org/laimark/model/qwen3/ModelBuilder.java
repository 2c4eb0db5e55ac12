package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.laimark.model.CheckpointException;
import org.laimark.model.safetensors.CheckpointWeights;
import org.laimark.model.safetensors.SafetensorsWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link Qwen3Model} from a checkpoint folder or a seed, in float32 or a half precision
 * ({@link ModelDType}: weights cast as they load), and saves one back as a checkpoint.
 */
public final class ModelBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(ModelBuilder.class);

  private ModelBuilder() {}

  static Qwen3Model fromCheckpoint(Path directory, NDManager manager) {
    return fromCheckpoint(directory, manager, DataType.FLOAT32);
  }

  /**
   * Loads a Hugging Face model folder with its weights in the precision {@code dtype} resolves to on
   * {@code manager}'s device ({@link ModelDType#resolve}: bfloat16 is refused on a CPU, naming {@code
   * key}).
   */
  public static Qwen3Model fromCheckpoint(
      Path directory, NDManager manager, ModelDType dtype, String key) {
    return fromCheckpoint(directory, manager, dtype.resolve(manager.getDevice(), key));
  }

  static Qwen3Model fromCheckpoint(Path directory, NDManager manager, DataType weightType) {
    return fromCheckpoint(directory, manager, weightType, false);
  }

  /**
   * Loads a float32 checkpoint whose every weight can then train ({@link Qwen3Model#trainAllWeights}):
   * each weight is copied out of the file. {@link #fromCheckpoint} does not copy float32 weights (an 8B
   * model would need its size twice over), so they are the file's read-only memory mapping, and an
   * optimizer writing into them in place would crash the JVM.
   */
  public static Qwen3Model fromCheckpointForFullTraining(Path directory, NDManager manager) {
    return fromCheckpoint(directory, manager, DataType.FLOAT32, true);
  }

  private static Qwen3Model fromCheckpoint(
      Path directory, NDManager manager, DataType weightType, boolean copied) {
    if (!Files.isDirectory(directory)) {
      throw new CheckpointException(directory + ": no such model directory");
    }
    Qwen3Config config = Qwen3Config.read(directory.resolve("config.json"));
    CheckpointWeights checkpoint = CheckpointWeights.open(directory);
    NDManager root = manager.newSubManager();
    try {
      NDManager weights = root.newSubManager();
      WeightSource file = new CheckpointSource(checkpoint, weights);
      WeightSource source = copied ? copies(file) : file;
      NamedWeights named = new NamedWeights(CastingSource.of(source, weightType));
      Qwen3Model model = new Qwen3Model(config, directory.toString(), root, named, copied);
      weights.cap();
      warnAboutUnused(directory, checkpoint.names(), named.byName().keySet(), config);
      return model;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  static Qwen3Model random(Qwen3Config config, long seed, double std, NDManager manager) {
    return random(config, seed, std, DataType.FLOAT32, manager);
  }

  /** Seeded random weights (drawn in float32, then cast to {@code weightType}). */
  static Qwen3Model random(
      Qwen3Config config, long seed, double std, DataType weightType, NDManager manager) {
    NDManager root = manager.newSubManager();
    try {
      NDManager weights = root.newSubManager();
      NamedWeights named =
          new NamedWeights(CastingSource.of(new RandomSource(seed, std, weights), weightType));
      Qwen3Model model = new Qwen3Model(config, "random(seed " + seed + ")", root, named, true);
      weights.cap();
      return model;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  /** Each tensor copied into memory of its own, the mapped original released. */
  private static WeightSource copies(WeightSource source) {
    return new WeightSource() {
      @Override
      public NDArray get(String name, long... shape) {
        NDArray mapped = source.get(name, shape);
        NDArray copy = mapped.duplicate();
        mapped.close();
        return copy;
      }

      @Override
      public boolean has(String name) {
        return source.has(name);
      }
    };
  }

  static void save(Qwen3Model model, NamedWeights named, Path directory) {
    try {
      Files.createDirectories(directory);
      SafetensorsWriter.write(
          directory.resolve(CheckpointWeights.SINGLE_FILE), named.byName(), Map.of("format", "pt"));
      Path config = directory.resolve("config.json");
      Path temporary = directory.resolve("config.json.tmp");
      Files.writeString(temporary, model.config().toJson(), StandardCharsets.UTF_8);
      Files.move(
          temporary,
          config,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(directory + ": cannot save model (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Extra tensors (an lm_head copy in a tied checkpoint, old rotary buffers) are ignored, but said.
   */
  private static void warnAboutUnused(
      Path directory, Set<String> present, Set<String> used, Qwen3Config c) {
    Set<String> unused = new TreeSet<>(present);
    unused.removeAll(used);
    if (c.tieWordEmbeddings()) {
      unused.remove("lm_head.weight");
    }
    if (!unused.isEmpty()) {
      LOG.warn(
          "{}: ignoring {} tensors the model does not use, e.g. {}",
          directory,
          unused.size(),
          unused.iterator().next());
    }
  }
}
