"""Runs the children's own code paths in the server, once at start, on fixed inputs of ours.

Python 3.11 rewrites a function's bytecode in place while it warms up (quickening, inline-cache
counters). Code that only ever ran in forked children was never warm in the server, so every child
re-did that work, writing to the code objects' pages: each written page is a copy-on-write fault
(measured ~3-4 us each here). Warming the paths up in the server before the heap is frozen cut a
trivial run child from ~400 faults and ~2.3 ms CPU to about half (docs/sandbox.md). The inputs are
literals written here; no request body and no model code is involved."""
import json

import canonical
import child_prelude
import comparison
import expected_values
import job_runner
import test_splitter

ROUNDS = 64

_PROGRAM = '''
def f(x, *rest):
  return [x, (x, 1.5), {"k": x}, {x, 2}, None, True, "s" * x, b"b", float("nan"), 2 ** 70, rest]
'''
_TESTS = '''from math import pi
assert f(1) == [1, (1, 1.5), {"k": 1}, {1, 2}, None, True, "s", b"b", 0, 2, ()]
assert f(2) != sorted([3, 1]) and not f(3) is None
assert len(f(1)) in (11, 12)
x = f(1)
'''


def run():
  request = json.dumps({"program": _PROGRAM, "clock_shift_s": 0.0, "plan": [
      {"line": 1, "probes": ["f(1)", "f(2, 'a')"]}, {"line": 2, "exec": "assert f(1)"},
  ]}).encode()
  failing = [{"line": 3, "exec": "assert f(1) == 0, 'no'"}]
  split = json.dumps(test_splitter.split(_TESTS))
  for _ in range(ROUNDS):
    job = json.loads(request)
    record = job_runner.execute(job["program"], job["plan"])
    failed = job_runner.execute(job["program"], failing)
    job_runner.execute("def broken(:\n", [])
    child_prelude._dumps(record)
    child_prelude._dumps(failed)
    forms = record["probes"][0][1]
    comparison.judge({"ops": ["=="], "roles": ["probe", "expected"], "values": [forms[0], forms[0]]})
    comparison.judge({"ops": ["=="], "roles": ["probe", "expected"], "values": [forms[0], forms[1]]})
    expected_values.evaluate({"modules": ["math"], "imports": [], "exprs": ["sorted([3, 1])", "1/0"]})
    json.loads(split)
  canonical.canonical(object())
