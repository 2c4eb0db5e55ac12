/**
 * Making the embedded model from nothing: the pre-training corpus (the procedural domain's problems as
 * chat examples of problem writing, problem solving, deduction and abduction), a byte-level BPE tokenizer
 * trained in Java and written as a standard {@code tokenizer.json}, the supervised pre-training loop from
 * random initialisation, its loss curve, and the model card that says how the model was made.
 */
package org.laimark.model.pretrain;
