/**
 * The durable curriculum: the {@link org.laimark.actors.bank.CurriculumBank} actor, the append-only journal
 * it writes (length-prefixed, CRC32-checked, fsynced Kryo records; a torn tail is cut with a warning, damage
 * in the middle is an error), its snapshots, the strict fold of events into the bank's state, and the audit
 * that replays a run's files against the journal's invariants. docs/pipeline.md explains the design.
 */
package org.laimark.actors.bank;
