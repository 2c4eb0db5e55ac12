package org.laimark.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.data.io.ReadResult;
import org.laimark.model.policy.ChatMessage;
import org.laimark.model.tokenizer.Qwen3Tokenizer;

/** Reading SFT examples and DPO pairs with the fixture's tokenizer and chat template. */
@Tag("fixture")
class SupervisedExamplesTest {

  private static final Path FIXTURE =
      Path.of(System.getProperty("laimark.shared", "../../shared"), "fixtures", "qwen3-tiny-a");

  @TempDir Path dir;

  @Test
  void aProblemIsAskedAsTheEvaluatorAsksAndAnsweredWithItsBodyAndTheStopToken() throws IOException {
    Path file =
        write(
            "{\"prompt\": \"def inc(x):\\n    \\\"\\\"\\\"x + 1\\\"\\\"\\\"\\n\", \"tests\": \"assert inc(1) == 2\","
                + " \"solution\": \"def inc(x):\\n    return x + 1\", \"entry_point\": \"inc\"}",
            "{\"prompt\": 5}",
            "{\"problem_type\": \"deduction\", \"prompt\": \"\", \"dd_code\": \"def g(x):\\n    return x\","
                + " \"dd_func_name\": \"g\", \"dd_input\": \"1\", \"dd_expected\": \"1\"}");
    try (Qwen3Tokenizer tokenizer = Qwen3Tokenizer.load(FIXTURE)) {
      ReadResult<SupervisedExample> read =
          SupervisedExamples.read(file, tokenizer, "Be careful.", "Complete:\n{stub}", 512);

      assertEquals(1, read.items().size());
      SupervisedExample example = read.items().get(0);
      int[] prompt =
          tokenizer.encodeChat(
              List.of(
                  ChatMessage.system("Be careful."),
                  ChatMessage.user("Complete:\ndef inc(x):\n    \"\"\"x + 1\"\"\"\n")),
              true,
              null);
      assertArrayEquals(prompt, example.promptIds());
      int[] completion = example.completionIds();
      assertEquals(tokenizer.eosTokenId(), completion[completion.length - 1]);
      assertEquals("    return x + 1", tokenizer.decode(Arrays.copyOf(completion, completion.length - 1)));
      assertEquals(2, read.errors().size(), read.errors().toString());
      assertEquals(2, read.errors().get(0).line());
      assertEquals(3, read.errors().get(1).line());
      String third = read.errors().get(1).toString();
      assertTrue(third.startsWith(file + ":3: SFT needs a programming problem"), third);
    }
  }

  @Test
  void examplesLongerThanTheLimitAreReportedNotTruncated() throws IOException {
    Path file =
        write("{\"prompt\": \"def f():\\n\", \"solution\": \"def f():\\n    return 1\", \"tests\": \"assert f() == 1\","
            + " \"entry_point\": \"f\"}");
    try (Qwen3Tokenizer tokenizer = Qwen3Tokenizer.load(FIXTURE)) {
      ReadResult<SupervisedExample> read = SupervisedExamples.read(file, tokenizer, "", "{stub}", 5);

      assertTrue(read.items().isEmpty());
      assertTrue(read.errors().get(0).message().contains("more than the limit of 5"), read.errors().toString());
    }
  }

  @Test
  void preferencePairsTakeAStringOrChatPromptAndReportBadLines() throws IOException {
    Path file =
        write(
            "{\"prompt\": \"Say yes.\", \"chosen\": \"yes\", \"rejected\": \"no\"}",
            "{\"prompt\": [{\"role\": \"user\", \"content\": \"Say yes.\"}], \"chosen\": \"yes\", \"rejected\": \"no\"}",
            "{\"prompt\": \"Say yes.\", \"chosen\": \"yes\", \"rejected\": \" \"}");
    try (Qwen3Tokenizer tokenizer = Qwen3Tokenizer.load(FIXTURE)) {
      ReadResult<PreferencePair> read = PreferencePairs.read(file, tokenizer, 512);

      assertEquals(2, read.items().size());
      assertArrayEquals(read.items().get(0).promptIds(), read.items().get(1).promptIds());
      int[] chosen = read.items().get(0).chosenIds();
      assertEquals(tokenizer.eosTokenId(), chosen[chosen.length - 1]);
      assertEquals(
          file + ":3: fields chosen and rejected must not be blank", read.errors().get(0).toString());
    }
  }

  private Path write(String... lines) throws IOException {
    return Files.write(dir.resolve("data.jsonl"), List.of(lines));
  }
}
