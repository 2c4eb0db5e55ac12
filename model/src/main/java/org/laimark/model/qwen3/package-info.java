/**
 * The Qwen3 decoder in DJL NDArray operations, reference-implementation style: one class per block
 * ({@link org.laimark.model.qwen3.Qwen3Attention}, {@link org.laimark.model.qwen3.Qwen3Mlp}, {@link
 * org.laimark.model.qwen3.RmsNorm}, {@link org.laimark.model.qwen3.DecoderBlock}), fields named as
 * the Hugging Face state dict, a shape comment after each reshape, and a {@link
 * org.laimark.model.qwen3.KvCache} for decoding. Also covers the Qwen2 and Llama decoders (optional
 * q/k norm and attention biases). Runs in float32, or with float16/bfloat16 weights ({@link
 * org.laimark.model.qwen3.ModelDType}, meant for a GPU) while norms, softmax and logits stay float32
 * ({@link org.laimark.model.qwen3.Precision}); results of a forward pass land in the NDManager of its
 * input.
 */
package org.laimark.model.qwen3;
