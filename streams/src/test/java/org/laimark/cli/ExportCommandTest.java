package org.laimark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laimark.actors.bank.BankStatus;
import org.laimark.actors.bank.BankStore;
import org.laimark.actors.bank.JournalCodec;
import org.laimark.actors.bank.RunDirectory;
import org.laimark.data.Problem;
import org.laimark.data.io.ProblemJsonl;
import org.laimark.data.io.ReadResult;
import org.laimark.streams.PipelineDaemon;
import org.laimark.streams.RunConfiguration;
import picocli.CommandLine;

/** {@code laimark export} over a small SIMULATED run: the curriculum as a problem file, nothing overwritten. */
class ExportCommandTest {

  @TempDir static Path tmp;
  static Path runDir;
  static BankStatus status;

  @BeforeAll
  static void run() {
    runDir = tmp.resolve("run");
    PipelineDaemon.run(RunConfiguration.create(
        Path.of(System.getProperty("laimark.root", "..")).resolve("config/experiments/simulated.conf"), runDir,
        Map.of("laimark.pipeline.run.max-rounds", 4, "laimark.pipeline.run.progress", "off")));
    status = BankStatus.of(BankStore.recover(new RunDirectory(runDir), new JournalCodec()));
  }

  @Test
  void everyAcceptedProblemIsWrittenOnceWithTheCalibrationThatAcceptedItAndReadsBackAsAProblemFile() {
    Path out = tmp.resolve("curriculum.jsonl");

    assertEquals(0, LaimarkCli.execute("export", runDir.toString(), "--out", out.toString()));

    ReadResult<Problem> file = ProblemJsonl.read(out);
    assertEquals(List.of(), file.errors());
    List<Problem> problems = file.items();
    assertTrue(status.accepted() > 0, "the run should have accepted problems");
    assertEquals(status.accepted(), problems.size());
    Set<String> ids = new HashSet<>();
    long retired = 0;
    for (Problem p : problems) {
      assertTrue(ids.add(p.id()), "written twice: " + p.id());
      assertTrue(p.calibration() != null && p.calibration().learnable(),
          p.id() + ": accepted, so its pass rate is inside its window: " + p.calibration());
      String life = p.unknownFields().get("bank_status");
      assertTrue(life.equals("\"active\"") || life.equals("\"retired\""), p.id() + ": " + life);
      if (life.equals("\"retired\"")) {
        retired++;
        assertTrue(p.unknownFields().containsKey("retired_as"), p.id() + " has no retirement reason");
      }
    }
    assertEquals(status.retired(), retired);
  }

  @Test
  void anExistingOutputFileIsAOneLineErrorAndStaysAsItWas() throws Exception {
    Path out = tmp.resolve("kept.jsonl");
    Files.writeString(out, "precious\n");
    StringWriter err = new StringWriter();
    CommandLine cli = LaimarkCli.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("export", runDir.toString(), "--out", out.toString());

    assertEquals(2, code, err.toString());
    assertTrue(err.toString().startsWith("laimark: --out " + out + ": already exists"), err.toString());
    assertEquals("precious\n", Files.readString(out));
  }

  @Test
  void aDirectoryWithoutAJournalIsNamedInOneLine() {
    StringWriter err = new StringWriter();
    CommandLine cli = LaimarkCli.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("export", tmp.toString(), "--out", tmp.resolve("x.jsonl").toString());

    assertEquals(2, code, err.toString());
    assertTrue(err.toString().startsWith("laimark: " + tmp + ": not a run directory"), err.toString());
  }
}
