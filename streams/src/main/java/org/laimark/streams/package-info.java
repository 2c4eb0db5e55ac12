/** The Pekko Streams graph that wires the actors into one continuous, backpressured loop. */
package org.laimark.streams;
