/**
 * Training the policy's LoRA adapter: the GRPO surrogate and the study's SFT and DPO baselines on plain
 * NDArrays of log-probabilities, their trainers ({@link org.laimark.model.train.GrpoTrainer}, {@link
 * org.laimark.model.train.SftTrainer}, {@link org.laimark.model.train.DpoTrainer}), the baselines' data
 * (SFT examples from problem files, DPO pairs from JSONL, batches in a seeded resumable order), AdamW
 * with a cosine schedule, global-norm clipping and gradient accumulation, and checkpoints that resume a
 * run bit for bit. The losses never log: they return their statistics as records, and the caller owns the
 * NDManager scope of a step and the one GradientCollector.
 */
package org.laimark.model.train;
