/**
 * The Pekko Streams graph that wires the stage actors into one continuous, backpressured loop
 * ({@link org.laimark.streams.CurriculumGraph}), its staged counterpart, and the daemon around them: run
 * directories and resolved configuration, sessions (resume), graceful shutdown, live progress and the
 * pipeline benchmark.
 */
package org.laimark.streams;
