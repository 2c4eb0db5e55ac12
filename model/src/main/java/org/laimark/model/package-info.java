/**
 * The policy model on DJL: a Qwen3 decoder, its tokenizer, sampling, LoRA and training. Knows nothing of
 * Pekko. Dimension glossary: B batch, T time, C hidden, Hq query heads, Hkv key/value heads, D head dim,
 * V vocab, G generations per prompt.
 */
package org.laimark.model;
