package org.laimark.actors.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.laimark.config.SandboxSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker server process and its framed protocol (see framing.py): write a header and an
 * optional body, read output/result chunks until the status header. Blocking, used by one thread at
 * a time (the worker actor's current exchange); {@link #kill()} may be called from any thread and
 * makes a blocked exchange fail with an IOException. The server's own stderr goes to the log and a
 * short tail kept for error messages.
 */
final class WorkerProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);
  static final ObjectMapper JSON = new ObjectMapper();
  private static final int STDERR_TAIL_LINES = 20;

  private final int index;
  private final Process process;
  private final DataOutputStream toServer;
  private final DataInputStream fromServer;
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private final int outputCap;
  private final int resultCap;

  /** What one request produced: the server's status header and the relayed bytes. */
  record Reply(JsonNode status, byte[] output, byte[] result) {}

  private WorkerProcess(int index, Process process, SandboxSettings settings) {
    this.index = index;
    this.process = process;
    this.toServer =
        new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
    this.fromServer =
        new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    this.outputCap = settings.limits().outputBytes();
    this.resultCap = settings.limits().resultBytes();
    Thread drain = new Thread(this::drainStderr, "laimark-sandbox-stderr-" + index);
    drain.setDaemon(true);
    drain.start();
  }

  /** Starts worker {@code index}; {@link #handshake} then checks it answers as configured. */
  static WorkerProcess launch(
      SandboxSettings settings, int index, int uid, WorkerResources resources) throws IOException {
    return launch(settings, index, uid, resources, Map.of());
  }

  /**
   * As {@link #launch(SandboxSettings, int, int, WorkerResources)}, handing {@code inherited} to
   * the launched process. We clear the JVM's environment ourselves and bwrap's --clearenv clears it
   * again; tests pass a secret here to show the second layer holds on its own.
   */
  static WorkerProcess launch(
      SandboxSettings settings,
      int index,
      int uid,
      WorkerResources resources,
      Map<String, String> inherited)
      throws IOException {
    List<String> argv = WorkerCommandLine.of(settings, index, uid, resources);
    ProcessBuilder builder = new ProcessBuilder(argv);
    builder.environment().clear();
    builder.environment().putAll(inherited);
    builder.environment().put("PATH", "/usr/bin");
    builder.environment().put("PYTHONHASHSEED", Integer.toString(settings.pool().hashSeed()));
    return new WorkerProcess(index, ProcessLauncher.start(builder), settings);
  }

  /**
   * First ping: the server is up, its seccomp filter is loaded if configured.
   *
   * @return the host pid of the Python server (for diagnostics and tests)
   */
  long handshake(SandboxSettings settings) throws IOException {
    try {
      JsonNode pong = ping();
      if (settings.seccomp() && !pong.path("seccomp").asBoolean()) {
        throw new IOException("the worker started without its seccomp filter");
      }
    } catch (IOException e) {
      throw new IOException(
          "sandbox worker " + index + " did not start: " + e.getMessage() + stderrSummary(), e);
    }
    return process
        .toHandle()
        .descendants()
        .filter(h -> h.info().command().map(c -> c.contains("python")).orElse(false))
        .mapToLong(ProcessHandle::pid)
        .min()
        .orElse(process.pid());
  }

  JsonNode ping() throws IOException {
    ObjectNode header = JSON.createObjectNode().put("op", "ping");
    JsonNode status = request(header, new byte[0]).status();
    if (!status.path("pong").asBoolean()) {
      throw new IOException("worker " + index + " answered a ping with " + status);
    }
    return status;
  }

  /** Sends one request and blocks until its status header arrives. */
  Reply request(ObjectNode header, byte[] body) throws IOException {
    if (body.length > 0) {
      header.put("body", body.length);
    }
    byte[] head = JSON.writeValueAsBytes(header);
    toServer.writeByte('H');
    toServer.writeInt(head.length);
    toServer.write(head);
    toServer.write(body);
    toServer.flush();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    ByteArrayOutputStream result = new ByteArrayOutputStream();
    while (true) {
      int kind = fromServer.read();
      if (kind < 0) {
        throw new EOFException("worker " + index + " closed its output (process died)");
      }
      int length = fromServer.readInt();
      if (length < 0 || length > Math.max(outputCap, resultCap) + (1 << 20)) {
        throw new IOException("worker " + index + " sent a frame of " + length + " bytes");
      }
      byte[] payload = fromServer.readNBytes(length);
      if (payload.length < length) {
        throw new EOFException("worker " + index + " died in the middle of a frame");
      }
      switch (kind) {
        case 'O' -> append(output, payload, outputCap);
        case 'R' -> append(result, payload, resultCap);
        case 'H' -> {
          return new Reply(JSON.readTree(payload), output.toByteArray(), result.toByteArray());
        }
        default -> throw new IOException("worker " + index + " sent an unknown frame kind " + kind);
      }
    }
  }

  private static void append(ByteArrayOutputStream to, byte[] payload, int cap) {
    to.write(payload, 0, Math.max(0, Math.min(payload.length, cap - to.size())));
  }

  int index() {
    return index;
  }

  /** The bwrap (or interpreter) process; the server and jobs are among its descendants. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Completes when the worker's process (bwrap, or the bare interpreter) has exited. */
  java.util.concurrent.CompletableFuture<Process> exitFuture() {
    return process.onExit();
  }

  /**
   * Kills the whole process tree: descendants first (the sandbox's init takes its namespace along).
   */
  void kill() {
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  @Override
  public void close() {
    kill();
  }

  String stderrSummary() {
    synchronized (stderrTail) {
      return stderrTail.isEmpty() ? "" : "; worker stderr: " + String.join(" | ", stderrTail);
    }
  }

  private void drainStderr() {
    try (BufferedReader err =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = err.readLine()) != null) {
        LOG.warn("sandbox worker {}: {}", index, line);
        synchronized (stderrTail) {
          if (stderrTail.size() == STDERR_TAIL_LINES) {
            stderrTail.removeFirst();
          }
          stderrTail.addLast(line.length() > 300 ? line.substring(0, 300) : line);
        }
      }
    } catch (IOException e) {
      // The process is gone; nothing more to log.
    }
  }
}
