/**
 * The self-improvement loop's stage actors, each answering one request record exactly once (so a
 * stream can {@code ActorFlow.ask} it): {@link org.laimark.actors.pipeline.Generator} proposes
 * problems, {@link org.laimark.actors.pipeline.Verifier} checks them (contamination guard,
 * sandboxed reference and tests), {@link org.laimark.actors.pipeline.Deduplicator} refuses
 * near-copies, {@link org.laimark.actors.pipeline.Calibrator} keeps those the current policy solves
 * only sometimes, {@link org.laimark.actors.pipeline.Trainer} runs GRPO rounds and re-calibrates as
 * it trains, and {@link org.laimark.actors.pipeline.Evaluator} tracks held-out pass@1. All share
 * the policy through {@link org.laimark.actors.pipeline.ModelAccess}; {@link
 * org.laimark.actors.pipeline.PipelineStages} spawns and supervises them. The pure logic lives in
 * the sub-packages.
 */
package org.laimark.actors.pipeline;
