"""What every child that runs model-written code does first, so it behaves like a fresh interpreter:
stdlib-only import path, fresh random state, exit()/quit() as under site, the shifted clock."""
import builtins
import json
import os
import sys

import clock_shift

# Taken before any model code runs, which may rebind the module attributes.
_dumps, _write, _exit = json.dumps, os.write, os._exit

_STDLIB_PATH = [p for p in sys.path if p.startswith(sys.base_prefix) and "-packages" not in p]


def prepare(clock_shift_seconds, argv0):
  sys.path[:] = _STDLIB_PATH
  sys.argv[:] = [argv0]
  # A `random` preloaded in the worker is reseeded in every forked child by its own at-fork hook
  # (random.py registers _inst.seed with os.register_at_fork); one not preloaded starts fresh.
  if not hasattr(builtins, "exit"):
    builtins.exit = builtins.quit = sys.exit
  clock_shift.install(clock_shift_seconds)


def describe(error, filename):
  """type, message and the line in `filename` where error was raised (0 when elsewhere)."""
  line = 0
  if isinstance(error, SyntaxError) and error.filename == filename:
    line = error.lineno or 0
  tb = error.__traceback__
  while tb is not None:
    if tb.tb_frame.f_code.co_filename == filename:
      line = tb.tb_lineno
    tb = tb.tb_next
  try:
    name = type(error).__name__
  except Exception:
    name = "?"
  if isinstance(error, SyntaxError):
    message = str(error.msg)
  elif isinstance(error, SystemExit):
    message = "exit code %r" % (error.code,)
  else:
    try:
      message = str(error)
    except BaseException:
      message = "<unprintable %s>" % name
  return {"type": str(name)[:200], "message": message[:1000], "line": line}


def report(fd, nonce, record):
  """The one result record: nonce, then JSON. Output is flushed first so it is not lost at _exit."""
  for stream in (sys.stdout, sys.stderr):
    try:
      stream.flush()
    except BaseException:
      pass
  data = (nonce + _dumps(record)).encode("utf-8")
  view = memoryview(data)
  try:
    while view:
      view = view[_write(fd, view):]
  finally:
    _exit(0)
