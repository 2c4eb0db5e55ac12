// How much memory does the prefill of one generation batch take, with and without the prefill budget?
// Measures the numbers in docs/model-training.md ("Generation batches and the prefill's memory").
//
// A single-file program over the project's jar (build it first: ./laimark --help):
//
//   java -Dai.djl.offline=true -cp streams/target/laimark.jar docs/analysis/PrefillMemory.java \
//       MODEL_DIR LINES BATCH (whole | budget)
//
// BATCH chat prompts of LINES lines of `assert f([1, 2, 3]) == 6` (~12 tokens a line) are sampled for 8 new
// tokens: "whole" as one batch, "budget" cut into batches as DjlPolicy cuts them (PrefillBudget, 2 GiB).
// Prints the prompt length, the batches, the process's peak resident memory (VmHWM) and the wall time.
// Peak memory only grows within a process, so run each case in its own JVM, side by side.

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.laimark.model.ComputeThreads;
import org.laimark.model.generate.Generator;
import org.laimark.model.generate.PrefillBudget;
import org.laimark.model.generate.PromptRequest;
import org.laimark.model.policy.ChatMessage;
import org.laimark.model.policy.SamplingParams;
import org.laimark.model.qwen3.Qwen3Model;
import org.laimark.model.tokenizer.Qwen3Tokenizer;

public class PrefillMemory {

  public static void main(String[] args) throws Exception {
    if (args.length != 4 || !(args[3].equals("whole") || args[3].equals("budget"))) {
      System.err.println("usage: MODEL_DIR LINES BATCH (whole | budget)");
      System.exit(2);
    }
    Path modelDir = Path.of(args[0]);
    int lines = Integer.parseInt(args[1]);
    int batch = Integer.parseInt(args[2]);
    ComputeThreads.configure(Integer.getInteger("threads", 2));
    try (NDManager manager = NDManager.newBaseManager();
        Qwen3Model model = Qwen3Model.load(modelDir, manager);
        Qwen3Tokenizer tokenizer = Qwen3Tokenizer.load(modelDir)) {
      int[] prompt =
          tokenizer.encodeChat(List.of(ChatMessage.user("assert f([1, 2, 3]) == 6\n".repeat(lines))), true, null);
      List<PromptRequest> requests = new ArrayList<>();
      for (int i = 0; i < batch; i++) {
        requests.add(new PromptRequest(prompt, new SamplingParams(1.0, 1.0, 0, 8, i), tokenizer.stopTokenIds()));
      }
      int[] lengths = new int[batch];
      java.util.Arrays.fill(lengths, prompt.length);
      List<Integer> sizes = args[3].equals("whole") ? List.of(batch)
          : new PrefillBudget(model.config(), batch, PrefillBudget.DEFAULT_BYTES).batchSizes(lengths);
      Generator generator = new Generator(model, tokenizer);
      long start = System.nanoTime();
      int from = 0;
      for (int size : sizes) {
        generator.generate(requests.subList(from, from + size));
        from += size;
      }
      System.out.printf(Locale.ROOT, "%d prompts of %d tokens, %s batches %s: peak RSS %d MB, %.1f s%n", batch,
          prompt.length, args[3], sizes, peakRssMb(), (System.nanoTime() - start) / 1e9);
    }
  }

  private static long peakRssMb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }
}
