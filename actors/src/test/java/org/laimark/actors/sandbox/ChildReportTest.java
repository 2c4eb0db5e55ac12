package org.laimark.actors.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChildReportTest {

  private static final String NONCE = "0123456789abcdef0123456789abcdef";
  private static final String RECORD = "{\"phase\": \"done\", \"probes\": []}";

  private static ChildReport report(String resultChannel) {
    ObjectNode status =
        WorkerProcess.JSON
            .createObjectNode()
            .put("nonce", NONCE)
            .put("exit", 0)
            .put("cpu_ms", 3)
            .put("wall_ms", 5)
            .put("timed_out", false);
    status.putNull("signal");
    return ChildReport.of(
        new WorkerProcess.Reply(
            status,
            "out".getBytes(StandardCharsets.UTF_8),
            resultChannel.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anEmptyChannelMeansTheSetUpFailed() {
    assertEquals(ChildReport.Channel.NO_SETUP, report("").channel());
  }

  @Test
  void onlyTheSetUpLineMeansTheRunWasCutShort() {
    assertEquals(ChildReport.Channel.NO_RECORD, report(NONCE + "\n").channel());
  }

  @Test
  void oneNonceCarryingRecordIsAccepted() {
    ChildReport r = report(NONCE + "\n" + NONCE + RECORD);

    assertEquals(ChildReport.Channel.RECORD, r.channel());
    assertEquals("done", r.record().path("phase").asText());
    assertEquals("out", r.output());
  }

  @Test
  void aRecordWithoutTheNonceIsTampering() {
    assertEquals(ChildReport.Channel.TAMPERED, report(NONCE + "\n" + RECORD).channel());
    assertEquals(ChildReport.Channel.TAMPERED, report(RECORD).channel());
    assertEquals(
        ChildReport.Channel.TAMPERED,
        report(NONCE + "\n" + "ffffffffffffffffffffffffffffffff" + RECORD).channel());
  }

  @Test
  void twoRecordsOrTrailingJunkAreTampering() {
    assertEquals(
        ChildReport.Channel.TAMPERED,
        report(NONCE + "\n" + NONCE + RECORD + NONCE + RECORD).channel());
    assertEquals(
        ChildReport.Channel.TAMPERED, report(NONCE + "\n" + NONCE + RECORD + "x").channel());
    assertEquals(ChildReport.Channel.TAMPERED, report(NONCE + "\n" + NONCE + "[1, 2]").channel());
  }
}
