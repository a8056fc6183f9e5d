"""Time one build, or one edit under ``mkdocs serve``, as a child process.

Wall time is measured around the whole command, as an editor or CI waits for
it; CPU time (user + system) is reported beside it because it shifts less when
other work shares the machine. CPU time and peak memory (the maximum resident
set size) are the child's own, read from ``os.wait4``:
``getrusage(RUSAGE_CHILDREN)`` would give the largest child so far instead.
"""

from __future__ import annotations

import io
import logging
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from healthsite.translations.status import SPANISH_SUFFIX

log = logging.getLogger("benchmarks.measure")

MKDOCS = Path(sys.executable).with_name("mkdocs")
CHILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SERVE_TIMEOUT_S = 900.0
REBUILD_DONE = "Reloading browsers"
REBUILD_START = "Building documentation..."
# What the server logs when its file watcher has seen a file change.
CHANGE_SEEN = "Detected file changes"
SERVING = "Serving on"
SERVED_AT = re.compile(r"Serving on (\S+)")
# The call MkDocs' live-reload script makes in every served page: livereload(epoch, id).
LIVERELOAD_CALL = re.compile(r"livereload\((\d+), *\d+\)")


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
    """One save under ``mkdocs serve``.

    ``edit_to_reload_s`` runs from writing the file to the answer that makes a
    browser reload (see ``LiveReload``); ``build_s`` is the rebuild alone, from
    the log. ``page_updated``: the page served after the reload has the edit.
    ``checked``: the build logged the page's readability scores, the last
    check a page goes through, so its checks ran on this rebuild.
    """

    edit_to_reload_s: float
    build_s: float
    page_updated: bool
    checked: bool
    # CPU time of the serve process from the save to the reload (Linux; else None).
    cpu_s: float | None = None
    # From the save to the page, fetched after the reload, in hand (with the edit if updated).
    edit_to_page_s: float | None = None
    # The other pages the save shows on (``Save.elsewhere``) have it too.
    elsewhere_updated: bool | None = None
    # The machine's load (1 minute) before the save and after the page was in hand.
    load: tuple[float, float] | None = None


@dataclass(frozen=True)
class Save:
    """One save an editor makes: ``text`` written to ``path``; the served page
    then shows ``shown``, and each page of ``elsewhere`` (by its address) its text."""

    path: Path
    text: str
    shown: str
    elsewhere: tuple[tuple[str, str], ...] = ()


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


class LiveReload:
    """What the script ``mkdocs serve`` puts in every page does: ask
    ``/livereload/<epoch>/<id>`` for a newer epoch than the page's, which the
    server answers once a rebuild is done; the browser then reloads."""

    def __init__(self, base_url: str, page_url: str) -> None:
        self.base_url = base_url
        self.page_url = page_url
        self.answered = threading.Event()
        self.reloaded_at = 0.0
        self.failure = ""

    def page(self) -> str:
        with urllib.request.urlopen(f"{self.base_url}{self.page_url}", timeout=60) as answer:
            return str(answer.read().decode("utf-8"))

    def start(self) -> None:
        """Load the page and start waiting, as an open browser tab does."""
        found = LIVERELOAD_CALL.search(self.page())
        if found is None:
            raise BuildFailedError(f"{self.page_url}: mkdocs serve put no livereload script in it")
        epoch = int(found.group(1))
        self.answered.clear()
        self.failure = ""
        threading.Thread(target=self._poll, args=(epoch,), daemon=True).start()

    def _poll(self, epoch: int) -> None:
        root = urllib.parse.urlsplit(self.base_url)
        url = f"{root.scheme}://{root.netloc}/livereload/{epoch}/{time.time_ns() // 1000}"
        while True:
            # The server answers at once when the site is newer, else after a minute.
            try:
                with urllib.request.urlopen(url, timeout=SERVE_TIMEOUT_S) as answer:
                    newer = float(answer.read()) > epoch
            except OSError as error:  # the server stopped: wait() says so
                self.failure = f"{url}: {error}"
                self.answered.set()
                return
            if newer:
                self.reloaded_at = time.perf_counter()
                self.answered.set()
                return

    def wait(self) -> float:
        if not self.answered.wait(SERVE_TIMEOUT_S):
            raise BuildFailedError(f"{self.page_url}: no reload within {SERVE_TIMEOUT_S:.0f} s")
        if self.failure:
            raise BuildFailedError(f"no reload: {self.failure}")
        return self.reloaded_at


class ServeSession:
    """A running ``mkdocs serve`` whose log lines are read as they arrive."""

    def __init__(self, config_file: Path, options: tuple[str, ...]) -> None:
        # Live reload stays on: it is what watches the files.
        command = [str(MKDOCS), "serve", "-f", str(config_file), *options]
        address = f"127.0.0.1:{free_port()}"
        self.base_url = f"http://{address}"
        command += ["--dev-addr", address]
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.log: list[str] = []
        # Whether the file watcher has seen a save (``CHANGE_SEEN`` logged).
        self.saw_a_save = False
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

    def wait_for(
        self, text: str, errors: bool = False, timeout_s: float = SERVE_TIMEOUT_S
    ) -> float:
        """The time the next log line containing ``text`` arrived.

        An error line ends the wait with BuildFailedError, unless ``errors``
        (a test waiting for the error it caused).
        """
        deadline = time.perf_counter() + timeout_s
        while time.perf_counter() < deadline:
            try:
                arrived, line = self.lines.get(timeout=1.0)
            except queue.Empty:
                if self.child.poll() is not None:
                    break
                continue
            self.log.append(line)
            self.saw_a_save = self.saw_a_save or CHANGE_SEEN in line
            if text in line:
                return arrived
            if not errors and ("ERROR" in line or "Aborted" in line):
                break
        self.stop()
        raise BuildFailedError(f"mkdocs serve: no '{text}' line:\n{''.join(self.log)[-4000:]}")

    def cpu_s(self) -> float | None:
        """CPU time (user + system) the serve process has used so far, from /proc."""
        try:
            fields = Path(f"/proc/{self.child.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        # After the ")" of the command name: field 3 is the state, 14 and 15 utime and stime.
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.child.poll() is None:
            self.child.terminate()
            try:
                self.child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.child.kill()
                self.child.wait()


def page_address(source: str) -> str:
    """The served address of a page (``conditions/x.es.md``: ``/es/conditions/x/``)."""
    language = "es" if source.endswith(SPANISH_SUFFIX) else None
    stem = source.removesuffix(SPANISH_SUFFIX if language else ".md")
    return f"/{language}/{stem}/" if language else f"/{stem}/"


def serve_rebuilds(
    config_file: Path, pages: Sequence[Path], options: tuple[str, ...], edits: int
) -> list[list[RebuildRun]]:
    """Start ``mkdocs serve`` with ``options`` once; for each of ``pages`` in
    turn, open it as a browser would, then append a sentence to it ``edits``
    times, timing each save to reload. Each page's runs, in the order given.
    The pages get their text back once the server has stopped."""
    originals = {page: page.read_text(encoding="utf-8") for page in pages}
    sentences = [f"An edited sentence, number {edit + 1}." for edit in range(edits)]
    planned = [
        (
            page.relative_to(config_file.parent / "docs").as_posix(),
            [Save(page, f"{originals[page]}\n{sentence}\n", sentence) for sentence in sentences],
        )
        for page in pages
    ]
    try:
        return timed_saves_of_pages(config_file, options, planned)
    finally:
        for page, original in originals.items():
            page.write_text(original, encoding="utf-8")


def timed_saves(
    config_file: Path,
    source: str,
    options: tuple[str, ...],
    saves: Sequence[Save],
    rebuild_timeout_s: float = SERVE_TIMEOUT_S,
) -> list[RebuildRun]:
    """Start ``mkdocs serve`` with ``options``, open the page written from
    ``source`` (its path under docs/) as a browser would, and make each save in
    turn, timing it to the reload and to the page served after it."""
    return timed_saves_of_pages(config_file, options, [(source, saves)], rebuild_timeout_s)[0]


def timed_saves_of_pages(
    config_file: Path,
    options: tuple[str, ...],
    pages: Sequence[tuple[str, Sequence[Save]]],
    rebuild_timeout_s: float = SERVE_TIMEOUT_S,
) -> list[list[RebuildRun]]:
    """Start ``mkdocs serve`` with ``options`` once (its first build is the
    slow part); for each page, by its ``source`` (path under docs/), open it
    as a browser would and make its saves in turn, timing each to the reload
    and to the page served after it (each logged as it is timed: a later save
    that fails loses none). Each page's runs, in the order given."""
    session = ServeSession(config_file, options)
    every_page_runs: list[list[RebuildRun]] = []
    try:
        session.wait_for(SERVING, timeout_s=rebuild_timeout_s)  # the first build
        # "Serving on http://127.0.0.1:PORT/site/": the site's path comes from site_url.
        served = next(SERVED_AT.search(line) for line in reversed(session.log) if SERVING in line)
        site_url = served.group(1).rstrip("/") if served else session.base_url
        for source, saves in pages:
            every_page_runs.append(_time_saves(session, site_url, source, saves, rebuild_timeout_s))
    finally:
        session.stop()
    return every_page_runs


def _time_saves(
    session: ServeSession,
    site_url: str,
    source: str,
    saves: Sequence[Save],
    rebuild_timeout_s: float,
) -> list[RebuildRun]:
    """Open the page of ``source`` and make each save in turn; each save's run."""
    runs: list[RebuildRun] = []
    browser = LiveReload(site_url, page_address(source))
    checked_line = f"readability: docs/{source}:"
    for save in saves:
        if not session.saw_a_save:
            # The file watcher takes its first look at the tree as the server
            # starts, which nothing reports: a save before that look would go
            # unseen. Once a save has been seen, each later look is compared
            # with the one that saw it: a later save is seen at the next look.
            time.sleep(1.0)
        browser.start()
        load_before = os.getloadavg()[0]
        cpu_before = session.cpu_s()
        edited = time.perf_counter()
        save.path.write_text(save.text, "utf-8")
        started = session.wait_for(REBUILD_START)
        first_line = len(session.log)
        done = session.wait_for(REBUILD_DONE, timeout_s=rebuild_timeout_s)
        reloaded = browser.wait()
        cpu_after = session.cpu_s()
        updated = save.shown in browser.page()
        in_hand = time.perf_counter()
        elsewhere = all(
            shown in LiveReload(site_url, address).page() for address, shown in save.elsewhere
        )
        checked = any(checked_line in line for line in session.log[first_line:])
        cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
        runs.append(
            RebuildRun(
                reloaded - edited,
                done - started,
                updated,
                checked,
                cpu,
                in_hand - edited,
                elsewhere if save.elsewhere else None,
                (load_before, os.getloadavg()[0]),
            )
        )
        log.info("save %d of %d: %s", len(runs), len(saves), runs[-1])
    return runs


REPOSITORY = Path(__file__).resolve().parent.parent


def extract_at_commit(ref: str, parts: Sequence[str], destination: Path) -> None:
    """Write ``parts`` of this repository as they were at commit ``ref`` into
    ``destination`` (``git archive``: the working tree is not touched)."""
    archive = subprocess.run(
        ["git", "-C", str(REPOSITORY), "archive", "--format=tar", ref, *parts],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(destination, filter="data")
