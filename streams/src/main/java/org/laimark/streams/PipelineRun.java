package org.laimark.streams;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** A running pipeline (continuous or staged): completes when drained; {@code abort} drops in-flight work. */
public record PipelineRun(CompletionStage<Done> done, Runnable abort) {}
