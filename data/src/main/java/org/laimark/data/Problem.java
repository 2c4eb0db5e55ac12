package org.laimark.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One programming problem in the study's JSONL format (see docs/verification.md): a stub ({@code
 * prompt}), assert lines ({@code tests}), a reference {@code solution} and its {@code entryPoint},
 * with optional metadata, calibration results and the deduction/abduction payloads. HumanEval and
 * MBPP records become problems too (see {@code org.laimark.data.benchmark}); {@code testSetupCode}
 * is code that runs after the solution and before the tests (MBPP's {@code test_setup_code},
 * HumanEval's {@code check} function).
 *
 * <p>Absent optional text is {@code null} for metadata ({@code topic}, {@code difficulty}, {@code
 * source}, {@code seedId}) and empty for code. {@code unknownFields} keeps every field this version
 * does not know, as raw JSON text, so reading and writing a file loses nothing.
 *
 * @param id a label for reports: the record's {@code id} or {@code task_id}, else the entry point
 */
public record Problem(
    String id,
    TaskType taskType,
    String prompt,
    String tests,
    String solution,
    String entryPoint,
    String testSetupCode,
    String topic,
    String difficulty,
    String source,
    String seedId,
    Calibration calibration,
    Deduction deduction,
    Abduction abduction,
    Map<String, String> unknownFields) {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public Problem {
    requireText(id, "id");
    if (taskType == null) {
      throw new IllegalArgumentException("problem_type must not be null");
    }
    prompt = prompt == null ? "" : prompt;
    tests = tests == null ? "" : tests;
    solution = solution == null ? "" : solution;
    entryPoint = entryPoint == null ? "" : entryPoint;
    testSetupCode = testSetupCode == null ? "" : testSetupCode;
    if (taskType == TaskType.INDUCTION) {
      requireText(tests, "tests");
      requireText(solution, "solution");
      requireText(entryPoint, "entry_point");
    }
    if (!entryPoint.isEmpty() && !IDENTIFIER.matcher(entryPoint).matches()) {
      throw new IllegalArgumentException(
          "entry_point must be a Python identifier, got '" + entryPoint + "'");
    }
    if ((taskType == TaskType.DEDUCTION) != (deduction != null)) {
      throw new IllegalArgumentException(
          "dd_* fields are required for, and only for, deduction problems");
    }
    if ((taskType == TaskType.ABDUCTION) != (abduction != null)) {
      throw new IllegalArgumentException(
          "ab_* fields are required for, and only for, abduction problems");
    }
    unknownFields =
        unknownFields == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(unknownFields));
  }

  /** An induction problem with no metadata; add the rest with {@link #toBuilder()}. */
  public static Problem induction(
      String id, String prompt, String tests, String solution, String entryPoint) {
    return new Builder(id, TaskType.INDUCTION)
        .prompt(prompt)
        .tests(tests)
        .solution(solution)
        .entryPoint(entryPoint)
        .build();
  }

  /**
   * The program a candidate solution is judged as: the candidate, then the test setup code (which
   * may use names the solution defines, as MBPP's does).
   */
  public String programFor(String candidateSolution) {
    return testSetupCode.isEmpty()
        ? candidateSolution
        : candidateSolution + "\n\n" + testSetupCode + "\n";
  }

  public Builder toBuilder() {
    Builder b = new Builder(id, taskType);
    b.prompt = prompt;
    b.tests = tests;
    b.solution = solution;
    b.entryPoint = entryPoint;
    b.testSetupCode = testSetupCode;
    b.topic = topic;
    b.difficulty = difficulty;
    b.source = source;
    b.seedId = seedId;
    b.calibration = calibration;
    b.deduction = deduction;
    b.abduction = abduction;
    b.unknownFields = unknownFields;
    return b;
  }

  static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must be a non-empty string");
    }
  }

  /** Builds a {@link Problem}; validation happens in {@link #build()}. */
  public static final class Builder {
    private String id;
    private TaskType taskType;
    private String prompt;
    private String tests;
    private String solution;
    private String entryPoint;
    private String testSetupCode;
    private String topic;
    private String difficulty;
    private String source;
    private String seedId;
    private Calibration calibration;
    private Deduction deduction;
    private Abduction abduction;
    private Map<String, String> unknownFields = Map.of();

    public Builder(String id, TaskType taskType) {
      this.id = id;
      this.taskType = taskType;
    }

    public Builder id(String v) {
      id = v;
      return this;
    }

    public Builder taskType(TaskType v) {
      taskType = v;
      return this;
    }

    public Builder prompt(String v) {
      prompt = v;
      return this;
    }

    public Builder tests(String v) {
      tests = v;
      return this;
    }

    public Builder solution(String v) {
      solution = v;
      return this;
    }

    public Builder entryPoint(String v) {
      entryPoint = v;
      return this;
    }

    public Builder testSetupCode(String v) {
      testSetupCode = v;
      return this;
    }

    public Builder topic(String v) {
      topic = v;
      return this;
    }

    public Builder difficulty(String v) {
      difficulty = v;
      return this;
    }

    public Builder source(String v) {
      source = v;
      return this;
    }

    public Builder seedId(String v) {
      seedId = v;
      return this;
    }

    public Builder calibration(Calibration v) {
      calibration = v;
      return this;
    }

    public Builder deduction(Deduction v) {
      deduction = v;
      return this;
    }

    public Builder abduction(Abduction v) {
      abduction = v;
      return this;
    }

    public Builder unknownFields(Map<String, String> v) {
      unknownFields = v;
      return this;
    }

    public Problem build() {
      return new Problem(
          id,
          taskType,
          prompt,
          tests,
          solution,
          entryPoint,
          testSetupCode,
          topic,
          difficulty,
          source,
          seedId,
          calibration,
          deduction,
          abduction,
          unknownFields);
    }
  }
}
