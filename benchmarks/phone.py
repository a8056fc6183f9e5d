"""A phone for the search benchmarks: its screen, its touch, and a CPU four times slower.

Lighthouse's mobile preset slows the CPU four times (Chrome DevTools'
``Emulation.setCPUThrottlingRate``, rate 4) on a phone-sized, touch viewport.
The phone profile here does the same to the page, and one thing more.

DevTools slows only a page's main thread. This site's search runs in a web
worker (Material's search worker, answered by Pagefind and search-readers.js:
overrides/assets/javascripts/search-worker.js), and Chromium refuses the rate
there: sent to the worker's DevTools target, ``Emulation.setCPUThrottlingRate``
answers "Operation is only supported for pages, not workers", and a busy loop
in a worker runs as fast with the page's rate 4 as without it. A profile that
slowed the page alone would time the search itself at the host's speed.

So the worker's thread is slowed as DevTools slows the main thread: stopped
for three quarters of every short period and let run for one (for rate 4).
``SlowWorkers`` does it with ``ptrace``, which can stop one thread of another
process (``SIGSTOP`` would stop every thread of the renderer, the main thread
too, already slowed by DevTools). Only this process's own Chromium is touched:
the worker threads ("DedicatedWorker") of its descendants. Written here
because no tool slows one thread of a running process (``cpulimit`` stops
whole processes; cgroups are read-only on the benchmark machine).

The slowing multiplies the host's own slowness: on a loaded machine, a phone
profile's figure is pessimistic.

The thread that stops and resumes the worker must wake on time. At normal
priority, on a loaded machine, its 2.5 ms naps ended up to 550 ms late; the
worker ran unslowed meanwhile, and a short search could finish before the
stop it was owed (a 200 ms busy loop once ran with no stop at all). So it runs
at the lowest real-time priority where Linux allows (root, or CAP_SYS_NICE):
its naps then end within a few ms even with 8 busy processes per 2 cores, and
the worker is stopped for 0.73 to 0.78 of every loop (32 loops, that load).
Where Linux refuses, it runs as before and ``Slowing.on_time`` says so.
"""

from __future__ import annotations

import ctypes
import logging
import os
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page

from benchmarks.screens import PHONE

# Lighthouse's mobile preset: the CPU four times slower.
CPU_SLOWDOWN = 4.0
# One period of the worker's slowing: it runs 1/rate of it and is stopped for the rest.
PERIOD_S = 0.01
# How often new worker threads are looked for (a worker starts as its page loads).
SCAN_S = 0.1
WORKER_THREAD = "DedicatedWorker"
_log = logging.getLogger(__name__)
# The slowing thread's real-time priority: the lowest, above every normal thread.
REAL_TIME_PRIORITY = 1

_PTRACE_CONT = 7
_PTRACE_DETACH = 17
_PTRACE_SEIZE = 0x4206
_PTRACE_INTERRUPT = 0x4207
_WALL = 0x40000000  # waitpid: any kind of child, threads of other processes traced included
_SIGTRAP = 5


def slow_page(page: Page, rate: float) -> None:
    """DevTools' CPU slowing of ``page``'s main thread (1: none), as Lighthouse sets it."""
    session = page.context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": rate})


def _parents() -> dict[int, int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # the process ended meanwhile
                continue
            # "pid (command) state ppid ...": the command may hold spaces and parentheses.
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def descendants(root: int) -> set[int]:
    """Every process under ``root``: its children, theirs, and so on."""
    parents = _parents()
    found: set[int] = set()
    for pid in parents:
        ancestor = parents.get(pid, 0)
        while ancestor > 1:
            if ancestor == root:
                found.add(pid)
                break
            ancestor = parents.get(ancestor, 0)
    return found


def worker_threads(processes: set[int]) -> set[int]:
    """The ids of the web worker threads of ``processes`` (Chromium renderers)."""
    threads = set()
    for pid in processes:
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                if (task / "comm").read_text().startswith(WORKER_THREAD):
                    threads.add(int(task.name))
        except OSError:  # the process or thread ended meanwhile
            continue
    return threads


@dataclass(frozen=True)
class ThreadTime:
    """What Linux counted for some threads so far (``/proc/.../schedstat``, ms)."""

    running_ms: float  # on a core
    waiting_ms: float  # ready to run, waiting for a core

    def __sub__(self, earlier: ThreadTime) -> ThreadTime:
        running = self.running_ms - earlier.running_ms
        return ThreadTime(running, self.waiting_ms - earlier.waiting_ms)


def threads_of(process: int) -> set[int]:
    """The ids of every thread of ``process`` (empty once it has ended)."""
    try:
        return {int(task.name) for task in Path(f"/proc/{process}/task").iterdir()}
    except OSError:  # the process ended meanwhile
        return set()


def process_of(thread: int) -> int:
    """The process (thread group) ``thread`` belongs to."""
    for line in Path(f"/proc/{thread}/status").read_text().splitlines():
        if line.startswith("Tgid:"):
            return int(line.split()[1])
    raise ValueError(f"/proc/{thread}/status names no Tgid")


def thread_time(threads: Iterable[int]) -> ThreadTime:
    """What Linux has counted so far for ``threads`` (any process's; ended ones count 0)."""
    running_ns = waiting_ns = 0
    for thread in threads:
        try:
            fields = Path(f"/proc/{thread}/schedstat").read_text().split()
        except OSError:  # the thread ended meanwhile
            continue
        running_ns += int(fields[0])
        waiting_ns += int(fields[1])
    return ThreadTime(running_ns / 1e6, waiting_ns / 1e6)


def worker_cpu_ms() -> float:
    """The CPU time the web worker threads of this process's Chromium have used so far (ms).

    Every page's workers: the benchmarks open one page at a time.
    """
    return thread_time(worker_threads(descendants(os.getpid()))).running_ms


@dataclass
class Slowing:
    """What the worker slowing did: threads slowed (their ids), and their share of time let run."""

    threads: set[int] = field(default_factory=set)
    running_s: float = 0.0
    stopped_s: float = 0.0
    on_time: bool = True  # False: no real-time priority, so under load the stops come late

    @property
    def running_share(self) -> float:
        total = self.running_s + self.stopped_s
        return self.running_s / total if total else 1.0


class SlowWorkers(threading.Thread):
    """Slows every web worker thread of this process's Chromium ``rate`` times, until stopped.

    ptrace requires every request on a thread to come from the thread that
    attached to it: this thread does them all.
    """

    def __init__(self, rate: float, period_s: float = PERIOD_S) -> None:
        super().__init__(name="slow-workers", daemon=True)
        self.rate = rate
        self.run_s = period_s / rate
        self.stop_s = period_s - self.run_s
        self.done = threading.Event()
        self.slowing = Slowing()
        self.refused: list[str] = []
        self._libc = ctypes.CDLL(None, use_errno=True)
        long, pointer = ctypes.c_long, ctypes.c_void_p
        self._libc.ptrace.argtypes = [long, long, pointer, pointer]
        self._libc.ptrace.restype = ctypes.c_long
        self._traced: dict[int, int] = {}  # thread id -> signal it is to be given on resuming

    def _ptrace(self, request: int, thread: int, signal: int = 0) -> bool:
        data = ctypes.c_void_p(signal) if signal else None
        return int(self._libc.ptrace(request, thread, None, data)) == 0

    def _attach_new(self, processes: set[int]) -> None:
        for thread in worker_threads(processes) - set(self._traced):
            if self._ptrace(_PTRACE_SEIZE, thread):
                self._traced[thread] = 0
                self.slowing.threads.add(thread)
            else:
                self.refused.append(f"thread {thread}: {os.strerror(ctypes.get_errno())}")

    def _pause(self, thread: int) -> bool:
        """Stop ``thread``; False if it has ended. A signal it was being sent is kept."""
        if not self._ptrace(_PTRACE_INTERRUPT, thread):
            return False
        status = ctypes.c_int()
        if self._libc.waitpid(thread, ctypes.byref(status), _WALL) != thread:
            return False
        if not os.WIFSTOPPED(status.value):  # it ended
            return False
        signal = os.WSTOPSIG(status.value)
        # Stopped on its way to a signal (not by our interrupt): give it the signal on resuming.
        if status.value >> 16 == 0 and signal != _SIGTRAP:
            self._traced[thread] = signal
        return True

    def _resume(self, thread: int) -> None:
        self._ptrace(_PTRACE_CONT, thread, self._traced[thread])
        self._traced[thread] = 0

    def _wake_on_time(self) -> None:
        try:
            os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(REAL_TIME_PRIORITY))
        except PermissionError:
            self.slowing.on_time = False

    def run(self) -> None:
        self._wake_on_time()
        root = os.getpid()
        scanned = 0.0
        resumed = time.monotonic()
        while not self.done.is_set():
            time.sleep(self.run_s)
            stopped = [thread for thread in list(self._traced) if self._pause(thread)]
            for thread in set(self._traced) - set(stopped):
                del self._traced[thread]
            paused = time.monotonic()
            # Stopped (rate - 1) times as long as they ran, from their resuming
            # to their stopping: on a busy host this thread wakes late, and they
            # ran longer than asked. Looking for new threads (every process's
            # /proc) takes long on a busy host: it is done while they are stopped.
            stop_until = paused + max(self.stop_s, (self.rate - 1) * (paused - resumed))
            if paused - scanned > SCAN_S:
                scanned = paused
                self._attach_new(descendants(root))
            time.sleep(max(0.0, stop_until - time.monotonic()))
            if stopped:
                self.slowing.running_s += paused - resumed
                self.slowing.stopped_s += time.monotonic() - paused
            # Read before they are let run: this thread may wait for a core
            # after resuming them, and they run meanwhile.
            resumed = time.monotonic()
            for thread in stopped:
                self._resume(thread)
        for thread in list(self._traced):
            if self._pause(thread):
                self._ptrace(_PTRACE_DETACH, thread, self._traced[thread])

    def finish(self) -> Slowing:
        self.done.set()
        self.join()
        return self.slowing


@contextmanager
def slow_workers(rate: float) -> Iterator[Slowing]:
    """Slow this process's Chromium's web workers ``rate`` times for the block (1: not at all)."""
    if rate <= 1:
        yield Slowing()
        return
    slower = SlowWorkers(rate)
    slower.start()
    try:
        yield slower.slowing
    finally:
        slower.finish()
    if slower.refused:
        raise RuntimeError("could not slow the search worker: " + "; ".join(slower.refused))
    if not slower.slowing.on_time:
        _log.warning(
            "the worker slowing ran without real-time priority (needs root or CAP_SYS_NICE): "
            "on a loaded machine it stops the worker late, and the phone's search is timed too fast"
        )


@dataclass(frozen=True)
class Profile:
    """How a benchmark's reader browses: a phone's screen and touch, its CPU slowed."""

    cpu_slowdown: float = 1.0

    @property
    def name(self) -> str:
        if self.cpu_slowdown == 1:
            return "phone screen, host CPU"
        return f"phone screen, CPU {self.cpu_slowdown:g}x slower"


HOST = Profile()
PHONE_PROFILE = Profile(CPU_SLOWDOWN)


@dataclass(frozen=True)
class Phone:
    """A page on the phone profile, and what slowing its web workers has done so far."""

    page: Page
    slowing: Slowing


@contextmanager
def phone_page(browser: Browser, profile: Profile = HOST) -> Iterator[Phone]:
    """A new page in a fresh context (cold cache) with ``profile``'s screen, touch and CPU."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        if profile.cpu_slowdown > 1:
            slow_page(page, profile.cpu_slowdown)
        with slow_workers(profile.cpu_slowdown) as slowing:
            yield Phone(page, slowing)
    finally:
        context.close()
