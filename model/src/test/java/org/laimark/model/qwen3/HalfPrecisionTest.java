package org.laimark.model.qwen3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.config.InvalidSettingException;
import org.laimark.model.lora.LoraConfig;
import org.laimark.model.train.AdamW;
import org.laimark.model.train.OptimizerSettings;
import org.laimark.model.train.SftTrainer;
import org.laimark.model.train.SupervisedExample;

/**
 * The half-precision code path, exercised on a CPU in float16 (which PyTorch 2.7.1 runs there, slowly;
 * bfloat16 crashes the JVM on a CPU and is refused). Weights std 0.1 so logits are of order 1. Tolerance:
 * float16 has an 11-bit significand (relative step 2^-11 ≈ 4.9e-4); through two layers the logits stay
 * within {@value #FLOAT16_TOLERANCE} of float32's (measured max 4.3e-3 with logits up to 2.5; docs/model.md).
 */
class HalfPrecisionTest {

  static final float FLOAT16_TOLERANCE = 2e-2f;
  private static final Qwen3Config SHAPE = Qwen3Config.qwen3(96, 48, 80, 2, 4, 2, 16, false);
  private static final long[] IDS = {5, 17, 3, 42, 88, 9, 61, 23, 7, 70, 11, 2};

  private NDManager manager;

  @BeforeEach
  void setUp() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void tearDown() {
    manager.close();
  }

  @Test
  void float16LogitsOnCpuAgreeWithFloat32WithinTolerance() {
    try (Qwen3Model wide = model(DataType.FLOAT32); Qwen3Model half = model(DataType.FLOAT16)) {
      float[] expected = logits(wide, null);
      float[] actual = logits(half, DataType.FLOAT16);

      float diff = maxAbsDiff(expected, actual);
      assertTrue(diff < FLOAT16_TOLERANCE, "max abs diff " + diff);
      assertTrue(diff > 0, "float16 must actually have run (identical logits mean float32 did)");
    }
  }

  @Test
  void aFloat16CheckpointLoadWithAnAdapterAgreesWithFloat32(@TempDir Path dir) {
    try (Qwen3Model source = model(DataType.FLOAT32)) {
      source.attachLora(new LoraConfig(4, 8, 0.0, List.of("q_proj", "v_proj", "down_proj")), 9);
      source.trainableParameters().values().forEach(p -> p.addi(0.05)); // B = 0 would hide the branch
      source.save(dir.resolve("model"));
      source.saveAdapter(dir.resolve("adapter"));
    }
    try (Qwen3Model wide = ModelBuilder.fromCheckpoint(dir.resolve("model"), manager, ModelDType.FLOAT32, "k");
        Qwen3Model half = ModelBuilder.fromCheckpoint(dir.resolve("model"), manager, ModelDType.FLOAT16, "k")) {
      wide.loadAdapter(dir.resolve("adapter"));
      half.loadAdapter(dir.resolve("adapter"));

      float diff = maxAbsDiff(logits(wide, null), logits(half, DataType.FLOAT16));

      assertTrue(diff < FLOAT16_TOLERANCE, "max abs diff " + diff);
      for (NDArray p : half.trainableParameters().values()) {
        assertEquals(DataType.FLOAT32, p.getDataType(), "LoRA matrices stay float32");
      }
    }
  }

  /** A float32 cache under float16 queries would fail in the attention matmul (mixed types). */
  @Test
  void theKvCacheKeepsTheModelsPrecisionAndMatchesTheFullForward() {
    try (Qwen3Model half = model(DataType.FLOAT16); NDManager step = half.newStepManager();
        KvCache cache = KvCache.create(half, 1, IDS.length)) {
      NDArray all = step.create(IDS, new Shape(1, IDS.length));
      float[] full = half.forward(all, null, null).get(":, -1, :").toType(DataType.FLOAT32, false).toFloatArray();

      half.forward(all.get(":, :{}", IDS.length - 1), null, cache);
      NDArray last = half.forward(all.get(":, {}:", IDS.length - 1), null, cache);

      float diff = maxAbsDiff(full, last.toType(DataType.FLOAT32, false).toFloatArray());
      assertTrue(diff < FLOAT16_TOLERANCE, "cached vs full max abs diff " + diff);
    }
  }

  @Test
  void aFloat16TrainingStepReachesEveryLoraMatrixAndLeavesTheBaseAlone(@TempDir Path dir) {
    List<SupervisedExample> data =
        List.of(
            new SupervisedExample(new int[] {5, 17, 3}, new int[] {42, 88, 9}),
            new SupervisedExample(new int[] {61, 23}, new int[] {7, 70, 11, 2}));
    double[] losses = new double[2];
    int i = 0;
    for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT16}) {
      try (Qwen3Model model = model(type)) {
        model.attachLora(new LoraConfig(4, 8, 0.0, List.of("q_proj", "v_proj")), 9);
        model.save(dir.resolve("before-" + type));
        Map<String, float[]> before = snapshot(model);
        OptimizerSettings settings =
            new OptimizerSettings(1e-2, 0.0, 10, AdamW.Settings.defaults(), 1.0, 2, 42);
        try (SftTrainer trainer = new SftTrainer(model, settings, 0, manager)) {
          trainer.step(data); // B = 0 at the start, so A only moves from the second step on
          losses[i++] = trainer.step(data).update().loss();
        }
        Map<String, float[]> after = snapshot(model);
        for (String name : before.keySet()) {
          assertFalse(Arrays.equals(before.get(name), after.get(name)), type + " " + name + " unchanged");
        }
        model.save(dir.resolve("after-" + type));
        assertEquals(
            digest(dir.resolve("before-" + type + "/model.safetensors")),
            digest(dir.resolve("after-" + type + "/model.safetensors")),
            "base weights must not change");
      }
    }
    assertEquals(losses[0], losses[1], 5e-3, "float16 vs float32 second-step loss");
  }

  @Test
  void bfloat16IsRefusedOnACpuNamingTheKeyAndWhy() {
    InvalidSettingException e =
        assertThrows(
            InvalidSettingException.class,
            () -> ModelDType.BFLOAT16.resolve(Device.cpu(), ModelDType.KEY));

    assertTrue(e.getMessage().startsWith("laimark.model.dtype: bfloat16 needs a GPU"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void autoIsFloat32OnACpuAndUnknownValuesAreRefused() {
    assertEquals(DataType.FLOAT32, ModelDType.AUTO.resolve(Device.cpu(), ModelDType.KEY));
    assertEquals(ModelDType.BFLOAT16, ModelDType.parse("BFloat16", ModelDType.KEY));

    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> ModelDType.parse("fp8", "--dtype"));
    assertEquals("--dtype: must be one of auto, float32, float16, bfloat16, got fp8", e.getMessage());
  }

  private Qwen3Model model(DataType type) {
    return ModelBuilder.random(SHAPE, 7, 0.1, type, manager);
  }

  private static float[] logits(Qwen3Model model, DataType expected) {
    try (NDManager step = model.newStepManager()) {
      NDArray logits = model.forward(step.create(IDS, new Shape(1, IDS.length)), null, null);
      // float16 logits, or float32 once the output head upcasts them (as transformers' generate does)
      DataType type = logits.getDataType();
      assertTrue(type == DataType.FLOAT32 || type == expected, "logits of type " + type);
      return logits.toType(DataType.FLOAT32, false).toFloatArray();
    }
  }

  private static float maxAbs(float[] a) {
    float max = 0;
    for (float v : a) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  private static float maxAbsDiff(float[] a, float[] b) {
    float max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  private static Map<String, float[]> snapshot(Qwen3Model model) {
    Map<String, float[]> copy = new java.util.LinkedHashMap<>();
    model.trainableParameters().forEach((k, v) -> copy.put(k, v.toFloatArray()));
    return copy;
  }

  private static String digest(Path file) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(file)));
    } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

