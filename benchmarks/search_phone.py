"""A typed query's first results on a phone profile, as the library grows (issue 23).

The goal: a typed query's first results within 300 ms on a phone profile at
1,000 pages. The reader's view: from the query's last key to the first
result on screen.

For each size it builds the site with ``--pages`` generated pages added
(``benchmarks/reader_corpus.py``), serves it on 127.0.0.1, and in Debian's
headless Chromium, on the host's CPU and on the phone profile
(``benchmarks/phone.py``: phone screen and touch, the CPU four times slower,
page and search worker), alternately:

- opens the CRPS page with a cold cache, types "ketamine drip" at 5 keys a
  second, and times the first result from the last key
  (``benchmarks/reader.py``'s visit), ``--visits`` times each; it also
  reads what the search fetched after the last key, and the CPU time the
  search worker's thread spent meanwhile (read from Linux, the host's CPU
  time: on the phone profile it is let run a quarter of the time);
- types the English set (``benchmarks/search_queries.yml``) on one page, each
  query filled and its last key pressed, and times each to its results on
  screen (``benchmarks/search_eval.py``'s search).

Each figure has the load average beside it: the phone profile slows a busy
host's CPU further, so on a loaded machine its figures are pessimistic.
The network is not slowed: see benchmarks/README.md for why. The site is
served from a process of its own (``serve_apart``).

Run from the project folder:

    .venv/bin/python -m benchmarks.search_phone --pages 1000 --corpus other-conditions

``--workdir DIR`` keeps the built sites in DIR and reuses them on the next run.
``--baseline REF`` also builds the project as it was at commit ``REF`` with the
same pages, serves both, and times their visits in turn (the baseline's, then
the checkout's, on each profile): on a noisy machine only figures of the same
run compare.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from benchmarks.measure import extract_at_commit
from benchmarks.phone import HOST, PHONE_PROFILE, Profile
from benchmarks.reader import QUERY, Visit, visit
from benchmarks.reader_corpus import CORPORA, Corpus, add_pages, generate_pages
from benchmarks.search_eval import QUERIES_FILE, load_queries, page_count, run_queries
from tests.browser import CHROMIUM, CHROMIUM_ARGS, SiteServer, missing_chromium
from tests.sitebuild import PROJECT_PARTS, build, copy_project

GOAL_MS = 300
SERVER_START_S = 30


@contextmanager
def serve_apart(site: Path) -> Iterator[SiteServer]:
    """Serve ``site`` on 127.0.0.1 from a process of its own (Python's http.server).

    ``tests.browser.serve`` answers from a thread of this process, which
    Playwright and the worker's slowing share: on a loaded host the fetches
    waited with them (the same query's last fragment in 113 to 1,113 ms).
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"]
    server = subprocess.Popen(
        [*command, "--directory", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + SERVER_START_S
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"http.server did not start on port {port}") from None
                time.sleep(0.05)
        yield SiteServer(f"http://127.0.0.1:{port}")
    finally:
        server.terminate()
        server.wait()


def load_average() -> float:
    return os.getloadavg()[0]


@dataclass
class Loads:
    """The load average (1 minute) at each measure's start and end."""

    seen: list[float] = field(default_factory=list)

    @contextmanager
    def watch(self) -> Iterator[None]:
        self.seen.append(load_average())
        yield
        self.seen.append(load_average())

    def __str__(self) -> str:
        return f"{min(self.seen):.1f} to {max(self.seen):.1f}" if self.seen else "n/a"


@dataclass
class Typed:
    """The cold visits' typed query on one profile."""

    visits: list[Visit] = field(default_factory=list)
    loads: Loads = field(default_factory=Loads)


@dataclass
class Queries:
    """The set's queries, typed on one page, on one profile."""

    ms: list[float] = field(default_factory=list)
    slowest: list[tuple[float, str]] = field(default_factory=list)  # the 3 slowest, ms and query
    loads: Loads = field(default_factory=Loads)


@dataclass(frozen=True)
class Size:
    pages: int  # as Pagefind counts the English site's pages
    corpus: Corpus
    version: str  # "checkout", or the baseline's commit
    typed: dict[Profile, Typed]
    queries: dict[Profile, Queries]


CHECKOUT = "checkout"


def site_for(workdir: Path, pages: int, corpus: Corpus, baseline: str | None = None) -> Path:
    """The site with ``pages`` generated pages, built in ``workdir`` (reused if
    built there), from the checkout or from commit ``baseline``."""
    project = (
        workdir / f"{pages}-{corpus}"
        if baseline is None
        else workdir / f"{pages}-{corpus}-{baseline}"
    )
    site = project / "site"
    if (site / "pagefind" / "pagefind-entry.json").is_file():
        return site
    project.mkdir(parents=True, exist_ok=True)
    if baseline is None:
        copy_project(project)
    else:
        extract_at_commit(baseline, PROJECT_PARTS, project)
    if pages:
        add_pages(project, generate_pages(pages, corpus))
    built = build(project)
    if built.returncode != 0:
        raise RuntimeError(f"{project.name} did not build:\n{built.output[-3000:]}")
    return built.site_dir


PROFILES = (HOST, PHONE_PROFILE)


@dataclass
class Timed:
    """One version's figures on every profile."""

    typed: dict[Profile, Typed] = field(default_factory=lambda: {p: Typed() for p in PROFILES})
    queries: dict[Profile, Queries] = field(
        default_factory=lambda: {p: Queries() for p in PROFILES}
    )


def measure(
    browser: Browser, servers: dict[str, SiteServer], visits: int, queries: bool
) -> dict[str, Timed]:
    """Each profile and each version in turn, visit by visit, so that a busy
    spell of the machine falls on all of them."""
    timed = {version: Timed() for version in servers}
    for _ in range(visits):
        for profile in PROFILES:
            for version, server in servers.items():
                typed = timed[version].typed[profile]
                with typed.loads.watch():
                    typed.visits.append(visit(browser, server, False, True, profile))
    if queries:
        english = load_queries(QUERIES_FILE)
        for profile in PROFILES:
            for version, server in servers.items():
                typed_set = timed[version].queries[profile]
                with typed_set.loads.watch():
                    outcomes = run_queries(browser, server, english, "en", profile)
                typed_set.ms = [outcome.ms for outcome in outcomes]
                slowest = sorted(((o.ms, o.query.query) for o in outcomes), reverse=True)
                typed_set.slowest = slowest[:3]
    return timed


def after_last_key(found: Visit) -> str:
    """What the search fetched after the last key: how many files, the last one's end."""
    key_ms = found.last_key_at * 1000
    late = [request for request in found.search_requests if request.timing["startTime"] >= key_ms]
    if not late:
        return "0"
    ends = [
        request.timing["startTime"] + request.timing["responseEnd"] - key_ms for request in late
    ]
    return f"{len(late)} (last in at {max(ends):,.0f} ms)"


def _ms(values: Sequence[float]) -> str:
    return f"{statistics.median(values):,.0f} / {max(values):,.0f} ms"


def report(sizes: Sequence[Size]) -> str:
    lines = [
        f"Typed {QUERY!r} on a cold visit to the CRPS page, 5 keys a second: the first "
        "result on screen from the last key (median / slowest), timed in the page (from the "
        "key's release to the frame that shows it) and by the automation (Playwright, from "
        "sending the key to seeing the result, round trips included); the set's queries "
        "typed one after another on one page, timed by the automation (median / slowest). "
        f"Goal: {GOAL_MS} ms on the phone profile.",
        "",
        "| Pages | Library | Version | Profile | Typed query, cold: in the page "
        "| by the automation | Load | Set's queries (by the automation) | Load |",
        "| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        for profile in PROFILES:
            typed, typed_set = size.typed[profile], size.queries[profile]
            cold = _ms([found.shown_ms for found in typed.visits])
            cold_wall = _ms([found.search_ms for found in typed.visits])
            set_ms = _ms(typed_set.ms) if typed_set.ms else "not typed"
            lines.append(
                f"| {size.pages:,} | {size.corpus} | {size.version} | {profile.name} "
                f"| {cold} | {cold_wall} "
                f"| {typed.loads} "
                f"| {set_ms} | {typed_set.loads} |"
            )
    lines += ["", "Each cold typed query on the phone profile, from the last key:", ""]
    for size in sizes:
        for found in size.typed[PHONE_PROFILE].visits:
            lines.append(
                f"- {size.pages:,} pages, {size.corpus}, {size.version}: "
                f"{found.shown_ms:,.0f} ms in the page "
                f"({found.search_ms:,.0f} ms by the automation); "
                f"worker CPU {found.worker_cpu_ms:,.0f} ms; fetched {after_last_key(found)}"
            )
    for size in sizes:
        slowest = size.queries[PHONE_PROFILE].slowest
        if slowest:
            named = "; ".join(f"{query!r} {ms:,.0f} ms" for ms, query in slowest)
            lines.append(
                f"- {size.pages:,} pages, {size.corpus}, {size.version}, the set's slowest: {named}"
            )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000])
    parser.add_argument("--corpus", nargs="+", choices=CORPORA, default=["other-conditions"])
    parser.add_argument("--visits", type=int, default=5, help="cold visits per profile")
    parser.add_argument(
        "--no-set", action="store_true", help="time the cold typed query only, not the set"
    )
    parser.add_argument("--workdir", type=Path, help="keep the built sites here, and reuse them")
    parser.add_argument(
        "--baseline", help="also time the project at this git commit, visit by visit in turn"
    )
    arguments = parser.parse_args()
    problem = missing_chromium()
    if problem:
        sys.stderr.write(problem + "\n")
        return 2
    sizes = []
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        workdir = arguments.workdir or Path(scratch)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for pages in arguments.pages:
            for corpus in arguments.corpus if pages else arguments.corpus[:1]:
                sys.stderr.write(f"{pages} pages ({corpus}): building...\n")
                versions = [arguments.baseline] if arguments.baseline else []
                sites = {version: site_for(workdir, pages, corpus, version) for version in versions}
                sites[CHECKOUT] = site_for(workdir, pages, corpus)
                sys.stderr.write(f"{pages} pages ({corpus}): typing...\n")
                with ExitStack() as servers:
                    served = {
                        version: servers.enter_context(serve_apart(site))
                        for version, site in sites.items()
                    }
                    timed = measure(browser, served, arguments.visits, not arguments.no_set)
                count = page_count(sites[CHECKOUT])
                sizes += [
                    Size(count, corpus, version, found.typed, found.queries)
                    for version, found in timed.items()
                ]
        browser.close()
    sys.stdout.write(report(sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
