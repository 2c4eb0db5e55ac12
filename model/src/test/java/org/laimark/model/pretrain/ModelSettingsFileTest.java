package org.laimark.model.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.config.LaimarkConfig;

/** The model's laimark.conf, read back through the configuration loader, says what the model was taught. */
class ModelSettingsFileTest {

  @Test
  void theWrittenSettingsLoadAsThePromptsTheModelWasTrainedWith(@TempDir Path dir) {
    PretrainPrompts p = PretrainPrompts.DEFAULT;
    ModelSettingsFile.write(dir, p, WriteTopic.CATEGORY.all(List.of()), "heldout.jsonl");

    var config = LaimarkConfig.load(null, Map.of(), dir);

    assertEquals(p.system(), config.getString("laimark.eval.prompt.system"));
    assertEquals(p.solve(), config.getString("laimark.eval.prompt.user"));
    assertEquals(p.system(), config.getString("laimark.pipeline.generator.system-prompt"));
    assertEquals(p.write(), config.getString("laimark.pipeline.generator.fresh-template"));
    assertEquals(p.harder(), config.getString("laimark.pipeline.generator.harder-template"));
    assertEquals(p.solve(), config.getString("laimark.pipeline.tasks.prompts.induction"));
    assertEquals(p.deduce(), config.getString("laimark.pipeline.tasks.prompts.deduction"));
    assertEquals(p.abduce(), config.getString("laimark.pipeline.tasks.prompts.abduction"));
    assertEquals(List.of("list operations", "string manipulation", "math"),
        config.getStringList("laimark.pipeline.generator.topics"));
    String heldOut = dir.toAbsolutePath().normalize().resolve("heldout.jsonl").toString();
    assertEquals(heldOut, config.getString("laimark.pipeline.evaluation.benchmark"));
  }

  /** The shipped model's file is what {@code laimark pretrain} writes today (a hand edit to one must reach the other). */
  @Test
  void theShippedModelCarriesTheSettingsPretrainWrites(@TempDir Path dir) {
    Path shipped = Path.of(System.getProperty("laimark.root", "..")).resolve("data/models/laimark-tiny");
    ModelSettingsFile.write(dir, PretrainPrompts.DEFAULT, WriteTopic.CATEGORY.all(List.of()), "heldout.jsonl");

    var written = LaimarkConfig.load(null, Map.of(), dir);
    var expected = LaimarkConfig.load(null, Map.of(), shipped);

    for (var e : written.entrySet()) {
      String value = String.valueOf(e.getValue().unwrapped())
          .replace(dir.toAbsolutePath().normalize().toString(), "MODEL_DIR");
      String shippedValue = String.valueOf(expected.getValue(e.getKey()).unwrapped())
          .replace(shipped.toAbsolutePath().normalize().toString(), "MODEL_DIR");
      assertEquals(value, shippedValue, e.getKey());
    }
  }
}
