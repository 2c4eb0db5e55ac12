package org.laimark.actors.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.laimark.config.SandboxSettings;
import org.laimark.config.SandboxSettings.Isolation;

/**
 * The command that starts worker {@code index}: the interpreter inside bubblewrap (flags measured
 * in ../shared/notes/sandbox.md), or bare when isolation is off. The environment is cleared by
 * bwrap (or by us) and holds only PATH and PYTHONHASHSEED; {@code -B -S -s -P} is {@code -I} minus
 * {@code -E}, which would ignore PYTHONHASHSEED.
 */
final class WorkerCommandLine {

  /** Where the worker's code and job tmpfs appear inside the sandbox. */
  static final String CODE_DIR = "/sandbox";

  static final String JOBS_DIR = "/tmp/jobs";
  private static final List<String> CAPABILITIES =
      List.of(
          "CAP_SETUID", "CAP_SETGID", "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_KILL");
  private static final ObjectMapper JSON = new ObjectMapper();

  private WorkerCommandLine() {}

  /** The command for worker {@code index}, whose jobs run as {@code uid}. */
  static List<String> of(SandboxSettings s, int index, int uid, WorkerResources resources) {
    boolean isolated = s.isolation() == Isolation.BUBBLEWRAP;
    String codeDir = isolated ? CODE_DIR : resources.code().toString();
    String jobsDir = isolated ? JOBS_DIR : resources.unisolatedJobsDir(index).toString();
    List<String> argv = new ArrayList<>();
    if (isolated) {
      argv.addAll(bubblewrap(s, resources.code()));
    }
    argv.addAll(
        List.of(
            s.python().toString(),
            "-B",
            "-S",
            "-s",
            "-P",
            codeDir + "/worker.py",
            serverConfig(s, index, uid, jobsDir, isolated)));
    return argv;
  }

  private static List<String> bubblewrap(SandboxSettings s, Path code) {
    List<String> a =
        new ArrayList<>(
            List.of(
                s.bubblewrap().toString(),
                "--unshare-net",
                "--unshare-pid",
                "--unshare-ipc",
                "--unshare-uts",
                "--unshare-cgroup",
                "--die-with-parent",
                "--new-session",
                "--cap-drop",
                "ALL"));
    for (String cap : CAPABILITIES) {
      a.addAll(List.of("--cap-add", cap));
    }
    a.addAll(
        List.of(
            "--ro-bind",
            "/usr",
            "/usr",
            "--symlink",
            "usr/lib",
            "/lib",
            "--symlink",
            "usr/lib64",
            "/lib64",
            "--symlink",
            "usr/bin",
            "/bin",
            "--perms",
            "0755",
            "--dir",
            "/etc",
            "--ro-bind",
            "/etc/passwd",
            "/etc/passwd",
            "--ro-bind",
            "/etc/group",
            "/etc/group",
            "--perms",
            "0755",
            "--dir",
            CODE_DIR,
            "--ro-bind",
            code.toString(),
            CODE_DIR,
            "--perms",
            "0755",
            "--dir",
            "/tmp",
            "--size",
            Long.toString(s.limits().tmpfsBytes()),
            "--perms",
            "0755",
            "--tmpfs",
            JOBS_DIR,
            "--dev",
            "/dev",
            "--proc",
            "/proc",
            "--chdir",
            "/",
            "--clearenv",
            "--setenv",
            "PATH",
            "/usr/bin",
            "--setenv",
            "PYTHONHASHSEED",
            Integer.toString(s.pool().hashSeed())));
    return a;
  }

  private static String serverConfig(
      SandboxSettings s, int index, int uid, String jobsDir, boolean isolated) {
    ObjectNode c = JSON.createObjectNode();
    c.put("index", index);
    c.put("uid", uid);
    c.put("jobs_dir", jobsDir);
    c.put("seccomp", s.seccomp());
    c.put("seccomp_path", s.seccompModuleDir().toString());
    c.putPOJO("preload", s.preloadModules());
    c.put("hash_seed", s.pool().hashSeed());
    c.put("python", s.python().toString());
    if (isolated) {
      c.put("drop_privileges", true);
    }
    return c.toString();
  }
}
