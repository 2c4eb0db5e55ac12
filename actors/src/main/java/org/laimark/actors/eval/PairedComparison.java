package org.laimark.actors.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.laimark.data.io.JsonlReader;
import org.laimark.data.io.ReadResult;

/**
 * Two evaluations of the same tasks (say a base model and the same model with an adapter) compared sample
 * by sample: sample {@code i} of a task in one is set against sample {@code i} of that task in the other.
 * With the same sampling seeds (or greedy answers) the two answers start from the same random numbers, so
 * the per-task differences carry less noise than two independent pass rates, and their standard error over
 * tasks is the honest error bar of "did the adapter help".
 *
 * @param tasks tasks in both evaluations
 * @param samplesPerTask samples of each task in each evaluation
 * @param passRateA pass@1 of the first evaluation (mean over tasks of the passing share of samples)
 * @param passRateB pass@1 of the second
 * @param standardError standard error over tasks of the per-task difference B - A (0 with one task)
 * @param alike samples that pass, or fail, in both
 * @param unchanged samples whose answer is the same text in both
 * @param won samples that pass in B and fail in A
 * @param lost samples that pass in A and fail in B
 */
public record PairedComparison(
    int tasks, int samplesPerTask, double passRateA, double passRateB, double standardError,
    int alike, int unchanged, int won, int lost) {

  public double difference() {
    return passRateB - passRateA;
  }

  /** Compares the {@code results.jsonl} of two {@code laimark eval --out} folders. */
  public static PairedComparison of(Path folderA, Path folderB) {
    return of(folderA.toString(), read(folderA), folderB.toString(), read(folderB));
  }

  /**
   * @throws EvalInputException when the two do not hold the same samples of the same tasks
   */
  public static PairedComparison of(
      String labelA, List<SampleResult> a, String labelB, List<SampleResult> b) {
    Map<String, Map<Integer, SampleResult>> byTaskA = byTask(labelA, a);
    Map<String, Map<Integer, SampleResult>> byTaskB = byTask(labelB, b);
    requireSameSamples(labelA, byTaskA, labelB, byTaskB);
    requireSameSamples(labelB, byTaskB, labelA, byTaskA);
    int n = byTaskA.values().iterator().next().size();
    List<Double> differences = new ArrayList<>();
    double sumA = 0;
    double sumB = 0;
    int alike = 0;
    int unchanged = 0;
    int won = 0;
    int lost = 0;
    for (var task : byTaskA.entrySet()) {
      Map<Integer, SampleResult> samplesA = task.getValue();
      Map<Integer, SampleResult> samplesB = byTaskB.get(task.getKey());
      if (samplesA.size() != n) {
        throw new EvalInputException(labelA + ": task " + task.getKey() + " has " + samplesA.size()
            + " samples where others have " + n + " (finish the evaluation first)");
      }
      int passedA = 0;
      int passedB = 0;
      for (var sample : samplesA.entrySet()) {
        SampleResult x = sample.getValue();
        SampleResult y = samplesB.get(sample.getKey());
        passedA += x.passed() ? 1 : 0;
        passedB += y.passed() ? 1 : 0;
        alike += x.passed() == y.passed() ? 1 : 0;
        unchanged += x.completion().equals(y.completion()) ? 1 : 0;
        won += y.passed() && !x.passed() ? 1 : 0;
        lost += x.passed() && !y.passed() ? 1 : 0;
      }
      sumA += (double) passedA / n;
      sumB += (double) passedB / n;
      differences.add((double) (passedB - passedA) / n);
    }
    int tasks = byTaskA.size();
    return new PairedComparison(tasks, n, sumA / tasks, sumB / tasks, standardError(differences), alike,
        unchanged, won, lost);
  }

  private static List<SampleResult> read(Path folder) {
    Path file = folder.resolve("results.jsonl");
    if (!Files.isRegularFile(file)) {
      throw new EvalInputException(folder + ": no results.jsonl (expected a laimark eval --out folder)");
    }
    ReadResult<SampleResult> read = JsonlReader.read(file, SampleResult::fromJson);
    if (!read.errors().isEmpty()) {
      throw new EvalInputException(read.errors().stream().map(Object::toString).toList(),
          "the results file is damaged");
    }
    return read.items();
  }

  private static Map<String, Map<Integer, SampleResult>> byTask(String label, List<SampleResult> results) {
    if (results.isEmpty()) {
      throw new EvalInputException(label + ": no results to compare");
    }
    Map<String, Map<Integer, SampleResult>> byTask = new LinkedHashMap<>();
    for (SampleResult r : results) {
      if (byTask.computeIfAbsent(r.taskId(), t -> new TreeMap<>()).putIfAbsent(r.sample(), r) != null) {
        throw new EvalInputException(label + ": sample " + r.sample() + " of task " + r.taskId()
            + " appears twice");
      }
    }
    return byTask;
  }

  private static void requireSameSamples(String label, Map<String, Map<Integer, SampleResult>> one,
      String otherLabel, Map<String, Map<Integer, SampleResult>> other) {
    for (var task : one.entrySet()) {
      Map<Integer, SampleResult> there = other.get(task.getKey());
      if (there == null) {
        throw new EvalInputException(otherLabel + ": has no result for task " + task.getKey() + " of " + label
            + " (compare evaluations of the same benchmark, finished)");
      }
      for (int sample : task.getValue().keySet()) {
        if (!there.containsKey(sample)) {
          throw new EvalInputException(otherLabel + ": has no sample " + sample + " of task " + task.getKey()
              + ", which " + label + " has (compare evaluations with the same --n, finished)");
        }
      }
    }
  }

  private static double standardError(List<Double> xs) {
    int n = xs.size();
    if (n < 2) {
      return 0;
    }
    double mean = xs.stream().mapToDouble(Double::doubleValue).sum() / n;
    double squares = xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
    return Math.sqrt(squares / (n - 1) / n);
  }
}
