"""Run one job of a submission inside a bubblewrap sandbox, supervised from outside.

What the sandbox holds is decided by what is mounted, not by checks: the system's
``/usr``, the Python installation and the course's virtual environment (read-only),
the harness and its job file (read-only), and two small private tmpfs folders. The
grading folder (sources, graders, gradebook, secret), other students' files and the
repository are simply not there; there is no network (own network namespace) and no
view of other processes (own PID namespace).

The student's code runs as a real unprivileged uid, one per concurrent sandbox
(allocated with a lock file, so two graders on one machine never share one), with
CPU-time, memory, process, file-size and output limits. When the job ends or is
stopped, the PID namespace dies with it and anything still running under that uid is
killed, so nothing a submission starts outlives it.

Time is measured per step (a notebook cell, a probe case) as CPU seconds of the whole
sandbox, which a busy neighbour does not inflate; a wall-clock limit per step catches
code that sleeps instead of computing.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import resource
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HARNESS = Path(__file__).with_name("harness.py")
# Real uids of sandboxed processes: outside any range a distribution hands out.
UID_BASE, UID_SLOTS = 61000, 64
LOCK_DIR = Path(tempfile.gettempdir()) / "course-autograder-uids"
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class SandboxUnavailable(RuntimeError):
    """bubblewrap or setpriv is missing, or cannot create a sandbox on this machine."""


@dataclass(frozen=True)
class Limits:
    """What one sandboxed job may use. Times in seconds, sizes in bytes."""

    step_cpu_s: float = 60.0  # CPU time of one cell or probe case (all its processes)
    step_wall_s: float = 300.0  # wall time of one step: catches sleeping loops
    job_wall_s: float = 900.0  # wall time of the whole job
    memory_bytes: int = (
        6 << 30
    )  # address space per process (jax and TensorFlow reserve much)
    processes: int = 512  # processes and threads of the sandbox's uid
    file_bytes: int = (
        64 << 20
    )  # largest file the job may write (tmpfs is this size too)
    output_bytes: int = (
        256 << 10
    )  # stdout/stderr kept from the process (the rest is dropped)
    message_bytes: int = 64 << 20  # answers channel

    def describe(self) -> str:
        return (
            f"{self.step_cpu_s:g} CPU s and {self.step_wall_s:g} wall s per cell, "
            f"{self.job_wall_s:g} wall s per run, {self.memory_bytes >> 30} GiB memory, "
            f"{self.processes} processes, files up to {self.file_bytes >> 20} MiB"
        )


@dataclass
class JobOutcome:
    """What came back from one sandboxed run of the harness."""

    events: list[dict] = field(default_factory=list)  # parsed messages, in order
    finished: bool = False  # the harness reported that it completed every step
    stopped: str | None = (
        None  # why the supervisor stopped it: 'cpu', 'wall', 'job-wall', 'messages'
    )
    running: str | None = None  # the step under way when it stopped or died
    returncode: int | None = None
    stdout_tail: str = ""
    stderr_tail: str = ""
    cpu_s: float = 0.0
    wall_s: float = 0.0
    leftovers_killed: int = (
        0  # processes of the sandbox uid still alive at the end (then killed)
    )


def check_available() -> None:
    """Fail with a clear message when the sandbox cannot run here."""
    missing = [tool for tool in ("bwrap", "setpriv") if shutil.which(tool) is None]
    if missing:
        raise SandboxUnavailable(
            f"{' and '.join(missing)} not found: the autograder runs each submission in a bubblewrap "
            "sandbox. Install Debian's bubblewrap and util-linux (make grade does this when run as root)."
        )
    if os.geteuid() != 0:
        raise SandboxUnavailable(
            "the autograder must run as root: it starts each sandbox as its own "
            "unprivileged uid, which only root may do"
        )


@contextlib.contextmanager
def _uid_slot():
    """A uid no other running sandbox (of any grader on this machine) is using."""
    LOCK_DIR.mkdir(mode=0o700, exist_ok=True)
    for slot in range(UID_SLOTS):
        handle = open(LOCK_DIR / f"{slot}.lock", "w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        try:
            uid = UID_BASE + slot
            _kill_uid(uid)  # a crashed earlier grader may have left something
            yield uid
        finally:
            handle.close()
        return
    raise SandboxUnavailable(f"all {UID_SLOTS} sandbox uids are in use")


def _proc_stats():
    """pid -> (ppid, uid, cpu seconds including reaped children), for every process."""
    stats = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                raw = f.read().decode(errors="replace")
            uid = os.stat(f"/proc/{entry.name}").st_uid
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2 :].split()  # the command name may hold spaces
        ticks = sum(int(x) for x in fields[11:15])  # utime, stime, cutime, cstime
        stats[int(entry.name)] = (int(fields[1]), uid, ticks / _CLOCK_TICKS)
    return stats


def _tree_cpu(root_pid: int, stats) -> float:
    children: dict[int, list[int]] = {}
    for pid, (ppid, _, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    total, todo = 0.0, [root_pid]
    while todo:
        pid = todo.pop()
        if pid in stats:
            total += stats[pid][2]
        todo.extend(children.get(pid, ()))
    return total


def _kill_uid(uid: int) -> int:
    """Kill every process running as ``uid``; the number killed."""
    killed = 0
    for _ in range(20):
        pids = [pid for pid, (_, owner, _) in _proc_stats().items() if owner == uid]
        if not pids:
            return killed
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
                killed += 1
        time.sleep(0.05)
    return killed


def _bwrap_command(
    job_dir: Path, uid: int, limits: Limits, env: dict[str, str], message_fd: int
) -> list[str]:
    python = Path(sys.executable)
    prefixes = sorted({os.path.realpath(sys.prefix), os.path.realpath(sys.base_prefix)})
    cmd = [
        "bwrap",
        "--unshare-pid",
        "--unshare-net",
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-cgroup-try",
        "--die-with-parent",
        "--new-session",
        "--ro-bind",
        "/usr",
        "/usr",
        "--symlink",
        "usr/lib",
        "/lib",
        "--symlink",
        "usr/lib64",
        "/lib64",
        "--symlink",
        "usr/bin",
        "/bin",
        "--symlink",
        "usr/sbin",
        "/sbin",
    ]
    # The private /tmp first: a virtual environment under /tmp (a clone there) is mounted over it.
    cmd += [
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--size",
        str(limits.file_bytes),
        "--perms",
        "1777",
        "--tmpfs",
        "/tmp",
    ]
    mounts = [p for p in prefixes if not p.startswith("/usr/")]
    if not str(python).startswith(tuple(prefixes)):
        mounts.append(str(python.parent))
    for path in _ancestors(mounts):
        # bwrap would create these private (0700): the sandbox's uid must be able to pass through.
        cmd += ["--perms", "0755", "--dir", path]
    for path in mounts:
        cmd += ["--ro-bind", path, path]
    cmd += [
        "--size",
        str(limits.file_bytes),
        "--perms",
        "0777",
        "--tmpfs",
        "/submission",
        "--ro-bind",
        str(job_dir),
        "/job",
        "--chdir",
        "/submission",
        "--clearenv",
    ]
    for key, value in {
        **env,
        "HOME": "/submission",
        "TMPDIR": "/tmp",
        "PATH": "/usr/bin:/bin",
        "MPLCONFIGDIR": "/tmp/matplotlib",
        "KERAS_HOME": "/tmp/keras",
        "HARNESS_FD": str(message_fd),
    }.items():
        cmd += ["--setenv", key, value]
    cmd += [
        "--",
        "setpriv",
        f"--reuid={uid}",
        f"--regid={uid}",
        "--clear-groups",
        "--inh-caps=-all",
        "--bounding-set=-all",
        str(python),
        "-I",
        "-B",
        "/job/harness.py",
        "/job/job.json",
    ]
    return cmd


def _ancestors(paths: list[str]) -> list[str]:
    """Every folder above the given paths (outside /usr), parents first."""
    found = set()
    for path in paths:
        parent = Path(path).parent
        while str(parent) not in ("/", "/usr") and not str(parent).startswith("/usr/"):
            found.add(str(parent))
            parent = parent.parent
    return sorted(found, key=lambda p: p.count("/"))


def _limit_resources(limits: Limits):
    def apply():
        # Inherited by every process of the sandbox; the CPU limit is a backstop for the whole
        # job (per-step limits are the supervisor's), the others hold for each process.
        cpu = int(limits.job_wall_s) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
        resource.setrlimit(
            resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes)
        )
        resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))
        resource.setrlimit(
            resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes)
        )
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    return apply


class _Tail:
    """Keeps the first ``limit`` bytes of a stream and counts the rest."""

    def __init__(self, limit: int):
        self.limit, self.data, self.dropped = limit, bytearray(), 0

    def add(self, chunk: bytes) -> None:
        room = self.limit - len(self.data)
        self.data += chunk[: max(room, 0)]
        self.dropped += max(len(chunk) - max(room, 0), 0)

    def text(self) -> str:
        note = f"\n[... {self.dropped:,} more bytes dropped]" if self.dropped else ""
        return self.data.decode(errors="replace") + note


def run_job(job: dict, limits: Limits, env: dict[str, str] | None = None) -> JobOutcome:
    """Run the harness on ``job`` in a fresh sandbox and return what it reported.

    ``job`` is plain data (see harness.py). The harness reports on a pipe; anything it
    sends is parsed as JSON lines and nothing else, so the caller gets data, never code.
    """
    check_available()
    outcome = JobOutcome()
    with (
        tempfile.TemporaryDirectory(prefix="autograde-job-") as tmp,
        _uid_slot() as uid,
    ):
        job_dir = Path(tmp)
        shutil.copy(HARNESS, job_dir / "harness.py")
        (job_dir / "job.json").write_text(json.dumps(job))
        os.chmod(job_dir, 0o755)
        read_fd, write_fd = os.pipe()
        start = time.monotonic()
        try:
            proc = subprocess.Popen(
                _bwrap_command(job_dir, uid, limits, env or {}, write_fd),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                pass_fds=(write_fd,),
                preexec_fn=_limit_resources(limits),
                start_new_session=True,
            )
        finally:
            os.close(write_fd)
        try:
            _supervise(proc, read_fd, limits, outcome, start)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            os.close(read_fd)
            outcome.returncode = proc.returncode
            outcome.wall_s = time.monotonic() - start
            outcome.leftovers_killed = _kill_uid(uid)
    return outcome


def _supervise(
    proc: subprocess.Popen,
    read_fd: int,
    limits: Limits,
    outcome: JobOutcome,
    start: float,
) -> None:
    streams = {
        proc.stdout.fileno(): _Tail(limits.output_bytes),
        proc.stderr.fileno(): _Tail(limits.output_bytes),
        read_fd: None,
    }
    buffer, received = bytearray(), 0
    step_cpu0 = step_wall0 = None
    cpu = 0.0
    open_fds = set(streams)
    while open_fds:
        ready, _, _ = select.select(list(open_fds), [], [], 0.2)
        for fd in ready:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                open_fds.discard(fd)
                continue
            if fd != read_fd:
                streams[fd].add(chunk)
                continue
            received += len(chunk)
            if received > limits.message_bytes:
                outcome.stopped = "messages"
                return _finish(outcome, streams, proc)
            buffer += chunk
            while b"\n" in buffer:
                line, _, rest = buffer.partition(b"\n")
                buffer = bytearray(rest)
                event = _parse_event(line)
                if event is None:
                    continue
                outcome.events.append(event)
                if event.get("event") == "start":
                    outcome.running = str(event.get("step"))
                    step_cpu0, step_wall0 = cpu, time.monotonic()
                elif (
                    event.get("event") == "end"
                    and str(event.get("step")) == outcome.running
                ):
                    outcome.running = None
                elif event.get("event") == "done":
                    outcome.finished = True
        now = time.monotonic()
        cpu = _tree_cpu(proc.pid, _proc_stats())
        if outcome.running is not None:
            if cpu - step_cpu0 > limits.step_cpu_s:
                outcome.stopped = "cpu"
            elif now - step_wall0 > limits.step_wall_s:
                outcome.stopped = "wall"
        if now - start > limits.job_wall_s:
            outcome.stopped = "job-wall"
        if outcome.stopped:
            break
        if proc.poll() is not None and not ready:
            break
    outcome.cpu_s = cpu
    _finish(outcome, streams, proc)


def _finish(outcome: JobOutcome, streams, proc) -> None:
    if outcome.finished and outcome.stopped is None:
        outcome.running = None
    tails = [t for t in streams.values() if t is not None]
    outcome.stdout_tail, outcome.stderr_tail = (t.text()[-4000:] for t in tails)


def _parse_event(line: bytes) -> dict | None:
    try:
        event = json.loads(line)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return event if isinstance(event, dict) else None
