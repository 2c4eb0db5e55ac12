package org.laimark.model.lora;

/** One adapter matrix read from disk: its shape and row-major float32 values. */
public record LoraTensor(long[] shape, float[] values) {}
