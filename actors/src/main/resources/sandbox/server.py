"""The worker server: one long-lived interpreter per sandbox worker, started once inside bubblewrap.

It never runs model code and never parses a request body: every request except ping is served by a
confined child forked for it (run a program, evaluate expected values, split tests, compare values),
whose body comes straight from the request stream and whose record goes straight back to the JVM."""
import gc
import importlib
import json
import os
import resource
import sys

import confinement
import framing
import supervision
import warm_up

_KINDS = {
    "run": "job_runner",
    "expect": "expected_values",
    "split": "test_splitter",
    "compare": "comparison",
}


def main(config_json):
  cfg = json.loads(config_json)
  # Without bubblewrap the server may not be root: then jobs cannot get a uid of their own.
  cfg.setdefault("drop_privileges", os.getuid() == 0)
  for name in cfg.get("preload", []):
    importlib.import_module(name)
  modules = {kind: importlib.import_module(name) for kind, name in _KINDS.items()}
  seccomp_on = False
  if cfg.get("seccomp"):
    seccomp_on = confinement.install_seccomp(cfg["seccomp_path"])
  warm_up.run()
  # Every child runs in the same job directory path with the same environment: set it once here
  # (the server needs none of its own) instead of in each child, where it cost ~100 page faults.
  confinement.clear_environment(supervision.job_dir_of(cfg))
  # Children share the preloaded heap copy-on-write; frozen objects are never touched by the
  # collector.
  gc.collect()
  gc.freeze()
  serve(cfg, modules, seccomp_on)


def serve(cfg, modules, seccomp_on):
  while True:
    try:
      header = framing.read_header(0)
    except framing.StreamClosed:
      return
    op = header.get("op")
    if op == "ping":
      framing.write_header(1, {
          "pong": True, "pid": os.getpid(), "uid": os.getuid(), "seccomp": seccomp_on,
          "python": sys.version.split()[0], "hash_seed": cfg["hash_seed"],
          "server_cpu_ms": _cpu_ms(resource.RUSAGE_SELF),
          "children_cpu_ms": _cpu_ms(resource.RUSAGE_CHILDREN),
          "leftover_processes": len(confinement.processes_of(cfg["uid"]))
          if cfg["drop_privileges"] else 0,
      })
    elif op in modules:
      module = modules[op]
      status = supervision.run_child(cfg, header, _child_entry(cfg, op, module))
      framing.write_header(1, status)
    else:
      framing.write_header(1, {"error": "unknown op %r" % (op,)})


def _cpu_ms(who):
  usage = resource.getrusage(who)
  return int((usage.ru_utime + usage.ru_stime) * 1000)


def _child_entry(cfg, op, module):
  def entry(body, result_fd, nonce, header, job_dir):
    seed = header.get("hash_seed", cfg["hash_seed"])
    if op in ("run", "expect") and seed != cfg["hash_seed"]:
      _exec_with_hash_seed(cfg, op, body, nonce, seed, job_dir)
    module.main(body, result_fd, nonce)
  return entry


def _exec_with_hash_seed(cfg, op, body, nonce, seed, job_dir):
  """PYTHONHASHSEED is fixed when an interpreter starts, so a job asking for another seed gets a
  fresh interpreter (already confined: limits, uid and fds survive exec)."""
  path = os.path.join(job_dir, ".laimark-job")
  with open(path, "wb") as f:
    f.write(json.dumps({"kind": op, "nonce": nonce}).encode() + b"\n" + body)
  os.set_inheritable(3, True)
  script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "run_job.py")
  env = dict(os.environ, PYTHONHASHSEED=str(seed))
  os.execve(cfg["python"], [cfg["python"], "-B", "-S", "-s", "-P", script, path], env)
