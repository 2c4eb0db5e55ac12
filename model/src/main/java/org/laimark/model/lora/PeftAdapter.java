package org.laimark.model.lora;

import java.util.Map;

/**
 * An adapter as read from a PEFT folder: its config and its matrices keyed by PEFT name ({@code
 * base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight}), in file order.
 */
public record PeftAdapter(LoraConfig config, Map<String, LoraTensor> tensors) {}
