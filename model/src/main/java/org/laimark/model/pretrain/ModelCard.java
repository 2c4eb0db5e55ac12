package org.laimark.model.pretrain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.laimark.model.qwen3.Qwen3Config;

/**
 * The model directory's {@code README.md} in Hugging Face's model-card layout: what the model is, its
 * configuration, data, training (steps, tokens, loss and the curve), held-out pass@1, the prompts it knows,
 * and the exact command that reproduces it.
 */
public record ModelCard(String name, PretrainSettings settings, PretrainPrompts prompts, PretrainReport report,
    HeldOutScore score, String command, int threads) {

  public void write(Path directory) {
    Path file = directory.resolve("README.md");
    try {
      Files.writeString(file, render());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write the model card (" + e.getMessage() + ")", e);
    }
  }

  public String render() {
    Qwen3Config c = settings.shape().config(report.vocabularySize());
    StringBuilder out = new StringBuilder();
    out.append("---\nlicense: apache-2.0\nlibrary_name: transformers\npipeline_tag: text-generation\n")
        .append("tags: [laimark, qwen3, code, python]\n---\n\n");
    out.append("# ").append(name).append("\n\n")
        .append("A small Qwen3-architecture model that writes and solves short Python function problems,\n")
        .append("made from random initialisation by `laimark pretrain` on the project's procedural domain\n")
        .append("(compositions of list, string and number operations). It is the default policy of\n")
        .append("`laimark run`: weak enough that a self-generated curriculum has something to teach it.\n")
        .append("It knows only this domain and the prompts below.\n\n");
    out.append("## Configuration\n\n| key | value |\n|---|---|\n");
    row(out, "architecture", c.architecture());
    row(out, "parameters", String.format(Locale.ROOT, "%,d", report.parameters()));
    row(out, "hidden / intermediate", c.hiddenSize() + " / " + c.intermediateSize());
    row(out, "layers", Integer.toString(c.numHiddenLayers()));
    row(out, "heads (query / key-value) × head_dim",
        c.numAttentionHeads() + " / " + c.numKeyValueHeads() + " × " + c.headDim());
    row(out, "vocabulary", c.vocabSize() + " (byte-level BPE trained by the project; 3 special tokens)");
    row(out, "context", Integer.toString(c.maxPositionEmbeddings()));
    row(out, "tied embeddings", Boolean.toString(c.tieWordEmbeddings()));
    out.append("\n## Data\n\n")
        .append(String.format(Locale.ROOT, "Domain seed %d: %,d pre-training problems → %,d examples"
            + " (solve, write, deduce, abduce; %,d longer than the context left out). The held-out"
            + " benchmark (`%s`, %d"
            + " problems, difficulty 2–4) and the curated set (`%s`, %d problems) are never trained on; no"
            + " pre-training problem shares a composition, an entry point or a near-duplicate docstring with"
            + " the benchmark.\n",
            settings.splits().seed(), settings.splits().pretrain(), report.examples(), report.droppedExamples(),
            PretrainRun.HELD_OUT_FILE, settings.splits().heldOut(), PretrainRun.CURATED_FILE,
            settings.splits().curated()));
    out.append("\n## Training\n\n| key | value |\n|---|---|\n");
    row(out, "steps × batch", report.stepsDone() + " × " + settings.batchSize() + " examples");
    row(out, "tokens (sequence / trained)", String.format(Locale.ROOT, "%,d / %,d", report.tokensSeen(),
        report.completionTokensSeen()));
    row(out, "optimizer", String.format(Locale.ROOT, "AdamW (0.9, 0.95), peak lr %.1e, %.0f%% warm-up, cosine,"
        + " weight decay %.2f, clip %.1f", settings.peakLearningRate(), 100 * settings.warmupFraction(),
        settings.weightDecay(), settings.maxGradNorm()));
    row(out, "loss (first step → mean of last 50)",
        String.format(Locale.ROOT, "%.3f → %.3f", report.firstLoss(), report.finalLoss()));
    row(out, "wall time", String.format(Locale.ROOT, "%.1f min on %d threads", report.seconds() / 60, threads));
    out.append("\n![loss curve](").append(PretrainRun.LOSS_PNG).append(")  (per step: `")
        .append(PretrainRun.LOSS_CSV).append("`)\n");
    out.append("\n## Evaluation\n\n");
    if (score == null) {
      out.append("Not evaluated (the run was made with evaluation off).\n");
    } else {
      out.append(String.format(Locale.ROOT, "Held-out pass@1 (greedy, one sample, answers run in the"
          + " sandbox): **%.1f%%** (%d/%d).\n\n| difficulty | passed |\n|---|---|\n",
          100 * score.passAt1(), score.passed(), score.total()));
      for (Map.Entry<Integer, int[]> e : score.byDifficulty().entrySet()) {
        int[] cell = e.getValue();
        out.append("| ").append(e.getKey()).append(" | ").append(cell[0]).append('/').append(cell[1])
            .append(" |\n");
      }
    }
    out.append("\n## Prompts\n\nSystem: `").append(prompts.system()).append("`\n\n")
        .append("Solve (user): `").append(prompts.solve().replace("\n", "\\n")).append("`\n\n")
        .append("Write (user): `").append(prompts.write()).append("`\n\n")
        .append("Deduce (user): `").append(prompts.deduce().replace("\n", "\\n")).append("`\n\n")
        .append("Abduce (user): `").append(prompts.abduce().replace("\n", "\\n")).append("`\n");
    out.append("\n## Reproduce\n\n```bash\n").append(command).append("\n```\n");
    return out.toString();
  }

  private static void row(StringBuilder out, String key, String value) {
    out.append("| ").append(key).append(" | ").append(value).append(" |\n");
  }
}
