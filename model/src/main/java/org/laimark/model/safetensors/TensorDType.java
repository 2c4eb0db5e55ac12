package org.laimark.model.safetensors;

import ai.djl.ndarray.types.DataType;

/** The element types of the safetensors format, with their sizes. */
public enum TensorDType {
  F64(8),
  F32(4),
  F16(2),
  BF16(2),
  I64(8),
  I32(4),
  I16(2),
  I8(1),
  U8(1),
  BOOL(1);

  private final int bytes;

  TensorDType(int bytes) {
    this.bytes = bytes;
  }

  public int bytes() {
    return bytes;
  }

  /** The safetensors name for a DJL type, for writing. */
  public static TensorDType of(DataType type) {
    switch (type) {
      case FLOAT64:
        return F64;
      case FLOAT32:
        return F32;
      case FLOAT16:
        return F16;
      case INT64:
        return I64;
      case INT32:
        return I32;
      case INT8:
        return I8;
      case UINT8:
        return U8;
      case BOOLEAN:
        return BOOL;
      default:
        throw new IllegalArgumentException("no safetensors dtype for " + type);
    }
  }
}
