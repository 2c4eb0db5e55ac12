/**
 * The policy model on DJL: a Qwen3 decoder ({@code qwen3}), its checkpoint files ({@code
 * safetensors}), LoRA adapters in PEFT format ({@code lora}), the tokenizer and chat template
 * ({@code tokenizer}), batched sampling with a KV cache ({@code generate}) and training ({@code
 * train}). Knows nothing of Pekko.
 *
 * <p>Dimension glossary used in shape comments: B batch, T time (new tokens), S key length (cached
 * plus new), P prompt length, C hidden, Hq query heads, Hkv key/value heads, D head dim, I
 * intermediate (MLP), V vocab, R LoRA rank, G generations per prompt.
 */
package org.laimark.model;
