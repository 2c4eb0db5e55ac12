/**
 * The SIMULATED workload: real problems from the procedural domain, the simulated policy that writes and
 * answers them, and a simulated sandbox that judges answers by the known references. For tests, the kill
 * test and {@code laimark bench pipeline}; everything it reports says SIMULATED.
 */
package org.laimark.streams.simulated;
