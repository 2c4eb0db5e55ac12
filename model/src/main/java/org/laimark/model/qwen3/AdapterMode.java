package org.laimark.model.qwen3;

/**
 * How LoRA branches behave in one forward pass: off entirely (the frozen reference policy), and
 * with or without dropout (training).
 */
record AdapterMode(boolean adapterEnabled, boolean training) {}
