"""Child side of a "compare" request: rebuilds canonical forms into builtin objects (no eval) and
applies the test's comparison with Python's own semantics (1 == 1.0, {1, 2} == {2, 1}, nan != nan).
Runs no model code: the forms were produced elsewhere and are only data here."""
import json
import operator

import canonical
import child_prelude

_OPS = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
        ">": operator.gt, ">=": operator.ge, "in": lambda a, b: a in b,
        "not in": lambda a, b: a not in b, "is": operator.is_, "is not": operator.is_not}


def main(body, result_fd, nonce):
  request = json.loads(body)
  child_prelude.report(result_fd, nonce, {"results": [judge(c) for c in request["checks"]]})


def judge(check):
  ops, roles = check["ops"], check.get("roles", [])
  try:
    values = [canonical.rebuild(form) for form in check["values"]]
    if len(values) != len(ops) + 1 or any(op not in _OPS for op in ops):
      raise canonical.MalformedForm("%d values for %d operators" % (len(values), len(ops)))
  except canonical.MalformedForm as e:
    return {"ok": False, "malformed": True, "error_type": "", "message": str(e)[:500]}
  try:
    if ops:
      held = all(bool(_OPS[op](values[i], values[i + 1])) for i, op in enumerate(ops))
    else:
      held = bool(values[0])
  except Exception as e:
    return {"ok": False, "malformed": False, "error_type": type(e).__name__,
            "message": str(e)[:500]}
  if check.get("negate"):
    held = not held
  return {"ok": held, "malformed": False, "error_type": "" if held else "AssertionError",
          "message": "" if held else _explain(values, ops, roles, check.get("negate"))}


def _short(value):
  text = repr(value)
  return text if len(text) <= 200 else text[:197] + "..."


def _explain(values, ops, roles, negate):
  if not ops:
    return "got %s, expected a %s value" % (_short(values[0]), "false" if negate else "true")
  if ops == ["=="] and not negate and sorted(roles) == ["expected", "probe"]:
    got, expected = (values[0], values[1]) if roles[0] == "probe" else (values[1], values[0])
    return "got %s, expected %s" % (_short(got), _short(expected))
  parts = [_short(values[0])]
  for i, op in enumerate(ops):
    parts += [op, _short(values[i + 1])]
  return ("%s is true" if negate else "%s is false") % " ".join(parts)
