package org.laimark.model.safetensors;

import java.util.Arrays;

/**
 * One tensor's header entry: its dtype, shape, and byte range {@code [begin, end)} relative to the
 * start of the data section.
 */
public record TensorEntry(String name, TensorDType dtype, long[] shape, long begin, long end) {

  public long elementCount() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  public long byteSize() {
    return end - begin;
  }

  public String shapeText() {
    return Arrays.toString(shape);
  }
}
