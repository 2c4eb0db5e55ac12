package org.laimark.actors.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;
import org.laimark.data.benchmark.MbppSplit;
import org.laimark.data.benchmark.MbppTask;
import org.laimark.data.io.Datasets;
import org.laimark.data.io.Located;
import org.laimark.data.io.ProblemFiles;
import org.laimark.data.io.ProblemFormat;
import org.laimark.data.io.ReadResult;
import org.laimark.data.io.UnknownFormatException;

/**
 * Task sets by name: {@code humaneval} (164 tasks, split {@code test}), {@code mbpp} with its standard
 * split by task id ({@code test} = 11–510 by default, {@code validation}, {@code train}, {@code prompt},
 * or {@code all}), or a problem file in any format the data module reads (split {@code all}). The shipped
 * datasets come from the classpath, so evaluation needs nothing outside the jar.
 */
public final class Benchmarks {

  /** A loaded task set and how to name it. */
  public record TaskSet(String benchmark, String split, List<Problem> tasks) {
    public TaskSet {
      tasks = List.copyOf(tasks);
    }

    /** "the mbpp test split", for messages. */
    public String describe() {
      return "the " + benchmark + " " + split + " split";
    }
  }

  private Benchmarks() {}

  /**
   * @param split {@code null} for the benchmark's default
   * @throws EvalInputException naming the benchmark, split, or file and line that is wrong
   */
  public static TaskSet load(String benchmark, String split) {
    String name = benchmark.toLowerCase(Locale.ROOT);
    if (name.equals("humaneval")) {
      if (split != null && !split.equals("test")) {
        throw new EvalInputException("--split " + split + ": HumanEval has only the test split");
      }
      return new TaskSet("humaneval", "test", checked(Datasets.problems(ProblemFormat.HUMANEVAL)));
    }
    if (name.equals("mbpp")) {
      String s = split == null ? "test" : split.toLowerCase(Locale.ROOT);
      return new TaskSet("mbpp", s, mbpp(s));
    }
    Path file = Path.of(benchmark);
    if (!Files.isRegularFile(file)) {
      throw new EvalInputException("--benchmark " + benchmark
          + ": expected humaneval, mbpp, or an existing problem file (JSONL)");
    }
    if (split != null && !split.equals("all")) {
      throw new EvalInputException("--split " + split + ": a problem file has no splits (use all)");
    }
    return new TaskSet(file.toString(), "all", fromFile(file));
  }

  /** MBPP tasks of one split ({@code all} for every task). */
  static List<Problem> mbpp(String split) {
    MbppSplit wanted = null;
    if (!split.equals("all")) {
      for (MbppSplit s : MbppSplit.values()) {
        if (s.name().equalsIgnoreCase(split)) {
          wanted = s;
        }
      }
      if (wanted == null) {
        throw new EvalInputException("--split " + split
            + ": MBPP splits are test (11-510), validation (511-600), train (601-974), prompt (1-10), all");
      }
    }
    ReadResult<MbppTask> raw = Datasets.mbpp();
    List<Problem> tasks = new ArrayList<>();
    for (MbppTask task : raw.items()) {
      if (wanted == null || task.split() == wanted) {
        tasks.add(task.toProblem());
      }
    }
    if (!raw.clean()) {
      throw new EvalInputException(raw.errors().stream().map(Object::toString).toList(),
          "the shipped MBPP file is damaged; rebuild the jar");
    }
    return tasks;
  }

  static List<Problem> fromFile(Path file) {
    ReadResult<Problem> read;
    try {
      read = ProblemFiles.read(file, null);
    } catch (UnknownFormatException e) {
      throw new EvalInputException(e.getMessage());
    }
    List<String> errors = new ArrayList<>();
    read.errors().forEach(e -> errors.add(e.toString()));
    Map<String, Integer> firstLine = new HashMap<>();
    List<Problem> tasks = new ArrayList<>();
    for (Located<Problem> p : read.located()) {
      Problem problem = p.value();
      String at = file + ":" + p.line() + ": ";
      if (problem.taskType() != TaskType.INDUCTION) {
        errors.add(at + "problem_type " + problem.taskType().wireName()
            + " cannot be evaluated as function completion (only induction problems can)");
        continue;
      }
      Integer first = firstLine.putIfAbsent(problem.id(), p.line());
      if (first != null) {
        errors.add(at + "duplicate problem id '" + problem.id() + "' (first at line " + first
            + "); give each problem a unique id or task_id");
        continue;
      }
      tasks.add(problem);
    }
    if (!errors.isEmpty()) {
      throw new EvalInputException(errors, "fix the problem file; nothing was evaluated");
    }
    return tasks;
  }

  private static List<Problem> checked(ReadResult<Problem> read) {
    if (!read.clean()) {
      throw new EvalInputException(read.errors().stream().map(Object::toString).toList(),
          "the shipped dataset is damaged; rebuild the jar");
    }
    return read.items();
  }
}
