/**
 * The two public benchmarks in their own formats — HumanEval ({@code HumanEval.jsonl.gz}) and MBPP
 * ({@code mbpp.jsonl}) — with readers, and the conversion of their records into the project's
 * {@link org.laimark.data.Problem}, so the verifier, the calibrator and the evaluator handle every
 * source alike. docs/verification.md explains how each benchmark's tests become a problem's tests.
 */
package org.laimark.data.benchmark;
