// Every distinct problem a self-generating run wrote and the sandbox verified, as a problem file: the pool a
// run's writer produced, before calibration chose from it (`laimark export` writes only what calibration
// kept). Used in docs/embedded-model.md (session 11) to measure how broad a model's self-written problems
// are, and what supervised training on them does to the held-out score.
//
//   java -Dai.djl.offline=true -cp streams/target/laimark.jar docs/analysis/VerifiedPool.java \
//       [--proposed] OUT.jsonl RUN_DIR [RUN_DIR ...]        (OUT.jsonl is replaced)
//
// --proposed: every problem the generator passed on, verified or not (session 13 measured what the model
// writes at two generator temperatures with runs that stopped before verification).
//
// Kept: problems of origin "generated" with a ProblemVerified record that were later kept, rejected by
// calibration (too easy or too hard) or rejected as a duplicate; not kept: anything rejected for another
// reason (near copies of the held-out set, vacuous tests). One problem per entry point (the first written),
// as the pipeline's own dedup would. Prints the fate of every verified problem read.

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.laimark.actors.bank.BankEvent;
import org.laimark.actors.bank.JournalCodec;
import org.laimark.actors.bank.JournalEntry;
import org.laimark.actors.bank.JournalScanner;
import org.laimark.actors.bank.RunDirectory;
import org.laimark.data.Problem;
import org.laimark.data.io.ProblemJsonl;

public class VerifiedPool {

  public static void main(String[] args) throws Exception {
    boolean proposedOnly = args.length > 0 && args[0].equals("--proposed");
    if (proposedOnly) {
      args = java.util.Arrays.copyOfRange(args, 1, args.length);
    }
    if (args.length < 2) {
      System.err.println("usage: [--proposed] OUT.jsonl RUN_DIR [RUN_DIR ...]");
      System.exit(2);
    }
    Map<String, Problem> proposed = new LinkedHashMap<>();
    Set<String> verified = new HashSet<>();
    Map<String, String> rejected = new HashMap<>();
    for (int a = 1; a < args.length; a++) {
      RunDirectory run = new RunDirectory(Path.of(args[a]));
      String tag = run.root().getFileName() + "/";
      JournalCodec codec = new JournalCodec();
      JournalScanner.scan(run.journal(), (offset, payload) -> {
        JournalEntry entry = codec.decode(payload, JournalEntry.class, run.journal() + " offset " + offset);
        for (BankEvent e : entry.events()) {
          if (e instanceof BankEvent.ProblemProposed p && p.origin().equals("generated")) {
            proposed.put(tag + p.problemId(), p.problem());
          } else if (e instanceof BankEvent.ProblemVerified v) {
            verified.add(tag + v.problemId());
          } else if (e instanceof BankEvent.ProblemRejected r) {
            rejected.put(tag + r.problemId(), r.stage() + ":" + r.reason());
          }
        }
      });
    }
    Map<String, Integer> fates = new TreeMap<>();
    Set<String> entryPoints = new HashSet<>();
    int written = 0;
    Files.deleteIfExists(Path.of(args[0])); // replaced, not appended to: a rerun must not double it
    try (ProblemJsonl.Appender out = ProblemJsonl.appender(Path.of(args[0]), false)) {
      for (Map.Entry<String, Problem> e : proposed.entrySet()) {
        if (!proposedOnly && !verified.contains(e.getKey())) {
          continue;
        }
        String fate = rejected.getOrDefault(e.getKey(), "kept");
        fates.merge(fate, 1, Integer::sum);
        boolean usable = fate.equals("kept") || fate.startsWith("CALIBRATE:") || fate.equals("DEDUP:duplicate");
        if (usable && entryPoints.add(e.getValue().entryPoint())) {
          out.append(e.getValue().toBuilder().id("pool-" + (++written)).build());
        }
      }
    }
    System.out.println((proposedOnly ? "proposed" : "verified") + " problems by fate: " + fates);
    System.out.println(written + " distinct entry points written to " + args[0]);
  }
}
