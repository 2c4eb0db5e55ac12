package org.laimark.data.io;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns one JSON object (one line of a JSONL file) into a record, or says what is wrong with it.
 */
@FunctionalInterface
public interface RecordParser<T> {
  /**
   * @param line the 1-based line number, for records that derive a label from it
   * @throws InvalidRecordException (or {@link IllegalArgumentException} from a record's validation)
   *     with a message naming the field and what was expected
   */
  T parse(ObjectNode record, int line);
}
