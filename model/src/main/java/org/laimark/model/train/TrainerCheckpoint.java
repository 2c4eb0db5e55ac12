package org.laimark.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Everything a resumed run needs to take the same next steps as the uninterrupted one: the adapter ({@code
 * adapter/}, PEFT format for the real model), the AdamW moments ({@code optimizer.ndlist}, DJL's lossless
 * encoding), and in {@code trainer.properties} the step counters, the {@link TrainingRandom} state and the
 * caller's own entries (e.g. the policy version). A checkpoint is written to a sibling folder and renamed
 * into place, so a crash leaves either the previous checkpoint or the new one, never half of one.
 */
public final class TrainerCheckpoint {

  private static final String ADAPTER = "adapter";
  private static final String OPTIMIZER = "optimizer.ndlist";
  private static final String STATE = "trainer.properties";

  private TrainerCheckpoint() {}

  public static void save(
      Path directory, TrainableLm model, AdapterOptimizer optimizer, Map<String, String> extra) {
    Path target = directory.toAbsolutePath();
    Path staging = target.resolveSibling(target.getFileName() + ".writing");
    try {
      deleteRecursively(staging);
      Files.createDirectories(staging);
      model.saveAdapter(staging.resolve(ADAPTER));
      NDList moments = new NDList();
      optimizer.adam().state().forEach((name, m) -> moments.add(named(m, name)));
      try (OutputStream out = Files.newOutputStream(staging.resolve(OPTIMIZER))) {
        moments.encode(out);
      }
      Properties state = new Properties();
      extra.forEach(state::setProperty);
      state.setProperty("steps", Long.toString(optimizer.steps()));
      state.setProperty("adamw.steps", Long.toString(optimizer.adam().steps()));
      state.setProperty("random.state", Long.toString(optimizer.random().state()));
      try (OutputStream out = Files.newOutputStream(staging.resolve(STATE))) {
        state.store(out, "laimark trainer checkpoint");
      }
      Path previous = target.resolveSibling(target.getFileName() + ".previous");
      deleteRecursively(previous);
      if (Files.exists(target)) {
        Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      deleteRecursively(previous);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
    }
  }

  /** Restores {@link #save}'s files into the model and optimizer; returns the caller's entries. */
  public static Map<String, String> restore(
      Path directory, TrainableLm model, AdapterOptimizer optimizer, NDManager manager) {
    Path stateFile = directory.resolve(STATE);
    if (!Files.isRegularFile(stateFile)) {
      throw new IllegalArgumentException(
          "not a trainer checkpoint: " + stateFile + " is missing (a crash during save leaves "
              + directory.getFileName() + ".previous beside it)");
    }
    Properties state = new Properties();
    try (InputStream in = Files.newInputStream(stateFile)) {
      state.load(in);
      model.loadAdapter(directory.resolve(ADAPTER));
      try (NDManager scratch = manager.newSubManager();
          InputStream moments = Files.newInputStream(directory.resolve(OPTIMIZER))) {
        Map<String, NDArray> byName = new LinkedHashMap<>();
        for (NDArray m : NDList.decode(scratch, moments)) {
          byName.put(m.getName(), m);
        }
        optimizer.adam().loadState(byName, longOf(state, "adamw.steps", stateFile));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint " + directory + ": " + e.getMessage(), e);
    }
    optimizer.restoreSteps(longOf(state, "steps", stateFile));
    optimizer.random().restore(longOf(state, "random.state", stateFile));
    Map<String, String> extra = new LinkedHashMap<>();
    for (String key : state.stringPropertyNames()) {
      extra.put(key, state.getProperty(key));
    }
    return extra;
  }

  private static NDArray named(NDArray array, String name) {
    array.setName(name);
    return array;
  }

  private static long longOf(Properties state, String key, Path file) {
    String value = state.getProperty(key);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException(file + ": key " + key + " must be an integer, got " + value, e);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
