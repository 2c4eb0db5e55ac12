package org.laimark.data.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * What a reader got out of one file: the records it read (in file order, with their lines) and one
 * error per line it could not read. Both may be non-empty: a bad line never hides the good ones.
 */
public record ReadResult<T>(String file, List<Located<T>> located, List<LineError> errors) {

  public ReadResult {
    located = List.copyOf(located);
    errors = List.copyOf(errors);
  }

  /** The records without their line numbers. */
  public List<T> items() {
    return located.stream().map(Located::value).toList();
  }

  public boolean clean() {
    return errors.isEmpty();
  }

  /**
   * Converts every record; a conversion that throws {@link InvalidRecordException} or {@link
   * IllegalArgumentException} becomes an error for that record's line.
   */
  public <R> ReadResult<R> map(Function<T, R> conversion) {
    List<Located<R>> converted = new ArrayList<>();
    List<LineError> allErrors = new ArrayList<>(errors);
    for (Located<T> item : located) {
      try {
        converted.add(new Located<>(item.line(), conversion.apply(item.value())));
      } catch (InvalidRecordException | IllegalArgumentException e) {
        allErrors.add(new LineError(file, item.line(), e.getMessage()));
      }
    }
    allErrors.sort(Comparator.comparingInt(LineError::line));
    return new ReadResult<>(file, converted, allErrors);
  }
}
