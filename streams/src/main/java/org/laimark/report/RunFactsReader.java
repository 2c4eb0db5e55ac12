package org.laimark.report;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.laimark.actors.bank.BankEvent;
import org.laimark.actors.bank.BankState;
import org.laimark.actors.bank.BankStatus;
import org.laimark.actors.bank.CorruptJournalException;
import org.laimark.actors.bank.JournalCodec;
import org.laimark.actors.bank.JournalEntry;
import org.laimark.actors.bank.JournalInvariantViolation;
import org.laimark.actors.bank.JournalScanner;
import org.laimark.actors.bank.PipelineStage;
import org.laimark.actors.bank.RunDirectory;
import org.laimark.data.TaskType;

/**
 * Reads a run directory into {@link RunFacts} without changing anything: one pass over the journal
 * ({@link JournalScanner}, so a torn tail is ignored and damage in the middle is an error) folds both the
 * bank's own state (the counts {@code laimark status} prints, by the same strict rules) and the report's
 * series. Safe while the run is going: a record being written at that moment is simply not read yet.
 */
public final class RunFactsReader {

  private static final String[] SETTINGS = {
    "mode", "source", "run.policy", "run.initial-checkpoint", "trainer.update", "trainer.group-size", "calibrator.samples",
    "calibrator.window.lo", "calibrator.window.hi", "calibrator.adaptive.enabled", "tasks.shares.induction",
    "tasks.shares.deduction", "tasks.shares.abduction", "evaluation.every-rounds", "staged.problems",
    "staged.epochs", "staged.rounds", "generator.seed", "tasks.seed", "simulated.seed"
  };

  private RunFactsReader() {}

  public static RunFacts read(Path runDir) {
    RunDirectory run = new RunDirectory(runDir);
    if (!Files.isDirectory(runDir)) {
      throw new RunDirectoryException(runDir + ": no such directory (expected a run directory holding journal.log)");
    }
    if (!run.exists()) {
      throw new RunDirectoryException(runDir + ": not a run directory (no journal.log in it)");
    }
    JournalCodec codec = new JournalCodec();
    BankState state = new BankState();
    Fold fold = new Fold();
    try {
      JournalScanner.scan(run.journal(), (offset, payload) -> {
        JournalEntry entry = codec.decode(payload, JournalEntry.class, run.journal() + " offset " + offset);
        state.apply(entry);
        fold.apply(entry);
      });
    } catch (CorruptJournalException | JournalInvariantViolation e) {
      throw new RunDirectoryException(e.getMessage(), e);
    }
    BankStatus status = BankStatus.of(state);
    return fold.facts(runDir, status, settings(run.resolvedConfig()));
  }

  /** A few resolved settings for the report's header; absent keys are left out. */
  static Map<String, String> settings(Path file) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    Config config;
    try {
      config = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      throw new RunDirectoryException(file + ": cannot read the run's resolved configuration: " + e.getMessage(), e);
    }
    for (String key : SETTINGS) {
      String path = "laimark.pipeline." + key;
      if (config.hasPath(path)) {
        out.put(key, String.valueOf(config.getValue(path).unwrapped()));
      }
    }
    return out;
  }

  /** The report's part of the fold; the bank's own part is {@link BankState}. */
  private static final class Fold {
    final List<RunFacts.SessionInfo> sessions = new ArrayList<>();
    final List<BankEvent.EvaluationRecorded> evaluations = new ArrayList<>();
    final List<RunFacts.Round> rounds = new ArrayList<>();
    final List<Double> passRates = new ArrayList<>();
    double[] window;
    final Map<String, TaskType> types = new HashMap<>();
    final Set<String> derived = new HashSet<>();
    final Set<String> trained = new HashSet<>();
    final Map<String, Integer> roundsTrained = new HashMap<>();
    final Map<String, long[]> retirements = new TreeMap<>();
    final Map<TaskType, Long> uses = new EnumMap<>(TaskType.class);
    final TreeMap<Long, long[]> format = new TreeMap<>();
    final Map<PipelineStage, Long> writtenRejected = new EnumMap<>(PipelineStage.class);
    long parsed;
    long verified;
    long kept;
    long derivedProposed;
    long derivedKept;

    void apply(JournalEntry entry) {
      Map<Long, Integer> groupsByVersion = new HashMap<>();
      for (BankEvent e : entry.events()) {
        if (e instanceof BankEvent.ProblemTrained t) {
          groupsByVersion.merge(t.producedVersion(), 1, Integer::sum);
        }
      }
      for (BankEvent e : entry.events()) {
        apply(e, groupsByVersion);
      }
    }

    private void apply(BankEvent e, Map<Long, Integer> groupsByVersion) {
      if (e instanceof BankEvent.SessionStarted s) {
        sessions.add(new RunFacts.SessionInfo(s.session(), s.policyDescription(), s.simulated(), s.mode(), s.policyVersion()));
      } else if (e instanceof BankEvent.ProblemProposed p) {
        onProposed(p);
      } else if (e instanceof BankEvent.GenerationFailed f) {
        format.computeIfAbsent(f.policyVersion(), v -> new long[2])[1]++;
      } else if (e instanceof BankEvent.ProblemVerified v && !derived.contains(v.problemId())) {
        verified++;
      } else if (e instanceof BankEvent.ProblemRejected r && !derived.contains(r.problemId())) {
        writtenRejected.merge(r.stage(), 1L, Long::sum);
      } else if (e instanceof BankEvent.ProblemAccepted a) {
        passRates.add(a.samples() == 0 ? 0 : (double) a.passes() / a.samples());
        window = new double[] {a.lo(), a.hi()};
        if (derived.contains(a.problemId())) {
          derivedKept++;
        } else {
          kept++;
        }
      } else if (e instanceof BankEvent.ProblemTrained t) {
        uses.merge(types.getOrDefault(t.problemId(), TaskType.INDUCTION), 1L, Long::sum);
        trained.add(t.problemId());
        roundsTrained.merge(t.problemId(), 1, Integer::sum);
      } else if (e instanceof BankEvent.ProblemRetired r) {
        long[] byReason = retirements.computeIfAbsent(r.reason(), k -> new long[2]);
        byReason[0]++;
        byReason[1] += roundsTrained.getOrDefault(r.problemId(), 0);
      } else if (e instanceof BankEvent.PolicyVersionPublished p) {
        rounds.add(new RunFacts.Round(p.version(), p.round(), p.loss(), p.meanReward(), p.nonDegenerateGroupFraction(),
            groupsByVersion.getOrDefault(p.version(), 0)));
      } else if (e instanceof BankEvent.EvaluationRecorded r) {
        evaluations.add(r);
      }
    }

    private void onProposed(BankEvent.ProblemProposed p) {
      types.put(p.problemId(), p.problem().taskType());
      if (p.origin().startsWith("derived:")) {
        derived.add(p.problemId());
        derivedProposed++;
        return;
      }
      parsed++;
      if (p.origin().equals("generated") || p.origin().startsWith("harder-variant:")) {
        format.computeIfAbsent(p.policyVersion(), v -> new long[2])[0]++;
      }
    }

    RunFacts facts(Path runDir, BankStatus status, Map<String, String> settings) {
      long rejected = writtenRejected.values().stream().mapToLong(Long::longValue).sum();
      long trainedWritten = trained.stream().filter(id -> !derived.contains(id)).count();
      Funnel funnel = new Funnel(status.generationRequests(), parsed, verified,
          kept + writtenRejected.getOrDefault(PipelineStage.CALIBRATE, 0L), kept, trainedWritten,
          parsed - rejected - kept, derivedProposed, derivedKept, trained.size() - trainedWritten);
      Map<TaskType, Long> problemsByType = new EnumMap<>(TaskType.class);
      trained.forEach(id -> problemsByType.merge(types.getOrDefault(id, TaskType.INDUCTION), 1L, Long::sum));
      TreeMap<Long, RunFacts.FormatErrors> formatErrors = new TreeMap<>();
      format.forEach((v, c) -> formatErrors.put(v, new RunFacts.FormatErrors(c[0], c[1])));
      long startVersion = sessions.isEmpty() ? 0 : sessions.get(0).policyVersion();
      List<RunFacts.Retirement> retired = new ArrayList<>();
      retirements.forEach((reason, c) -> retired.add(new RunFacts.Retirement(reason, c[0], (double) c[1] / c[0])));
      return new RunFacts(runDir, status, List.copyOf(sessions), startVersion, List.copyOf(evaluations),
          List.copyOf(rounds), funnel, List.copyOf(passRates), window, Map.copyOf(uses), Map.copyOf(problemsByType),
          formatErrors, retired, settings);
    }
  }
}
