package org.laimark.model.safetensors;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;

/**
 * Converts half-precision (BF16, F16) and double tensors to float32 in Java, into a direct buffer
 * the engine can wrap. BF16 is the top half of a float32; F16 needs the IEEE 754 half-to-single
 * conversion (JDK 17 has no {@code Float.float16ToFloat}).
 */
final class Widening {

  private Widening() {}

  static ByteBuffer toFloat32(ByteBuffer raw, TensorDType dtype) {
    ByteBuffer le = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int count = le.remaining() / dtype.bytes();
    ByteBuffer out = ByteBuffer.allocateDirect(count * 4).order(ByteOrder.nativeOrder());
    FloatBuffer floats = out.asFloatBuffer();
    switch (dtype) {
      case BF16:
        ShortBuffer bf16 = le.asShortBuffer();
        for (int i = 0; i < count; i++) {
          floats.put(i, Float.intBitsToFloat((bf16.get(i) & 0xffff) << 16));
        }
        break;
      case F16:
        ShortBuffer f16 = le.asShortBuffer();
        for (int i = 0; i < count; i++) {
          floats.put(i, halfToFloat(f16.get(i)));
        }
        break;
      case F64:
        DoubleBuffer f64 = le.asDoubleBuffer();
        for (int i = 0; i < count; i++) {
          floats.put(i, (float) f64.get(i));
        }
        break;
      default:
        throw new IllegalArgumentException("cannot widen " + dtype + " to float32");
    }
    return out;
  }

  static float halfToFloat(short half) {
    int bits = half & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 0x1f) {
      // Infinity or NaN: keep the payload.
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      if (mantissa == 0) {
        return Float.intBitsToFloat(sign);
      }
      // Subnormal half: value = mantissa * 2^-24, exact in float32.
      float value = mantissa * 0x1p-24f;
      return sign == 0 ? value : -value;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }
}
