package org.laimark.model.qwen3;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import ai.djl.util.cuda.CudaUtils;
import java.util.Locale;
import org.laimark.config.InvalidSettingException;

/**
 * The precision of the base weights and activations ({@code laimark.model.dtype}). Whatever it is,
 * RMSNorm, attention softmax, logits and losses are computed in float32, and LoRA matrices and optimizer
 * moments stay float32 (as transformers and PEFT do). {@link #AUTO} is float32 on a CPU and bfloat16 on a
 * GPU that has it (compute capability 8.0 and up), float16 on older GPUs. On a CPU bfloat16 is refused:
 * BF16 arrays crash the JVM there with PyTorch 2.7.1 through DJL. float16 does run on a CPU (a test
 * compares its logits with float32's) but its matmuls are far slower than float32's, so it is only
 * useful to check the half-precision code path.
 */
public enum ModelDType {
  AUTO,
  FLOAT32,
  FLOAT16,
  BFLOAT16;

  /** The configuration key. */
  public static final String KEY = "laimark.model.dtype";

  /** Parses a setting value; the error names {@code key} and lists the values. */
  public static ModelDType parse(String value, String key) {
    for (ModelDType dtype : values()) {
      if (dtype.wireName().equals(value == null ? null : value.trim().toLowerCase(Locale.ROOT))) {
        return dtype;
      }
    }
    throw InvalidSettingException.forKey(key, "must be one of auto, float32, float16, bfloat16", value);
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The weights' data type on {@code device}; refuses bfloat16 on a CPU, naming {@code key}. */
  public DataType resolve(Device device, String key) {
    boolean gpu = device.isGpu();
    switch (this) {
      case FLOAT32:
        return DataType.FLOAT32;
      case FLOAT16:
        return DataType.FLOAT16;
      case BFLOAT16:
        if (!gpu) {
          throw InvalidSettingException.forKey(
              key,
              "bfloat16 needs a GPU: BF16 arrays crash the JVM on a CPU with PyTorch 2.7.1 through DJL;"
                  + " use float32 or auto on a CPU",
              wireName());
        }
        return DataType.BFLOAT16;
      default:
        if (!gpu) {
          return DataType.FLOAT32;
        }
        return supportsBfloat16(device) ? DataType.BFLOAT16 : DataType.FLOAT16;
    }
  }

  /** Ampere (8.0) and later GPUs compute in bfloat16 natively. */
  private static boolean supportsBfloat16(Device device) {
    String capability = CudaUtils.getComputeCapability(device.getDeviceId()); // "86" for 8.6
    try {
      return Integer.parseInt(capability.trim()) >= 80;
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }
}
