"""Child side of an "expect" request: evaluates the expected sides of tests that are not literals
and use nothing the program defines (e.g. float('inf'), math.pi, sorted([3, 1, 2])). It runs only
the tests' imports and these expressions, never the program, and returns canonical forms."""
import builtins
import importlib
import json

import canonical
import child_prelude


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
  values = []
  for src in request.get("exprs", []):
    try:
      value = eval(compile("(\n" + src + "\n)", "<expected>", "eval", dont_inherit=True), namespace)
      values.append({"value": canonical.canonical(value)})
    except BaseException as e:
      values.append({"error": child_prelude.describe(e, "<expected>")})
  return {"values": values}
