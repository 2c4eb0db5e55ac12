package org.laimark.actors.bank;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laimark.data.Calibration;
import org.laimark.data.LearnabilityZone;
import org.laimark.data.Problem;

/**
 * The curriculum a run built, as problem records: every problem calibration accepted (still trained on
 * or retired since), oldest first, each carrying the calibration that accepted it ({@code pass_rate},
 * {@code samples}, {@code learnability_zone}) and its life in the bank as extra fields ({@code
 * bank_status}, {@code retired_as}, {@code origin}, {@code generated_by}, {@code calibrated_by}, {@code
 * trained_rounds}). Written as the study's JSONL, the file is a problem file another run can train on
 * ({@code source = problem-file}) or a researcher can read. Reads the journal only; safe while a run goes.
 */
public final class CurriculumExport {

  /** The bank's field saying whether a problem is still trained on. */
  public static final String STATUS_FIELD = "bank_status";

  private CurriculumExport() {}

  /** Whether an exported record is of a retired problem. */
  public static boolean retired(Problem exported) {
    return quoted("retired").equals(exported.unknownFields().get(STATUS_FIELD));
  }

  /** @throws CorruptJournalException or {@link JournalInvariantViolation} for a damaged journal */
  public static List<Problem> read(RunDirectory run) {
    JournalCodec codec = new JournalCodec();
    BankState state = new BankState();
    Map<String, BankEvent.ProblemAccepted> acceptances = new HashMap<>();
    JournalScanner.scan(run.journal(), (offset, payload) -> {
      JournalEntry entry = codec.decode(payload, JournalEntry.class, run.journal() + " offset " + offset);
      state.apply(entry);
      for (BankEvent e : entry.events()) {
        if (e instanceof BankEvent.ProblemAccepted a) {
          acceptances.put(a.problemId(), a);
        }
      }
    });
    List<Problem> curriculum = new ArrayList<>();
    for (ProblemHistory banked : state.banked()) {
      curriculum.add(record(banked, acceptances.get(banked.id())));
    }
    return curriculum;
  }

  private static Problem record(ProblemHistory banked, BankEvent.ProblemAccepted acceptance) {
    Map<String, String> life = new LinkedHashMap<>(banked.problem().unknownFields());
    life.put(STATUS_FIELD, quoted(banked.status() == ProblemHistory.Status.RETIRED ? "retired" : "active"));
    if (banked.status() == ProblemHistory.Status.RETIRED) {
      life.put("retired_as", quoted(banked.reason()));
    }
    life.put("origin", quoted(banked.origin()));
    life.put("generated_by", Long.toString(banked.generatedBy()));
    life.put("calibrated_by", Long.toString(banked.calibratedBy()));
    life.put("trained_rounds", Integer.toString(banked.trainedInRounds().size()));
    // Every banked problem was accepted on record: BankState refuses a journal that says otherwise.
    Calibration calibration = new Calibration(
        (double) acceptance.passes() / acceptance.samples(), acceptance.samples(),
        new LearnabilityZone(acceptance.lo(), acceptance.hi()));
    return banked.problem().toBuilder()
        .id(banked.id())
        .calibration(calibration)
        .unknownFields(life)
        .build();
  }

  /** A JSON string literal: the extra fields are kept as raw JSON text. */
  private static String quoted(String text) {
    return TextNode.valueOf(text).toString();
  }
}
