/**
 * Problem proposals: what to ask for ({@link org.laimark.actors.pipeline.proposal.ProposalSpec},
 * {@link org.laimark.actors.pipeline.proposal.ProposalPlan}), the prompt that asks it, and the
 * parser that reads the study's FUNCTION/TESTS/SOLUTION answer or names why it cannot.
 */
package org.laimark.actors.pipeline.proposal;
