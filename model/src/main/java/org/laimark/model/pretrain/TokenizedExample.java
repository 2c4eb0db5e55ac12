package org.laimark.model.pretrain;

/**
 * A pre-training example as token ids: the rendered prompt and the completion, tokenized separately as
 * the generator sees them at run time (prompt ids first, then the ids it produces).
 */
public record TokenizedExample(PretrainExample.Kind kind, int[] promptIds, int[] completionIds) {

  public TokenizedExample {
    if (promptIds.length == 0 || completionIds.length == 0) {
      throw new IllegalArgumentException("an example needs a prompt and a completion");
    }
  }

  public int length() {
    return promptIds.length + completionIds.length;
  }
}
