package org.laimark.data.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laimark.data.Problem;
import org.laimark.data.TaskType;
import org.laimark.data.io.InvalidRecordException;

/**
 * One raw MBPP record: a one-sentence task ({@code text}), a reference program ({@code code}),
 * three assert lines ({@code testList}), optional setup code run before the tests (it may use
 * classes the code defines) and harder extra asserts ({@code challengeTestList}, present for a few
 * tasks).
 */
public record MbppTask(
    int taskId,
    String text,
    String code,
    List<String> testList,
    String testSetupCode,
    List<String> challengeTestList) {

  private static final Pattern TOP_LEVEL_DEF = Pattern.compile("(?m)^def\\s+(\\w+)\\s*\\(");
  private static final Pattern TOP_LEVEL_IMPORT = Pattern.compile("(?m)^(?:import|from)\\s.*$");
  private static final ObjectMapper JSON = new ObjectMapper();

  public MbppTask {
    testList = List.copyOf(testList);
    challengeTestList = List.copyOf(challengeTestList);
  }

  public MbppSplit split() {
    return MbppSplit.of(taskId);
  }

  /**
   * The function the tests call: MBPP has no entry-point field, so it is the top-level function of
   * {@code code} that the tests call first (in the shipped file exactly one defined function is
   * called).
   */
  public String entryPoint() {
    String tests = String.join("\n", testList);
    String best = null;
    int bestAt = Integer.MAX_VALUE;
    Matcher def = TOP_LEVEL_DEF.matcher(unixNewlines(code));
    while (def.find()) {
      Matcher call = Pattern.compile("(?<![\\w.])" + def.group(1) + "\\s*\\(").matcher(tests);
      if (call.find() && call.start() < bestAt) {
        best = def.group(1);
        bestAt = call.start();
      }
    }
    if (best == null) {
      throw new InvalidRecordException(
          "MBPP task " + taskId + ": no top-level function of 'code' is called in 'test_list'");
    }
    return best;
  }

  /**
   * As a {@link Problem}: id {@code MBPP/<task_id>}, solution = {@code code}, tests = {@code
   * test_list} joined by newlines, test setup = {@code test_setup_code} (run after the solution,
   * before the tests), prompt = a stub built from the code's imports and the entry point's
   * signature with {@code text} as its docstring. CRLF line ends become LF. {@code text} and {@code
   * challenge_test_list} are kept as unknown fields (the challenge tests are not part of the judged
   * tests, as in the MBPP paper).
   */
  public Problem toProblem() {
    String entryPoint = entryPoint();
    ArrayNode challenge = JSON.createArrayNode();
    challengeTestList.forEach(challenge::add);
    return new Problem.Builder("MBPP/" + taskId, TaskType.INDUCTION)
        .prompt(stub(entryPoint))
        .solution(unixNewlines(code))
        .tests(unixNewlines(String.join("\n", testList)))
        .testSetupCode(unixNewlines(testSetupCode))
        .entryPoint(entryPoint)
        .source("mbpp")
        .unknownFields(
            Map.of(
                "text",
                JSON.getNodeFactory().textNode(text).toString(),
                "challenge_test_list",
                challenge.toString()))
        .build();
  }

  private String stub(String entryPoint) {
    String source = unixNewlines(code);
    StringBuilder stub = new StringBuilder();
    Matcher imports = TOP_LEVEL_IMPORT.matcher(source);
    while (imports.find()) {
      stub.append(imports.group().strip()).append('\n');
    }
    if (stub.length() > 0) {
      stub.append('\n');
    }
    Matcher def = Pattern.compile("(?m)^def\\s+" + entryPoint + "\\s*\\(").matcher(source);
    def.find();
    for (String line : source.substring(def.start()).split("\n")) {
      stub.append(line.stripTrailing()).append('\n');
      if (line.strip().endsWith(":")) {
        break;
      }
    }
    String doc = text.strip().replace("\"\"\"", "'''");
    String quote = doc.contains("\\") ? "r\"\"\"" : "\"\"\"";
    return stub.append("    ").append(quote).append(doc).append("\"\"\"\n").toString();
  }

  private static String unixNewlines(String text) {
    return text.replace("\r\n", "\n");
  }
}
