"""Runs one confined child per request and reports only facts: exit status or signal, whether the
wall deadline or an output cap was hit, CPU and wall time. The child's output and result channel
are relayed to the JVM as they arrive; the server keeps no copy and never judges them (the JVM
does)."""
import os
import select
import signal
import time

import confinement
import framing

_POLL_IN = select.POLLIN | select.POLLHUP | select.POLLERR


def run_child(cfg, header, child_main):
  """Forks a child that reads the request body from a pipe, confines itself and calls
  child_main(body, result_fd, nonce). Returns the status dict the JVM receives last."""
  limits = header["limits"]
  uid, drop = cfg["uid"], cfg["drop_privileges"]
  job_dir = confinement.make_job_dir(job_dir_of(cfg), uid, drop)
  nonce = os.urandom(16).hex()
  in_r, in_w = os.pipe()
  out_r, out_w = os.pipe()
  res_r, res_w = os.pipe()
  started = time.monotonic()
  pid = os.fork()
  if pid == 0:
    for fd in (in_w, out_r, res_r):
      os.close(fd)
    _child(cfg, header, child_main, nonce, job_dir, in_r, out_w, res_w)
  for fd in (in_r, out_w, res_w):
    os.close(fd)
  try:
    framing.relay_body(0, in_w, header.get("body", 0))
  finally:
    os.close(in_w)
  status = _watch(pid, out_r, res_r, limits, uid, drop, started)
  status["nonce"] = nonce
  confinement.remove_job_dir(job_dir)
  return status


def job_dir_of(cfg):
  """One path for every job of this worker (created empty before, removed after each job): the
  children's environment names it, and the server sets that environment once."""
  return os.path.join(cfg["jobs_dir"], "job")


def _child(cfg, header, child_main, nonce, job_dir, in_r, out_w, res_w):
  try:
    chunks = []
    while True:
      chunk = os.read(in_r, 65536)
      if not chunk:
        break
      chunks.append(chunk)
    body = b"".join(chunks)
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(out_w, 1)
    os.dup2(out_w, 2)
    os.dup2(res_w, 3)
    os.closerange(4, 1 << 16)
    confinement.apply_limits(header["limits"], cfg["drop_privileges"], cfg["uid"])
    os.chdir(job_dir)  # the environment (HOME, TMPDIR) was set by the server for every child
    # "Set-up done": from here on whatever happens is the program's doing. A result channel
    # without this line means we failed; with it but without the final record, the program cut
    # the run short.
    framing.write_all(3, (nonce + "\n").encode())
    child_main(body, 3, nonce, header, job_dir)
  except BaseException as e:  # a failure here is ours, not the program's
    try:
      os.write(2, ("laimark worker: child setup failed: %r\n" % (e,)).encode())
    finally:
      os._exit(121)
  os._exit(0)


def _watch(pid, out_r, res_r, limits, uid, drop, started):
  deadline = started + limits["wall_ms"] / 1000.0
  budgets = {out_r: limits["output_bytes"], res_r: limits["result_bytes"]}
  kinds = {out_r: b"O", res_r: b"R"}
  exceeded = {out_r: False, res_r: False}
  pidfd = os.pidfd_open(pid)
  poller = select.poll()
  for fd in (out_r, res_r, pidfd):
    poller.register(fd, _POLL_IN)
  open_fds = {out_r, res_r}
  timed_out = killed = False

  def kill():
    _kill_all(pid, uid, drop)

  while True:
    remaining = deadline - time.monotonic()
    if remaining <= 0 and not killed:
      timed_out = killed = True
      kill()
    events = poller.poll(max(int(remaining * 1000), 0) + 1 if not killed else 100)
    exited = False
    for fd, _ in events:
      if fd == pidfd:
        exited = True
        continue
      n, forwarded = framing.relay_chunk(fd, 1, kinds[fd], budgets[fd])
      if n == 0:
        poller.unregister(fd)
        open_fds.discard(fd)
        continue
      budgets[fd] -= forwarded
      if forwarded < n and not exceeded[fd]:
        exceeded[fd] = True
        if not killed:
          killed = True
          kill()
    if exited:
      break
  _, wait_status, usage = os.wait4(pid, 0)
  poller.unregister(pidfd)
  os.close(pidfd)
  wall_ms = int((time.monotonic() - started) * 1000)
  leftovers = _clean_up(pid, uid, drop)
  _drain(poller, open_fds, kinds, budgets, exceeded)
  for fd in (out_r, res_r):
    os.close(fd)
  return {
      "exit": os.WEXITSTATUS(wait_status) if os.WIFEXITED(wait_status) else None,
      "signal": os.WTERMSIG(wait_status) if os.WIFSIGNALED(wait_status) else None,
      "timed_out": timed_out,
      "output_exceeded": exceeded[out_r],
      "result_exceeded": exceeded[res_r],
      "cpu_ms": int((usage.ru_utime + usage.ru_stime) * 1000),
      "wall_ms": wall_ms,
      "max_rss_kb": usage.ru_maxrss,
      "leftover_processes": leftovers,
  }


def _kill_all(pid, uid, drop):
  try:
    os.kill(pid, signal.SIGKILL)
  except ProcessLookupError:
    pass
  if drop:
    confinement.kill_everything_of(uid)
  else:
    confinement.kill_session(pid)


def _clean_up(pid, uid, drop):
  """Kills whatever the job left running (detached children, daemons) and waits until no task of the
  uid is left, zombies included, so the next job starts with an empty uid. Returns how many were
  found."""
  if not drop:
    confinement.kill_session(pid)
    return 0
  if confinement.last_pid() == pid:
    return 0  # no process was created after the child: nothing can be left (saves the /proc scan)
  left = confinement.processes_of(uid)
  found = len(left)
  give_up = time.monotonic() + 5.0
  while left:
    if any(not zombie for _, zombie in left):
      confinement.kill_everything_of(uid)
    time.sleep(0.001)
    left = confinement.processes_of(uid)
    if left and time.monotonic() > give_up:
      raise RuntimeError("tasks of uid %d survive SIGKILL: %s" % (uid, left))
  return found


def _drain(poller, open_fds, kinds, budgets, exceeded):
  """After the job's processes are gone every write end is closed: read what is left until EOF."""
  give_up = time.monotonic() + 2.0
  while open_fds and time.monotonic() < give_up:
    for fd, _ in poller.poll(100):
      if fd not in open_fds:
        continue
      n, forwarded = framing.relay_chunk(fd, 1, kinds[fd], budgets[fd])
      if n == 0:
        poller.unregister(fd)
        open_fds.discard(fd)
      else:
        budgets[fd] -= forwarded
        if forwarded < n:
          exceeded[fd] = True
