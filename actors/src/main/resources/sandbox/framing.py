"""Frames between the JVM and the worker server, and a relay that leaves no copy behind.

Java -> server: 'H' frames (kind byte, 4-byte big-endian length, UTF-8 JSON header); a header
with "body": n is followed by n raw bytes that the server never parses: it relays them to a
child. Server -> Java: 'O' (child output chunk), 'R' (child result-channel chunk) and exactly one
'H' (status) per request. Bodies and result records pass through one preallocated buffer that is
zeroed after every use, so expected values never sit in the server's heap when it forks the next
child."""
import json
import os
import struct

_LEN = struct.Struct(">I")
BUFFER_SIZE = 65536
_buffer = bytearray(BUFFER_SIZE)
_view = memoryview(_buffer)
_zeros = memoryview(bytes(BUFFER_SIZE))


class StreamClosed(Exception):
  """The JVM closed the request stream: the server exits."""


def _read_exact(fd, n):
  parts = []
  while n > 0:
    chunk = os.read(fd, n)
    if not chunk:
      raise StreamClosed()
    parts.append(chunk)
    n -= len(chunk)
  return b"".join(parts)


def read_header(fd):
  """Reads one 'H' frame and returns its JSON object (headers carry no test data)."""
  kind = _read_exact(fd, 1)
  if kind != b"H":
    raise ValueError("expected a header frame, got kind %r" % kind)
  (length,) = _LEN.unpack(_read_exact(fd, 4))
  if length > 1 << 20:
    raise ValueError("header frame of %d bytes is too large" % length)
  return json.loads(_read_exact(fd, length))


def write_frame(fd, kind, payload):
  _write_frame(fd, kind, memoryview(payload))


def _write_frame(fd, kind, payload):
  """Header and payload in one writev: every write to the pipe may wake the JVM's reader thread."""
  header = kind + _LEN.pack(len(payload))
  written = os.writev(fd, [header, payload])
  if written < len(header):
    write_all(fd, header[written:])
    written = len(header)
  write_all(fd, payload[written - len(header):])


def write_header(fd, obj):
  write_frame(fd, b"H", json.dumps(obj).encode("utf-8"))


def write_all(fd, data):
  view = memoryview(data)
  while view:
    written = os.write(fd, view)
    view = view[written:]


def relay_body(src_fd, dst_fd, length):
  """Copies length bytes from src_fd to dst_fd through the zeroed buffer. If the destination is gone
  (the child died), the rest is still consumed so the request stream stays in step."""
  dst_open = True
  while length > 0:
    n = os.readv(src_fd, [_view[: min(length, BUFFER_SIZE)]])
    if n == 0:
      raise StreamClosed()
    if dst_open:
      try:
        write_all(dst_fd, _view[:n])
      except OSError:
        dst_open = False
    _view[:n] = _zeros[:n]
    length -= n


def relay_chunk(src_fd, out_fd, kind, budget):
  """Reads one chunk from src_fd and forwards at most budget bytes of it as a frame.
  Returns (bytes read, bytes forwarded); 0 bytes read means end of file."""
  n = os.readv(src_fd, [_view])
  forwarded = min(n, max(budget, 0))
  if forwarded:
    _write_frame(out_fd, kind, _view[:forwarded])
  _view[:n] = _zeros[:n]
  return n, forwarded
