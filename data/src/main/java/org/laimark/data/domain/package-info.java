/**
 * The embedded model's procedural domain: Python function problems built by composing small list, string
 * and number operations ({@link org.laimark.data.domain.Primitive}), each with a docstring carrying
 * {@code >>>} examples, assert tests and a reference solution. Expected values are computed here in Java:
 * each primitive's Java semantics is its definition, and its Python expression is written to match it
 * (a test runs generated problems through CPython to prove they agree). Difficulty is the number of
 * composed operations. {@link org.laimark.data.domain.DomainSplits} cuts the domain into a pre-training
 * pool, a curated training set and a held-out benchmark ("mini-HumanEval") that shares no composition,
 * entry point or near-duplicate docstring with the rest. Everything is deterministic for a seed.
 */
package org.laimark.data.domain;
