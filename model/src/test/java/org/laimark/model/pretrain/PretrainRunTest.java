package org.laimark.model.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.data.io.ProblemJsonl;
import org.laimark.model.tokenizer.Qwen3Tokenizer;
import org.laimark.model.train.TrainableLm;

/**
 * The whole pre-training path into a model directory, with a TOY model standing in for Qwen3 (labelled):
 * splits, tokenizer, tokenization, the training loop, the loss curve and the card.
 */
class PretrainRunTest {

  @Test
  void writesSplitsTokenizerLossCurveAndCardIntoTheModelDirectory(@TempDir Path dir) throws Exception {
    PretrainSettings settings =
        PretrainSettings.SMOKE.withSteps(6).withSplits(new org.laimark.data.domain.SplitSizes(3, 20, 20, 60));
    int[] vocabularySeen = {0};
    try (NDManager manager = NDManager.newBaseManager()) {
      PretrainRun run = new PretrainRun(settings, PretrainPrompts.DEFAULT, dir, new PretrainRun.Listener() {
        @Override
        public void phase(String description) {}

        @Override
        public void step(PretrainLoop.StepResult result, LossCurve.Point point, int totalSteps) {}
      });

      PretrainReport report = run.run(vocabulary -> {
        vocabularySeen[0] = vocabulary;
        return toy(vocabulary, manager);
      });
      new ModelCard("toy", settings, PretrainPrompts.DEFAULT, report, null, "laimark pretrain --preset smoke", 2)
          .write(dir);

      assertEquals(settings.vocabularySize(), vocabularySeen[0]);
      assertEquals(settings.splits().heldOut(), ProblemJsonl.read(dir.resolve("heldout.jsonl")).items().size());
      assertEquals(settings.splits().curated(), ProblemJsonl.read(dir.resolve("curated.jsonl")).items().size());
      List<String> csv = Files.readAllLines(dir.resolve("loss.csv"));
      assertEquals(LossCurve.HEADER, csv.get(0));
      assertEquals(1 + 6, csv.size());
      BufferedImage png = ImageIO.read(dir.resolve("loss.png").toFile());
      assertEquals(900, png.getWidth());
      assertEquals(6, report.stepsDone());
      int pretrain = settings.splits().pretrain();
      assertTrue(report.examples() > 4 * pretrain && report.examples() <= 5 * pretrain,
          "the smoke mix teaches every task (harder variants only below difficulty 4): " + report.examples());
      assertTrue(report.tokensSeen() > report.completionTokensSeen());
      String card = Files.readString(dir.resolve("README.md"));
      assertTrue(card.contains("laimark pretrain --preset smoke"), card);
      assertTrue(card.contains("Not evaluated"), card);
      try (Qwen3Tokenizer tokenizer = Qwen3Tokenizer.load(dir)) {
        assertEquals(2, tokenizer.eosTokenId());
      }
    }
  }

  private static PretrainableModel toy(int vocabulary, NDManager manager) {
    ToyBigramLm lm = new ToyBigramLm(vocabulary, 8, 1, manager);
    return new PretrainableModel() {
      @Override
      public TrainableLm trainable() {
        return lm;
      }

      @Override
      public void save(Path directory) {}

      @Override
      public String source() {
        return "TOY bigram model";
      }

      @Override
      public void close() {}
    };
  }
}
