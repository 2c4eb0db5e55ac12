/**
 * The project's data: problem and verdict records, and readers/writers for the study's JSONL problem
 * format, raw HumanEval and raw MBPP. Nothing here runs code or knows about models or actors.
 */
package org.laimark.data;
