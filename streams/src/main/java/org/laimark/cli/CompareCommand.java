package org.laimark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.laimark.actors.eval.EvalInputException;
import org.laimark.actors.eval.PairedComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code laimark compare A B}: two {@code laimark eval --out} folders of the same benchmark compared sample
 * by sample ({@link PairedComparison}): both pass@1s, their difference with its standard error over tasks,
 * and how many answers changed, were won and were lost.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Compare two evaluations of the same benchmark (laimark eval --out folders) sample by sample:"
        + " pass@1 of each, the paired difference with its standard error over tasks, answers won and lost.")
public final class CompareCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", paramLabel = "A", description = "The baseline's eval folder (e.g. the base model).")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "The eval folder compared with it (e.g. with an adapter).")
  Path b;

  @Override
  public Integer call() {
    JsonNode runA = runFile(a);
    JsonNode runB = runFile(b);
    String benchmarkA = runA.path("benchmark").asText();
    String benchmarkB = runB.path("benchmark").asText();
    if (!Path.of(benchmarkA).getFileName().equals(Path.of(benchmarkB).getFileName())) {
      throw new UserInputException(b + "/run.json: benchmark " + benchmarkB + ", but " + a + " evaluated "
          + benchmarkA + " (compare evaluations of the same benchmark)");
    }
    PairedComparison c;
    try {
      c = PairedComparison.of(a, b);
    } catch (EvalInputException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    int samples = c.tasks() * c.samplesPerTask();
    System.out.printf(Locale.ROOT, "laimark compare: %s, %d tasks x %d sample%s, paired by task and sample%n",
        benchmarkA, c.tasks(), c.samplesPerTask(), c.samplesPerTask() == 1 ? "" : "s");
    System.out.printf(Locale.ROOT, "pass@1: A %.2f%%  B %.2f%%  B - A %+.2f points +- %.2f (standard error over"
        + " tasks)%n", 100 * c.passRateA(), 100 * c.passRateB(), 100 * c.difference(), 100 * c.standardError());
    System.out.printf(Locale.ROOT, "samples: %d of %d pass or fail alike, %d answers unchanged; B won %d, lost %d%n",
        c.alike(), samples, c.unchanged(), c.won(), c.lost());
    JsonNode samplingA = runA.path("source").path("sampling");
    JsonNode samplingB = runB.path("source").path("sampling");
    boolean sampled = samplingA.path("temperature").asDouble() > 0 || samplingB.path("temperature").asDouble() > 0;
    if (sampled && !Objects.equals(samplingA.path("seed").asText(), samplingB.path("seed").asText())) {
      System.out.println("note: the sampling seeds differ (" + samplingA.path("seed").asText() + ", "
          + samplingB.path("seed").asText() + "): samples are not paired by their random numbers, so"
          + " 'alike' and 'unchanged' mean little; the per-task difference still holds");
    }
    return 0;
  }

  private static JsonNode runFile(Path folder) {
    Path file = folder.resolve("run.json");
    if (!Files.isRegularFile(file)) {
      throw new UserInputException(folder + ": no run.json (expected a laimark eval --out folder)");
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UserInputException(file + ": not readable JSON: " + e.getMessage(), e);
    }
  }
}
