/**
 * Tasks the policy is trained on: how each type is asked ({@link
 * org.laimark.actors.pipeline.tasks.TaskPrompts}) and judged ({@link
 * org.laimark.actors.pipeline.tasks.AnswerGrader}), deduction and abduction tasks made from
 * induction problems ({@link org.laimark.actors.pipeline.tasks.TaskDeriver}), the Python-literal
 * reader that keeps model answers out of code ({@link
 * org.laimark.actors.pipeline.tasks.PythonLiteral}), and the quota that keeps the training mix of
 * types in bounds ({@link org.laimark.actors.pipeline.tasks.TaskMixQuota}).
 */
package org.laimark.actors.pipeline.tasks;
