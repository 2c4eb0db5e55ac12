/**
 * Training the policy's LoRA adapter: the GRPO surrogate (with the SFT and DPO baselines of the study) on
 * plain NDArrays of log-probabilities, AdamW with a cosine schedule, global-norm clipping and gradient
 * accumulation, and checkpoints that resume a run bit for bit. The losses never log: they return their
 * statistics as records, and the caller owns the NDManager scope of a step and the one GradientCollector.
 */
package org.laimark.model.train;
