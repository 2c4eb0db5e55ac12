package org.laimark.streams;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.laimark.actors.bank.RunDirectory;
import org.laimark.actors.pipeline.DedupSettings;
import org.laimark.actors.pipeline.HeldOutSampling;
import org.laimark.actors.pipeline.ModelAccessSettings;
import org.laimark.config.CalibratorSettings;
import org.laimark.config.EvalSettings;
import org.laimark.config.GeneratorSettings;
import org.laimark.config.InvalidSettingException;
import org.laimark.config.SimulatedSettings;
import org.laimark.config.TaskMixSettings;
import org.laimark.config.TrainerSettings;
import org.laimark.config.JournalSettings;
import org.laimark.config.LaimarkConfig;
import org.laimark.config.RunSettings;
import org.laimark.config.ScheduleSettings;
import org.laimark.config.StreamSettings;

/**
 * Which configuration a run uses and where it lives. A new run layers its experiment file and CLI
 * overrides over the defaults and writes the resolved {@code laimark} tree to {@code RUN_DIR/config.conf};
 * a resumed run reads that file back (so it continues the experiment it started), with only the CLI's
 * overrides on top, and records what it resumed with in {@code config-session-N.conf}.
 */
public record RunConfiguration(RunDirectory run, Config config, boolean resumed) {

  private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** A new run; {@code runDir} may be null (then one is named under {@code run.runs-directory}). */
  public static RunConfiguration create(Path experimentFile, Path runDir, Map<String, ?> overrides) {
    // Validated once the model's own settings are layered in: a key may be valid only with them (the
    // embedded model's expected-values = reference makes generator.spec-check = domain valid). Without
    // a model folder to read, a wrong key is still named before the missing folder.
    Config plain = LaimarkConfig.load(experimentFile, overrides);
    Config config = plain;
    InvalidSettingException noModel = null;
    try {
      config = withModelSettings(plain, experimentFile, overrides);
    } catch (InvalidSettingException e) {
      noModel = e;
    }
    validate(config);
    Path dir = runDir != null ? runDir
        : Path.of(RunSettings.fromConfig(config).runsDirectory()).resolve(LocalDateTime.now().format(RUN_NAME));
    RunDirectory run = new RunDirectory(dir);
    if (run.exists()) {
      throw new InvalidSettingException(dir + ": already holds a run (journal.log); resume it with --resume "
          + dir + " or choose another --run-dir");
    }
    if (noModel != null) {
      throw noModel;
    }
    config = withModelDirectory(config);
    write(run.resolvedConfig(), config);
    return new RunConfiguration(run, config, false);
  }

  /** Resumes the run in {@code runDir} with its own configuration and the CLI's overrides. */
  public static RunConfiguration resume(Path runDir, Map<String, ?> overrides) {
    RunDirectory run = new RunDirectory(runDir);
    if (!Files.isRegularFile(run.resolvedConfig())) {
      throw new InvalidSettingException(runDir + ": not a run directory (expected config.conf and journal.log)");
    }
    Config loaded = LaimarkConfig.load(run.resolvedConfig(), overrides);
    validate(loaded);
    Config config = withModelDirectory(loaded);
    return new RunConfiguration(run, config, true);
  }

  /**
   * For {@code run.policy = djl}: the configuration again with the model folder's own settings (its
   * {@code laimark.conf}: the embedded model's prompts, caps and held-out benchmark) layered under the
   * experiment file.
   */
  private static Config withModelSettings(Config config, Path experimentFile, Map<String, ?> overrides) {
    if (RunSettings.fromConfig(config).simulated()) {
      return config;
    }
    return LaimarkConfig.load(experimentFile, overrides, DjlRunSettings.fromConfig(config).modelDirectory());
  }

  /**
   * For {@code run.policy = djl}: checks the model folder exists before anything is created, and records
   * it as an absolute path, so a resume from another directory loads the same model.
   */
  private static Config withModelDirectory(Config config) {
    if (RunSettings.fromConfig(config).simulated()) {
      return config;
    }
    Path model = DjlRunSettings.fromConfig(config).modelDirectory();
    return config.withValue(DjlRunSettings.MODEL_DIR, ConfigValueFactory.fromAnyRef(model.toString()));
  }

  /** Writes what a session actually ran with (the first session's copy is config.conf itself). */
  public void recordSession(int session) {
    if (session > 1) {
      write(run.root().resolve("config-session-" + session + ".conf"), config);
    }
  }

  /** Reads every block the run uses, so a wrong value fails before anything starts. */
  static void validate(Config config) {
    RunSettings run = RunSettings.fromConfig(config);
    StreamSettings.fromConfig(config);
    JournalSettings.fromConfig(config);
    ScheduleSettings.fromConfig(config);
    GeneratorSettings.fromConfig(config);
    CalibratorSettings.fromConfig(config);
    TrainerSettings.fromConfig(config);
    TaskMixSettings.fromConfig(config);
    DedupSettings.fromConfig(config);
    ModelAccessSettings.fromConfig(config);
    EvalSettings.fromConfig(config);
    HeldOutSampling.fromConfig(config);
    if (run.simulated()) {
      SimulatedSettings.fromConfig(config);
    } else {
      DjlRunSettings.fromConfig(config); // the folder itself is checked when a run is created or resumed
    }
  }

  private static void write(Path file, Config config) {
    String text = "# The resolved configuration of this run (defaults + experiment file + CLI overrides).\n"
        + config.withOnlyPath("laimark").root()
            .render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      RunDirectory.fsyncFile(tmp);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      RunDirectory.fsyncDirectory(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write the resolved configuration: " + e.getMessage(), e);
    }
  }
}
