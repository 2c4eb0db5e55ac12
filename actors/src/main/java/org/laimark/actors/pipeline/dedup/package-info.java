/**
 * The study's duplicate test: same entry point, or docstring word n-gram Jaccard above a threshold.
 */
package org.laimark.actors.pipeline.dedup;
