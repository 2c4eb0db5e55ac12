package org.laimark.model.qwen3;

import ai.djl.ndarray.NDArray;

/**
 * The low-rank update PEFT adds to a linear layer: {@code lora_B(lora_A(dropout(x))) * alpha / r},
 * with A: (R, in) and B: (out, R). The arrays are the trainable parameters themselves.
 */
record LoraBranch(NDArray a, NDArray b, float scaling, float dropout) {}
