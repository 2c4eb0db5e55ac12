"""Child side of a "run" request: executes the program, then the test plan, in one namespace.

Plan steps are either statements to execute (imports, set-up, asserts we could not split) or probe
expressions whose values are returned in canonical form; the expected values they are compared with
never enter this process. The record says how far it got and why it stopped."""
import builtins
import json

import canonical
import child_prelude


def main(body, result_fd, nonce):
  job = json.loads(body)
  child_prelude.prepare(job.get("clock_shift_s", 0), "program.py")
  record = execute(job["program"], job.get("plan", []))
  child_prelude.report(result_fd, nonce, record)


def execute(program, plan):
  record = {"phase": "done", "index": -1, "error": None, "probes": []}
  try:
    code = compile(program, "<program>", "exec", dont_inherit=True)
  except (SyntaxError, ValueError) as e:
    record.update(phase="compile", error=child_prelude.describe(e, "<program>"))
    return record
  namespace = {"__name__": "__main__", "__builtins__": builtins}
  try:
    exec(code, namespace)
  except BaseException as e:
    record.update(phase="program", error=child_prelude.describe(e, "<program>"))
    return record
  for index, step in enumerate(plan):
    filename = "<test line %d>" % step.get("line", 0)
    try:
      if "exec" in step:
        exec(compile(step["exec"], filename, "exec", dont_inherit=True), namespace)
      else:
        values = [canonical.canonical(eval(compile("(\n" + src + "\n)", filename, "eval",
                                                   dont_inherit=True), namespace))
                  for src in step["probes"]]
        record["probes"].append([index, values])
    except BaseException as e:
      record.update(phase="tests", index=index, error=child_prelude.describe(e, filename))
      return record
  return record
