"""Time one build, or one rebuild under ``mkdocs serve``, as a child process.

Wall time is measured around the whole command, as an editor or CI waits for
it; CPU time (user + system) is reported beside it because it shifts less when
other work shares the machine. CPU time and peak memory (the maximum resident
set size) are the child's own, read from ``os.wait4``:
``getrusage(RUSAGE_CHILDREN)`` would give the largest child so far instead.
"""

from __future__ import annotations

import os
import queue
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

MKDOCS = Path(sys.executable).with_name("mkdocs")
CHILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SERVE_TIMEOUT_S = 900.0
REBUILD_DONE = "Reloading browsers"
REBUILD_START = "Building documentation..."
SERVING = "Serving on"


class BuildFailedError(RuntimeError):
    """A benchmark build exited with an error; carries its output."""


@dataclass(frozen=True)
class BuildRun:
    """One timed build."""

    seconds: float
    cpu_s: float
    peak_mb: float


@dataclass(frozen=True)
class RebuildRun:
    """One edit under ``mkdocs serve``: edit-to-reload time and build time."""

    edit_to_reload_s: float
    build_s: float


def timed_build(command: list[str], cwd: Path, site_dir: Path) -> BuildRun:
    """Run a build command from an empty site folder; time it and its memory."""
    shutil.rmtree(site_dir, ignore_errors=True)
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        child = subprocess.Popen(
            command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT, env=CHILD_ENV
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            output.seek(0)
            text = output.read().decode("utf-8", "replace")
            raise BuildFailedError(f"{' '.join(command)} failed in {cwd}:\n{text[-4000:]}")
    # Linux reports ru_maxrss in KiB.
    return BuildRun(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def mkdocs_build(config_file: Path, site_dir: Path) -> BuildRun:
    """``mkdocs build --strict`` of one config (never quiet: that hides the warnings)."""
    command = [str(MKDOCS), "build", "--strict", "-f", str(config_file), "--site-dir"]
    return timed_build([*command, str(site_dir)], config_file.parent, site_dir)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServeSession:
    """A running ``mkdocs serve`` whose log lines are read as they arrive."""

    def __init__(self, config_file: Path, dirty: bool) -> None:
        # Live reload stays on: it is what watches the files. No browser connects.
        command = [str(MKDOCS), "serve", "-f", str(config_file)]
        address = f"127.0.0.1:{free_port()}"
        command += ["--dev-addr", address]
        if dirty:
            # MkDocs warns that a dirty build may leave stale navigation, and
            # strict mode (on in mkdocs.yml) turns that warning into an abort.
            command += ["--dirty", "--no-strict"]
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.log: list[str] = []
        self.child = subprocess.Popen(
            command,
            cwd=config_file.parent,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=CHILD_ENV,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.child.stdout is not None
        for line in self.child.stdout:
            self.lines.put((time.perf_counter(), line))

    def wait_for(self, text: str) -> float:
        """The time the next log line containing ``text`` arrived."""
        deadline = time.perf_counter() + SERVE_TIMEOUT_S
        while time.perf_counter() < deadline:
            try:
                arrived, line = self.lines.get(timeout=1.0)
            except queue.Empty:
                if self.child.poll() is not None:
                    break
                continue
            self.log.append(line)
            if "ERROR" in line or "Aborted" in line:
                break
            if text in line:
                return arrived
        self.stop()
        raise BuildFailedError(f"mkdocs serve: no '{text}' line:\n{''.join(self.log)[-4000:]}")

    def stop(self) -> None:
        if self.child.poll() is None:
            self.child.terminate()
            try:
                self.child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.child.kill()
                self.child.wait()


def serve_rebuilds(config_file: Path, page: Path, dirty: bool, edits: int) -> list[RebuildRun]:
    """Start ``mkdocs serve``, then append to ``page`` ``edits`` times."""
    session = ServeSession(config_file, dirty)
    runs = []
    try:
        session.wait_for(SERVING)
        original = page.read_text(encoding="utf-8")
        for edit in range(edits):
            # The file watcher polls every 0.5 s; let it see a settled tree first.
            time.sleep(1.0)
            edited = time.perf_counter()
            page.write_text(f"{original}\nAn edited sentence, number {edit + 1}.\n", "utf-8")
            started = session.wait_for(REBUILD_START)
            done = session.wait_for(REBUILD_DONE)
            runs.append(RebuildRun(done - edited, done - started))
        page.write_text(original, encoding="utf-8")
    finally:
        session.stop()
    return runs
