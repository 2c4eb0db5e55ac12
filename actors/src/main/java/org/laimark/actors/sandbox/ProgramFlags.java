package org.laimark.actors.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Static flags for constructs that forge verdicts or tamper with the interpreter. Heuristic and
 * easy to evade (getattr with a computed name); they never decide a verdict, they make attempts
 * visible in logs and metrics. Forgery cannot turn a failed comparison into a pass either way: the
 * expected values are not in the process.
 */
final class ProgramFlags {

  private static final Map<String, Pattern> PATTERNS = new LinkedHashMap<>();

  static {
    flag(
        "frame_introspection",
        "sys\\s*\\.\\s*_getframe|\\bf_locals\\b|\\bf_back\\b|\\bf_globals\\b"
            + "|_current_frames|\\btb_frame\\b|\\bgi_frame\\b|\\bcr_frame\\b"
            + "|inspect\\s*\\.\\s*(currentframe|stack|getouterframes|trace)");
    flag("ctypes", "\\bctypes\\b|\\bcffi\\b");
    flag("gc", "\\bgc\\s*\\.|\\bimport\\s+([\\w.]+\\s*,\\s*)*gc\\b|\\bfrom\\s+gc\\s+import\\b");
    flag(
        "os_exit", "\\bos\\s*\\.\\s*_exit\\b|\\bposix\\s*\\.\\s*_exit\\b|\\bos\\s*\\.\\s*abort\\b");
    flag("sys_exit", "\\bsys\\s*\\.\\s*exit\\b|(?<![.\\w])(exit|quit)\\s*\\(|\\bSystemExit\\b");
    flag("eq_override", "\\bdef\\s+__(eq|ne)__\\b|\\b__(eq|ne)__\\s*=");
    flag(
        "builtins_assignment",
        "\\bbuiltins\\s*\\.\\s*\\w+\\s*=(?!=)|__builtins__" + "|setattr\\s*\\(\\s*builtins\\b");
    flag("settrace", "\\bsettrace\\b|\\bsetprofile\\b|\\bsys\\s*\\.\\s*monitoring\\b");
    flag("thread_internals", "_tstate_lock|\\b_thread\\b");
    flag("signal_handlers", "\\bsignal\\s*\\.\\s*(signal|setitimer|alarm|pthread_kill)\\b");
    flag("atexit", "\\batexit\\b");
    flag(
        "fd_tampering",
        "\\bos\\s*\\.\\s*(write|dup2?|close|closerange|fdopen)\\s*\\("
            + "|/proc/self/fd|\\bopen\\s*\\(\\s*\\d");
    flag(
        "import_machinery",
        "\\bsys\\s*\\.\\s*(modules|meta_path|path_hooks)\\b|\\bimportlib\\b" + "|\\b__import__\\b");
  }

  /**
   * Not a pattern: set by the sandbox when a test expression that names a builtin was evaluated
   * with the program's own definition of that name (see TestSplit#shadowedSetups).
   */
  static final String SHADOWS_BUILTIN = "shadows_builtin";

  private ProgramFlags() {}

  private static void flag(String name, String regex) {
    PATTERNS.put(name, Pattern.compile(regex));
  }

  /** The flags whose pattern occurs in {@code source}, in a fixed order. */
  static List<String> of(String source) {
    List<String> flags = new ArrayList<>();
    PATTERNS.forEach(
        (name, p) -> {
          if (p.matcher(source).find()) {
            flags.add(name);
          }
        });
    return flags;
  }
}
