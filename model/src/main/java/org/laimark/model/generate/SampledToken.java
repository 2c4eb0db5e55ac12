package org.laimark.model.generate;

/** A chosen token and its log-probability under the tempered, untruncated distribution. */
record SampledToken(int id, float logProb) {}
