/**
 * Sampling from the model: batched prefill and decode over a {@link
 * org.laimark.model.qwen3.KvCache} with left padding, and token choice in Java (greedy,
 * temperature, top-k, top-p) with one seeded random stream per request, so a request's output does
 * not depend on what it was batched with.
 */
package org.laimark.model.generate;
