package org.laimark.actors.sandbox;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What one confined child left behind, as the worker server reported it, with its result channel
 * checked against the run's nonce. The channel must hold exactly {@code NONCE "\n"} (written after
 * set-up, before any model code) followed by at most one {@code NONCE JSON} record; anything else
 * was written by someone else and is {@link Channel#TAMPERED}.
 */
record ChildReport(
    Channel channel,
    JsonNode record,
    String problem,
    Integer exitCode,
    Integer signal,
    boolean timedOut,
    boolean outputExceeded,
    boolean resultExceeded,
    long cpuMillis,
    long wallMillis,
    String output) {

  /** State of the private result channel. */
  enum Channel {
    /** Not even the set-up line: the child failed before running anything (our failure). */
    NO_SETUP,
    /** Set up, but no final record: the run was cut short (killed, os._exit...). */
    NO_RECORD,
    /** Exactly one well-formed record carrying the nonce. */
    RECORD,
    /** Bytes without the nonce, several records, or junk around one. */
    TAMPERED
  }

  static ChildReport of(WorkerProcess.Reply reply) {
    JsonNode s = reply.status();
    if (s.has("error")) {
      throw new IllegalStateException("worker rejected the request: " + s.get("error").asText());
    }
    String nonce = s.path("nonce").asText();
    byte[] r = reply.result();
    byte[] setup = (nonce + "\n").getBytes(StandardCharsets.US_ASCII);
    Channel channel;
    JsonNode record = null;
    String problem = "";
    if (nonce.length() != 32) {
      throw new IllegalStateException("worker status without a nonce: " + s);
    } else if (r.length == 0) {
      channel = Channel.NO_SETUP;
    } else if (!startsWith(r, setup, 0)) {
      channel = Channel.TAMPERED;
      problem = "the result channel does not start with this run's nonce";
    } else if (r.length == setup.length) {
      channel = Channel.NO_RECORD;
    } else if (!startsWith(r, nonce.getBytes(StandardCharsets.US_ASCII), setup.length)) {
      channel = Channel.TAMPERED;
      problem = "a record without this run's nonce was written to the result channel";
    } else {
      record = parseSingle(Arrays.copyOfRange(r, setup.length + nonce.length(), r.length));
      channel = record == null ? Channel.TAMPERED : Channel.RECORD;
      problem = record == null ? "the result channel holds more than one record, or junk" : "";
    }
    return new ChildReport(
        channel,
        record,
        problem,
        s.path("exit").isNull() ? null : s.path("exit").asInt(),
        s.path("signal").isNull() ? null : s.path("signal").asInt(),
        s.path("timed_out").asBoolean(),
        s.path("output_exceeded").asBoolean(),
        s.path("result_exceeded").asBoolean(),
        s.path("cpu_ms").asLong(),
        s.path("wall_ms").asLong(),
        new String(reply.output(), StandardCharsets.UTF_8));
  }

  /** The JSON object, or null when the bytes are not exactly one JSON object. */
  private static JsonNode parseSingle(byte[] json) {
    try (JsonParser parser = WorkerProcess.JSON.getFactory().createParser(json)) {
      JsonNode node = WorkerProcess.JSON.readTree(parser);
      if (node == null || !node.isObject() || parser.nextToken() != null) {
        return null;
      }
      return node;
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] data, byte[] prefix, int at) {
    if (data.length < at + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** True when the child ran to its own end: no limit hit, no signal. */
  boolean endedNormally() {
    return !timedOut && !outputExceeded && !resultExceeded && signal == null;
  }
}
