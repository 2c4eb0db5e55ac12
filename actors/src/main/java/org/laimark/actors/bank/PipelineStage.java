package org.laimark.actors.bank;

/** Where in the pipeline a problem was rejected. */
public enum PipelineStage {
  GENERATE,
  VERIFY,
  DEDUP,
  CALIBRATE
}
