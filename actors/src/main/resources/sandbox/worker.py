"""Entry point of a sandbox worker: python3.11 -B -S -s -P worker.py CONFIG_JSON (see server.py)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import server  # noqa: E402

server.main(sys.argv[1])
