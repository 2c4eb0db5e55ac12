package org.laimark.model.pretrain;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.laimark.data.Problem;
import org.laimark.data.domain.DomainSplits;
import org.laimark.data.domain.HeldOutGuard;
import org.laimark.data.io.ProblemJsonl;
import org.laimark.model.tokenizer.Qwen3Tokenizer;

/**
 * One pre-training run, start to finish, into a model directory: generate the domain splits and write the
 * held-out benchmark and the curated set beside the model; build the corpus; train and write the tokenizer;
 * tokenize; train every weight of a fresh model from random initialisation; save the weights, the
 * generation config and the loss curve (CSV and PNG). The caller evaluates and writes the card.
 */
public final class PretrainRun {

  /** Hears what the run is doing; the CLI turns it into a progress bar. */
  public interface Listener {
    void phase(String description);

    void step(PretrainLoop.StepResult result, LossCurve.Point point, int totalSteps);
  }

  public static final String HELD_OUT_FILE = "heldout.jsonl";
  public static final String CURATED_FILE = "curated.jsonl";
  public static final String LOSS_CSV = "loss.csv";
  public static final String LOSS_PNG = "loss.png";

  private final PretrainSettings settings;
  private final PretrainPrompts prompts;
  private final Path directory;
  private final Listener listener;

  public PretrainRun(PretrainSettings settings, PretrainPrompts prompts, Path directory, Listener listener) {
    this.settings = settings;
    this.prompts = prompts;
    this.directory = directory;
    this.listener = listener;
  }

  /**
   * @param modelFactory makes the fresh model from the vocabulary size the tokenizer ended with
   */
  public PretrainReport run(Function<Integer, PretrainableModel> modelFactory) {
    createDirectory();
    listener.phase("generating the domain splits");
    DomainSplits splits = DomainSplits.generate(settings.splits());
    writeProblems(HELD_OUT_FILE, splits.heldOutProblems());
    writeProblems(CURATED_FILE, splits.curatedProblems());
    List<PretrainExample> examples = new PretrainCorpus(prompts, settings.mix(), settings.writeTopic())
        .examples(splits.pretrain(), settings.seed(), new HeldOutGuard(splits.heldOut()));
    listener.phase("training the tokenizer on " + settings.tokenizerProblems() + " problems");
    BpeVocabulary vocabulary = new BpeTrainer(TokenizerFiles.SPECIAL_TOKENS, settings.vocabularySize())
        .train(tokenizerTexts(examples));
    TokenizerFiles.write(vocabulary, settings.shape().contextLength(), directory);
    GenerationConfigFile.write(directory);
    ModelSettingsFile.write(directory, prompts, settings.writeTopic().all(splits.pretrain()), HELD_OUT_FILE);
    listener.phase("tokenizing " + examples.size() + " examples");
    List<TokenizedExample> tokenized = new ArrayList<>();
    try (Qwen3Tokenizer tokenizer = Qwen3Tokenizer.load(directory)) {
      for (PretrainExample e : examples) {
        TokenizedExample t = new TokenizedExample(e.kind(), tokenizer.encode(e.renderedPrompt(), false),
            tokenizer.encode(e.completion(), false));
        if (t.length() <= settings.shape().contextLength()) {
          tokenized.add(t);
        }
      }
    }
    listener.phase("training " + settings.steps() + " steps");
    try (PretrainableModel model = modelFactory.apply(vocabulary.size())) {
      PretrainReport report = train(model, tokenized, examples.size(), vocabulary.size());
      model.save(directory);
      return report;
    }
  }

  private PretrainReport train(
      PretrainableModel model, List<TokenizedExample> data, int exampleCount, int vocabularySize) {
    BatchSampler batches = new BatchSampler(data, settings.batchSize(), settings.seed());
    long tokens = 0;
    long completionTokens = 0;
    double first = Double.NaN;
    long start = System.nanoTime();
    long padId = TokenizerFiles.SPECIAL_TOKENS.indexOf(TokenizerFiles.END_OF_TEXT);
    try (NDManager manager = NDManager.newBaseManager();
        PretrainLoop loop = new PretrainLoop(model.trainable(), settings.optimizer(), padId, manager);
        LossCurve curve = new LossCurve(directory.resolve(LOSS_CSV))) {
      for (int step = 0; step < settings.steps(); step++) {
        PretrainLoop.StepResult r = loop.step(batches.next());
        tokens += r.sequenceTokens();
        completionTokens += r.completionTokens();
        first = step == 0 ? r.loss() : first;
        LossCurve.Point point = new LossCurve.Point(r.step(), r.loss(), r.learningRate(), r.gradNorm(), tokens,
            (System.nanoTime() - start) / 1e9);
        curve.add(point);
        listener.step(r, point, settings.steps());
      }
      LossCurvePlot.write(curve.points(), "laimark pretrain: training loss", directory.resolve(LOSS_PNG));
      return new PretrainReport(exampleCount, exampleCount - data.size(), settings.steps(), tokens,
          completionTokens, first, curve.recentMeanLoss(50), (System.nanoTime() - start) / 1e9,
          settings.shape().config(vocabularySize).parameterCount(), vocabularySize);
    }
  }

  private List<String> tokenizerTexts(List<PretrainExample> examples) {
    // The corpus is shuffled, so a prefix is a fair sample; scale it to about N problems' examples.
    double perProblem = (double) examples.size() / settings.splits().pretrain();
    int count = (int) Math.min(examples.size(), Math.round(perProblem * settings.tokenizerProblems()));
    List<String> texts = new ArrayList<>(count);
    for (PretrainExample e : examples.subList(0, count)) {
      texts.add(e.renderedPrompt() + e.completion() + "\n");
    }
    return texts;
  }

  private void writeProblems(String name, List<Problem> problems) {
    Path file = directory.resolve(name);
    try {
      Files.deleteIfExists(file);
      try (ProblemJsonl.Appender out = ProblemJsonl.appender(file, false)) {
        for (Problem p : problems) {
          out.append(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write (" + e.getMessage() + ")", e);
    }
  }

  private void createDirectory() {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(
          directory + ": cannot create the model directory (" + e.getMessage() + ")", e);
    }
  }
}
