/**
 * Verification of problems before anything learns from them (the study's stage-1 check, done
 * properly): the reference solution must pass its tests in every {@link
 * org.laimark.actors.verify.World} (hash seeds and wall clocks moved by hours and days), the tests
 * must judge the same program the same way in all of them, and they must reject trivial wrong
 * solutions ({@link org.laimark.actors.verify.TrivialSolution}). {@link
 * org.laimark.actors.verify.ProblemVerifier} runs the jobs through any {@link
 * org.laimark.actors.sandbox.Sandbox}; {@link org.laimark.actors.verify.VerdictReading} turns the
 * verdicts into a {@link org.laimark.actors.verify.Verification}. docs/verification.md has the
 * rules and findings.
 */
package org.laimark.actors.verify;
