"""What confines a child: the server-wide seccomp filter, and per child a new session, its own uid,
resource limits, a fresh private job directory and a cleared environment; afterwards every
process left under that uid is killed. bubblewrap (started by the JVM) supplies the namespaces
and the filesystem."""
import errno
import os
import resource
import signal

AF_UNIX = 1
CLONE_NEWUSER = 0x10000000
# Kernel interfaces a test program never needs and that widen the attack surface.
_DENIED_SYSCALLS = (
    "ptrace", "process_vm_readv", "process_vm_writev", "mount", "umount2", "pivot_root", "chroot",
    "unshare", "setns", "bpf", "perf_event_open", "userfaultfd", "keyctl", "add_key", "request_key",
    "open_by_handle_at", "name_to_handle_at", "kexec_load", "init_module", "finit_module",
    "delete_module", "reboot", "swapon", "swapoff", "acct", "io_uring_setup", "io_uring_enter",
    "io_uring_register",
)


def install_seccomp(dist_packages):
  """Denies socket() for every family but AF_UNIX, new user namespaces and a list of kernel
  interfaces. Inherited by every child forked afterwards; returns True when loaded."""
  import sys
  sys.path.append(dist_packages)
  try:
    import seccomp
  finally:
    sys.path.remove(dist_packages)
  f = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
  f.add_rule(seccomp.ERRNO(errno.EACCES), "socket", seccomp.Arg(0, seccomp.NE, AF_UNIX))
  for name in _DENIED_SYSCALLS:
    f.add_rule(seccomp.ERRNO(errno.EPERM), name)
  # clone3 passes its flags in memory seccomp cannot read: make libc fall back to clone, then check.
  f.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
  f.add_rule(seccomp.ERRNO(errno.EPERM), "clone",
             seccomp.Arg(0, seccomp.MASKED_EQ, CLONE_NEWUSER, CLONE_NEWUSER))
  f.load()
  return True


def apply_limits(limits, drop_privileges, uid):
  """In the freshly forked child: new session, limits, then the worker's own uid (root keeps
  CAP_SETUID only until here)."""
  os.setsid()
  cpu = int(limits["cpu_s"])
  resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
  resource.setrlimit(resource.RLIMIT_AS, (limits["as_bytes"], limits["as_bytes"]))
  resource.setrlimit(resource.RLIMIT_FSIZE, (limits["fsize_bytes"], limits["fsize_bytes"]))
  resource.setrlimit(resource.RLIMIT_NOFILE, (limits["nofile"], limits["nofile"]))
  resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
  if drop_privileges:
    # RLIMIT_NPROC counts per uid and is not enforced for root: only meaningful after the drop.
    resource.setrlimit(resource.RLIMIT_NPROC, (limits["nproc"], limits["nproc"]))
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)
  os.umask(0o077)


def clear_environment(job_dir):
  os.environ.clear()
  os.environ.update({"PATH": "/usr/bin", "HOME": job_dir, "TMPDIR": job_dir, "LANG": "C.UTF-8"})


def make_job_dir(path, uid, drop_privileges):
  """A fresh empty 0700 directory at path. One a previous job left behind is removed first, or, if
  that fails, moved aside (its space stays taken on the worker's tmpfs, the worker keeps serving)."""
  try:
    os.mkdir(path, 0o700)
  except FileExistsError:
    remove_job_dir(path)
    if os.path.lexists(path):
      os.rename(path, "%s.stale-%s" % (path, os.urandom(8).hex()))
    os.mkdir(path, 0o700)
  if drop_privileges:
    os.chown(path, uid, uid)
  return path


def remove_job_dir(path):
  try:
    os.rmdir(path)
  except OSError:
    import shutil
    shutil.rmtree(path, ignore_errors=True)


def last_pid():
  """The last pid allocated in our pid namespace (the kernel reports it per namespace)."""
  fd = os.open("/proc/loadavg", os.O_RDONLY)  # not open(): that adds fstat, ioctl and lseek calls
  try:
    return int(os.read(fd, 128).split()[-1])
  finally:
    os.close(fd)


def processes_of(uid):
  """Tasks whose real uid is uid in the worker's pid namespace, as (pid, is_zombie). Zombies count:
  they hold a slot of the uid's RLIMIT_NPROC until the sandbox's init reaps them."""
  found = []
  for name in os.listdir("/proc"):
    if not name.isdigit():
      continue
    try:
      with open("/proc/%s/status" % name, "rb") as f:
        status = f.read()
    except OSError:
      continue
    state = uid_line = None
    for line in status.split(b"\n"):
      if line.startswith(b"State:"):
        state = line.split()[1]
      elif line.startswith(b"Uid:"):
        uid_line = line.split()
        break
    if uid_line and int(uid_line[1]) == uid:
      found.append((int(name), state == b"Z"))
  return found


def kill_everything_of(uid):
  """kill(-1) from a process running as uid signals every process of that uid at once: a fork bomb
  cannot outrun it, since the kernel holds the task list while it delivers."""
  pid = os.fork()
  if pid == 0:
    try:
      os.setuid(uid)
      os.kill(-1, signal.SIGKILL)
    finally:
      os._exit(0)
  os.waitpid(pid, 0)


def kill_session(pgid):
  """Without our own uid (unisolated, not root) only the job's session can be killed."""
  try:
    os.killpg(pgid, signal.SIGKILL)
  except ProcessLookupError:
    pass
