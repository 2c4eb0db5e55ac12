package org.laimark.actors.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.laimark.data.Problem;

/**
 * The totals of an evaluation, computed from every result in the results file (so a resumed run reports
 * the same numbers as an uninterrupted one): pass@k, counts per failure class and per exception type, how
 * answers were read, and which reference solutions fail. pass@k is computed only over tasks that have all
 * n samples; {@link #complete()} says whether that is every task.
 *
 * @param tasks tasks evaluated
 * @param n samples per task
 * @param samples results present for those tasks
 * @param passed results that passed
 * @param passAtK k to the mean pass@k (over complete tasks)
 * @param errorClasses count per class, every class listed
 * @param exceptionsByType count per exception type, for {@code exception} results
 * @param modes how many answers were read as full functions and as bodies
 * @param incompleteTasks tasks with fewer than n results (infrastructure errors; rerun to resume)
 * @param referenceFailures tasks whose reference solution fails, or null when references were not run
 *     (the study's harness has fixed limits and never runs them)
 */
public record EvalSummary(
    int tasks,
    int n,
    int samples,
    int passed,
    Map<Integer, Double> passAtK,
    Map<String, Long> errorClasses,
    Map<String, Long> exceptionsByType,
    Map<String, Long> modes,
    List<String> incompleteTasks,
    List<ReferenceTiming> referenceFailures) {

  public boolean complete() {
    return incompleteTasks.isEmpty();
  }

  /** Totals of {@code results} over {@code tasks}. Results of other tasks are ignored. */
  public static EvalSummary of(
      List<Problem> tasks, int n, List<Integer> ks, List<SampleResult> results,
      Map<String, ReferenceTiming> references) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    tasks.forEach(t -> counts.put(t.id(), new int[2]));
    Map<String, Long> classes = new LinkedHashMap<>();
    for (ErrorClass c : ErrorClass.values()) {
      classes.put(c.wireName(), 0L);
    }
    Map<String, Long> exceptions = new TreeMap<>();
    Map<String, Long> modes = new TreeMap<>();
    int samples = 0;
    int passed = 0;
    for (SampleResult r : results) {
      int[] count = counts.get(r.taskId());
      if (count == null) {
        continue;
      }
      count[0]++;
      samples++;
      if (r.passed()) {
        count[1]++;
        passed++;
      }
      classes.merge(r.errorClass().wireName(), 1L, Long::sum);
      modes.merge(r.mode().wireName(), 1L, Long::sum);
      if (r.errorClass() == ErrorClass.EXCEPTION) {
        exceptions.merge(r.errorType().isEmpty() ? "(unknown)" : r.errorType(), 1L, Long::sum);
      }
    }
    List<PassAtK.TaskCount> full = new ArrayList<>();
    List<String> incomplete = new ArrayList<>();
    counts.forEach((id, c) -> {
      if (c[0] >= n) {
        full.add(new PassAtK.TaskCount(id, c[0], c[1]));
      } else {
        incomplete.add(id);
      }
    });
    Map<Integer, Double> passAtK = new TreeMap<>();
    if (!full.isEmpty()) {
      ks.forEach(k -> passAtK.put(k, PassAtK.mean(full, k)));
    }
    List<ReferenceTiming> failing = references.isEmpty() ? null : references.values().stream()
        .filter(t -> t != null && !t.passed() && counts.containsKey(t.taskId())).toList();
    return new EvalSummary(tasks.size(), n, samples, passed, passAtK, classes, exceptions, modes,
        incomplete, failing);
  }

  /** The result fields of {@code summary.json} (the caller adds the run's description around them). */
  public ObjectNode toJson() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode o = json.objectNode();
    o.put("tasks", tasks);
    o.put("samples_per_task", n);
    o.put("samples", samples);
    o.put("passed", passed);
    ObjectNode pass = o.putObject("pass_at_k");
    passAtK.forEach((k, v) -> pass.put(Integer.toString(k), v));
    o.put("complete", complete());
    if (!complete()) {
      ArrayNode missing = o.putArray("incomplete_tasks");
      incompleteTasks.forEach(missing::add);
    }
    ObjectNode classes = o.putObject("error_classes");
    errorClasses.forEach(classes::put);
    ObjectNode types = o.putObject("exceptions_by_type");
    exceptionsByType.forEach(types::put);
    ObjectNode read = o.putObject("answers_read_as");
    modes.forEach(read::put);
    if (referenceFailures != null) {
      ArrayNode refs = o.putArray("reference_failures");
      referenceFailures.forEach(t -> refs.add(t.toJson()));
    }
    return o;
  }
}
