/**
 * The study's experiments reproduced as one command: {@link org.laimark.experiment.PaperTable} runs each
 * configuration of {@link org.laimark.experiment.StudyConfiguration#STUDY} with several seeds through the
 * same daemon as {@code laimark run}, reads each run's journal, and writes the table (mean held-out pass@1
 * with a 95% Student-t interval over seeds, the difference from the base model, the non-degenerate GRPO
 * group fraction) as markdown and a bar chart. SIMULATED runs are labelled as such.
 */
package org.laimark.experiment;
