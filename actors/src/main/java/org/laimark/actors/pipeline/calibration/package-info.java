/**
 * The learnability window and the sequential (adaptive-K) calibration rule, plus the measurement
 * that compares its sample cost and decisions with fixed K.
 */
package org.laimark.actors.pipeline.calibration;
