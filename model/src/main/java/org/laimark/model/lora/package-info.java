/**
 * LoRA adapters (Hu et al. 2021) as PEFT defines them: the hyper-parameters ({@link
 * org.laimark.model.lora.LoraConfig}) and the on-disk format ({@code adapter_config.json} plus
 * {@code adapter_model.safetensors} with PEFT's key names), so Python PEFT loads our adapters and
 * we load theirs. Attaching an adapter to a model lives with the model ({@code
 * Qwen3Model.attachLora}).
 */
package org.laimark.model.lora;
