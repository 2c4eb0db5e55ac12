"""Child side of an "expect" request: evaluates the expected sides of tests that are not literals
and use nothing the tests define (e.g. float('inf'), math.pi, sorted([3, 1, 2])). It runs only
the tests' imports and these expressions, never the program, and returns canonical forms.

The program's text comes along only to be parsed (ast, never run): an expression reading a name
the program binds at module level (MBPP/126 defines its own `sum`) is reported `shadowed_by` those
names, and the JVM may then have the program's child evaluate it instead (see JobExecution)."""
import builtins
import importlib
import json

import canonical
import child_prelude
import test_splitter


def main(body, result_fd, nonce):
  request = json.loads(body)
  child_prelude.prepare(request.get("clock_shift_s", 0), "expected.py")
  child_prelude.report(result_fd, nonce, evaluate(request))


def evaluate(request):
  namespace = {"__name__": "__expected__", "__builtins__": builtins}
  for name in request.get("modules", []):
    try:
      namespace[name] = importlib.import_module(name)
    except BaseException:
      pass  # the expression then fails with NameError, reported against its own test line
  for src in request.get("imports", []):
    try:
      exec(compile(src, "<tests>", "exec", dont_inherit=True), namespace)
    except BaseException:
      pass
  program = request.get("program")
  bound = test_splitter.program_names(program) if program else set()
  values = []
  for src in request.get("exprs", []):
    item = {}
    shadowed = (test_splitter.free_names_of_expression(src) or set()) & bound if bound else None
    if shadowed:
      item["shadowed_by"] = sorted(shadowed)
    try:
      value = eval(compile("(\n" + src + "\n)", "<expected>", "eval", dont_inherit=True), namespace)
      item["value"] = canonical.canonical(value)
    except BaseException as e:
      item["error"] = child_prelude.describe(e, "<expected>")
    values.append(item)
  return {"values": values}
