/**
 * Evaluation you can compare with published numbers: benchmark tasks (HumanEval, MBPP, problem files), answers
 * turned into programs with their indentation intact ({@link org.laimark.actors.eval.CodeExtractor}) or, on
 * request, exactly as the original study's harness did ({@link org.laimark.actors.eval.Harness#SEED_COMPAT}),
 * scored through the {@link org.laimark.actors.sandbox.Sandbox} under time limits scaled to each reference
 * solution, classified by a failure taxonomy, and summarised with the unbiased pass@k estimator. Runs are
 * resumable from their results file. The contamination guard ({@link
 * org.laimark.actors.eval.ContaminationGuard}) keeps problems too close to a benchmark out of training, and
 * {@link org.laimark.actors.eval.EvaluationSplitGuard} refuses training on an evaluation split.
 */
package org.laimark.actors.eval;
