/**
 * Reports on runs, read from their run directories without changing them: {@link
 * org.laimark.report.RunReport} folds a run's journal into {@link org.laimark.report.RunFacts} and writes
 * {@code report.md} with PNG charts drawn by the small Java2D chart classes here ({@link
 * org.laimark.report.LineChart}, {@link org.laimark.report.BarChart}, {@link org.laimark.report.Histogram}),
 * which the experiment tables reuse. A simulated run is labelled SIMULATED in every title.
 */
package org.laimark.report;
