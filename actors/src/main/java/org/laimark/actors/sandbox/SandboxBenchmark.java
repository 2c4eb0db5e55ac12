package org.laimark.actors.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.laimark.data.SandboxJob;
import org.laimark.data.Verdict;

/**
 * Measures the pool against the original study's way of running code — one fresh {@code python3
 * FILE} per execution, program and asserts in one file, one after another — on the same programs
 * (shipped under {@code sandbox/bench/}). Reports executions per second and CPU per execution (the
 * steadier figure on a shared machine), and whether both ways agree on which programs pass.
 */
public final class SandboxBenchmark {

  private static final List<String> PROGRAMS =
      List.of(
          "trivial",
          "two_sum",
          "reverse_words",
          "primes",
          "group_anagrams",
          "fibonacci",
          "wrong_median");
  private static final String TESTS_MARKER = "# --- tests ---\n";
  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
  private static final double SETTLED_JIT_MILLIS_PER_JOB = 0.1;
  private static final int MAX_WARM_UP_ROUNDS = 10;

  private SandboxBenchmark() {}

  /** One benchmark program: a solution and its assert lines. */
  public record Program(String name, String solution, String tests) {
    /** The original's single file: solution, then the tests. */
    String asOneFile() {
      return solution + "\n" + tests;
    }

    SandboxJob asJob() {
      return SandboxJob.withTests(name, solution, tests);
    }
  }

  /** What one side of the benchmark did. */
  public record Measurement(
      int executions,
      double seconds,
      double cpuMillis,
      double jvmCpuMillis,
      int passed,
      Map<String, Boolean> passedByProgram,
      int warmUpExecutions,
      long jitMillis) {
    public double perSecond() {
      return executions / seconds;
    }

    public double cpuMillisPerExecution() {
      return cpuMillis / executions;
    }

    /** The JVM's share of {@link #cpuMillisPerExecution()} (0 for the baseline's own processes). */
    public double jvmCpuMillisPerExecution() {
      return jvmCpuMillis / executions;
    }
  }

  /** The shipped programs; the first one is trivial ({@code pass}). */
  public static List<Program> programs() {
    List<Program> programs = new ArrayList<>();
    for (String name : PROGRAMS) {
      String text = resource("/sandbox/bench/" + name + ".py");
      int cut = text.indexOf(TESTS_MARKER);
      programs.add(
          cut < 0
              ? new Program(name, text, "")
              : new Program(
                  name, text.substring(0, cut), text.substring(cut + TESTS_MARKER.length())));
    }
    return programs;
  }

  /**
   * The original's way: for each execution a fresh {@code python FILE}, output captured, a 5 s
   * timeout, exit status 0 means passed; strictly one after another.
   */
  public static Measurement baseline(Path python, List<Program> programs, int executions)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("laimark-bench-");
    try {
      List<Path> files = new ArrayList<>();
      for (Program p : programs) {
        files.add(Files.writeString(dir.resolve(p.name() + ".py"), p.asOneFile()));
      }
      Map<String, Boolean> byProgram = new LinkedHashMap<>();
      int passed = 0;
      double cpuBefore = CpuTime.waitedChildrenMillis();
      long start = System.nanoTime();
      for (int i = 0; i < executions; i++) {
        int k = i % programs.size();
        Process process =
            new ProcessBuilder(python.toString(), files.get(k).toString())
                .redirectErrorStream(true)
                .start();
        process.getInputStream().readAllBytes();
        boolean ok = process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0;
        passed += ok ? 1 : 0;
        byProgram.putIfAbsent(programs.get(k).name(), ok);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Measurement(
          executions,
          seconds,
          CpuTime.waitedChildrenMillis() - cpuBefore,
          0,
          passed,
          byProgram,
          0,
          0);
    } finally {
      try (var files = Files.list(dir)) {
        files.forEach(f -> f.toFile().delete());
      }
      Files.deleteIfExists(dir);
    }
  }

  /**
   * The pool: the same programs as jobs, {@code inFlight} at a time, after a warm-up that lasts
   * until the JIT has settled (see {@link #warmUp}).
   */
  public static Measurement pool(
      Sandbox sandbox, List<Program> programs, int executions, int inFlight)
      throws InterruptedException {
    int warmedUp = warmUp(sandbox, programs, executions, inFlight);
    Map<String, Boolean> byProgram = new ConcurrentHashMap<>();
    long jitBefore = compilerMillis();
    double cpuBefore = CpuTime.ourProcessesMillis();
    double jvmBefore = CpuTime.jvmMillis();
    long start = System.nanoTime();
    int passed = runWindow(sandbox, programs, executions, inFlight, byProgram);
    double seconds = (System.nanoTime() - start) / 1e9;
    double jvm = CpuTime.jvmMillis() - jvmBefore;
    long jit = compilerMillis() - jitBefore;
    Map<String, Boolean> ordered = new LinkedHashMap<>();
    programs.forEach(
        p -> {
          if (byProgram.containsKey(p.name())) {
            ordered.put(p.name(), byProgram.get(p.name()));
          }
        });
    return new Measurement(
        executions,
        seconds,
        CpuTime.ourProcessesMillis() - cpuBefore,
        jvm,
        passed,
        ordered,
        warmedUp,
        jit);
  }

  /**
   * Runs rounds of jobs until two rounds in a row cost the JIT compiler less than {@link
   * #SETTLED_JIT_MILLIS_PER_JOB} per job (at most {@link #MAX_WARM_UP_ROUNDS} rounds and twice
   * {@code executions} jobs); returns how many jobs that took. A service runs for hours: C2
   * compiling the pool's paths (Pekko, Jackson, the protocol) is a start-up cost, measured at 64%
   * of the bench JVM's CPU after a 500-job warm-up, which would otherwise count as each job's.
   */
  private static int warmUp(
      Sandbox sandbox, List<Program> programs, int executions, int inFlight)
      throws InterruptedException {
    int round = Math.max(2 * inFlight, Math.min(500, executions / 4));
    // At most twice the measured executions (and MAX_WARM_UP_ROUNDS): a loaded machine stretches
    // compilation times and may never look settled.
    int rounds = Math.max(1, Math.min(MAX_WARM_UP_ROUNDS, 2 * executions / round));
    int done = 0;
    int quietRounds = 0;
    // Two quiet rounds in a row: the counter only grows when a compilation finishes, so one quiet
    // round may hide a long compilation still running.
    for (int i = 0; i < rounds && quietRounds < 2; i++) {
      long jitBefore = compilerMillis();
      runWindow(sandbox, programs, round, inFlight, new ConcurrentHashMap<>());
      done += round;
      boolean quiet = compilerMillis() - jitBefore < SETTLED_JIT_MILLIS_PER_JOB * round;
      quietRounds = quiet ? quietRounds + 1 : 0;
    }
    return done;
  }

  /** Milliseconds the JIT compilers have spent so far (0 when the JVM does not say). */
  private static long compilerMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : 0;
  }

  private static int runWindow(
      Sandbox sandbox,
      List<Program> programs,
      int executions,
      int inFlight,
      Map<String, Boolean> byProgram)
      throws InterruptedException {
    Semaphore window = new Semaphore(inFlight);
    CountDownLatch done = new CountDownLatch(executions);
    AtomicInteger passed = new AtomicInteger();
    List<String> infra = new ArrayList<>();
    for (int i = 0; i < executions; i++) {
      Program p = programs.get(i % programs.size());
      window.acquire();
      sandbox
          .run(p.asJob())
          .whenComplete(
              (Verdict v, Throwable error) -> {
                boolean ok = error == null && v.passed();
                if (ok) {
                  passed.incrementAndGet();
                }
                if (error == null && v.status() == org.laimark.data.VerdictStatus.INFRA_ERROR) {
                  synchronized (infra) {
                    infra.add(v.message());
                  }
                }
                byProgram.putIfAbsent(p.name(), ok);
                window.release();
                done.countDown();
              });
    }
    if (!done.await(Duration.ofMinutes(30).toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the pool did not answer every benchmark job");
    }
    if (!infra.isEmpty()) {
      throw new IllegalStateException(
          infra.size() + " benchmark jobs failed in the sandbox itself: " + infra.get(0));
    }
    return passed.get();
  }

  private static String resource(String path) {
    try (InputStream in = SandboxBenchmark.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("resource " + path + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** CPU time from /proc, in milliseconds. */
  static final class CpuTime {
    private CpuTime() {}

    /** CPU of children this JVM has waited for (the baseline's processes). */
    static double waitedChildrenMillis() {
      long[] f = fields(ProcessHandle.current().pid());
      return (f[2] + f[3]) * 1000 / TICKS_PER_SECOND;
    }

    /** CPU of this JVM alone. */
    static double jvmMillis() {
      long[] self = fields(ProcessHandle.current().pid());
      return (self[0] + self[1]) * 1000 / TICKS_PER_SECOND;
    }

    /** CPU of this JVM plus every live descendant and what they reaped (the pool's workers). */
    static double ourProcessesMillis() {
      long[] self = fields(ProcessHandle.current().pid());
      double ticks = self[0] + self[1];
      for (ProcessHandle h : ProcessHandle.current().descendants().toList()) {
        long[] f = fields(h.pid());
        ticks += f[0] + f[1] + f[2] + f[3];
      }
      return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** utime, stime, cutime, cstime in clock ticks (zeros for a process that is gone). */
    private static long[] fields(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {
          Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])
        };
      } catch (IOException | RuntimeException e) {
        return new long[4];
      }
    }
  }
}
