"""Entry point of a fresh interpreter for a job that needs another PYTHONHASHSEED than its worker's.
Started by exec from an already confined child; reads and deletes the job file, then runs the
job."""
import os
import sys

_here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, _here)
_path = sys.argv[1]
with open(_path, "rb") as _f:
  _first, _body = _f.read().split(b"\n", 1)
os.unlink(_path)
import json  # noqa: E402

_meta = json.loads(_first)
if _meta["kind"] == "run":
  import job_runner as _module  # noqa: E402
else:
  import expected_values as _module  # noqa: E402
_module.main(_body, 3, _meta["nonce"])
