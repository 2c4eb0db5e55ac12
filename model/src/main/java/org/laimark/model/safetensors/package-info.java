/**
 * The safetensors file format, read by memory mapping and written atomically: an 8-byte
 * little-endian header length, a JSON header (dtype, shape and data offsets of each tensor,
 * optional {@code __metadata__}), then the raw little-endian tensor bytes. Also the sharded form
 * ({@code model.safetensors.index.json}). Float32 tensors become NDArrays without a copy; BF16 and
 * F16 are widened to float32 in Java because BF16 NDArrays crash the JVM on CPU and F16 matmuls
 * crawl there.
 */
package org.laimark.model.safetensors;
