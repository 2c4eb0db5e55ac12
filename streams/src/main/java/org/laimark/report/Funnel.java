package org.laimark.report;

/**
 * The acceptance funnel of a run, split by where problems came from. Written problems (the policy's, or
 * a curated dataset's) go generated → parsed → verified → deduplicated → calibrated and kept → trained;
 * derived deduction/abduction tasks are made from accepted problems and enter at calibration.
 *
 * @param generated answers to problem-writing prompts (or curated problems read); parse failures included
 * @param parsed written problems that parsed (entered the bank as proposed)
 * @param verified written problems whose reference passed their tests in the sandbox
 * @param deduplicated written problems that passed dedup, i.e. reached a calibration decision
 * @param kept written problems calibration accepted (pass rate inside the window)
 * @param trained written problems at least one GRPO round trained on
 * @param unfinished written problems abandoned by a dead session or still pending (no decision)
 */
public record Funnel(
    long generated,
    long parsed,
    long verified,
    long deduplicated,
    long kept,
    long trained,
    long unfinished,
    long derivedProposed,
    long derivedKept,
    long derivedTrained) {}
