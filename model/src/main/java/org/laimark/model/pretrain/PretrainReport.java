package org.laimark.model.pretrain;

/**
 * What a pre-training run did, for the model card and the command's summary.
 *
 * @param examples pre-training examples (before dropping over-long ones)
 * @param droppedExamples examples longer than the context, left out
 * @param tokensSeen sequence tokens run through the model (prompts and completions)
 * @param completionTokensSeen tokens trained on
 * @param finalLoss mean loss of the last 50 steps
 * @param seconds wall time of the training loop
 * @param parameters weights of the model
 * @param vocabularySize tokens the trained tokenizer has (the preset's size unless BPE ran out of pairs)
 */
public record PretrainReport(
    int examples,
    int droppedExamples,
    int stepsDone,
    long tokensSeen,
    long completionTokensSeen,
    double firstLoss,
    double finalLoss,
    double seconds,
    long parameters,
    int vocabularySize) {}
