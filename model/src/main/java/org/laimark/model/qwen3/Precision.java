package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Casts of activations that keep the autograd graph. DJL's {@code toType} cuts it (measured: a loss
 * computed after a {@code toType} has no gradient), so upcasts use PyTorch's type promotion (adding a
 * one-element float32 zero vector: a dimensioned operand takes part in promotion) and downcasts an
 * in-place add into a zero tensor of the narrower type. Both are the identity, and free, when the array
 * already has the wanted type, so the float32 model computes exactly what it did before half precision.
 */
final class Precision {

  private Precision() {}

  static boolean isHalf(DataType type) {
    return type == DataType.FLOAT16 || type == DataType.BFLOAT16;
  }

  /** x as float32, gradient flowing through (e.g. RMSNorm and softmax in float32, as transformers). */
  static NDArray toFloat32(NDArray x) {
    if (x.getDataType() == DataType.FLOAT32) {
      return x;
    }
    return x.add(x.getManager().zeros(new Shape(1), DataType.FLOAT32));
  }

  /** x as {@code type} (float32 or a half type), gradient flowing through. */
  static NDArray cast(NDArray x, DataType type) {
    if (x.getDataType() == type) {
      return x;
    }
    if (type == DataType.FLOAT32) {
      return toFloat32(x);
    }
    NDArray narrow = x.getManager().zeros(x.getShape(), type);
    return narrow.addi(x);
  }
}
