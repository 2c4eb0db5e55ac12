/**
 * Throughput measurements behind {@code laimark bench model}: the CPU's float32 matmul peak through DJL,
 * prefill and decode tokens/s, and training tokens/s with the FLOPs they imply, all measured in one run so
 * that the ratios are comparable on a machine shared with other work.
 */
package org.laimark.model.train.bench;
