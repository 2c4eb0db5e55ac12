package org.laimark.data.io;

/** A record read from a file, with the 1-based line it came from (for reports and resumption). */
public record Located<T>(int line, T value) {}
