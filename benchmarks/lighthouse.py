"""Lighthouse scores of a mike-published copy of the site, served as GitHub Pages would.

    make lighthouse          # installs lighthouse 12.2.3 under .cache/, then runs this

It publishes release v1.0 with the real mike (``healthsite/publishing/publish.py``)
to a bare git repository in a temporary folder, serves the gh-pages tree on a
free port of 127.0.0.1 under ``/site/`` with gzip and a ten-minute cache, as
GitHub Pages does, and runs Lighthouse (mobile, its default) ``--runs`` times
on the home page and the CRPS page, in Debian's Chromium. It prints the median
score of each category, and every audit that did not pass in any run; the
JSON reports go to ``--out`` (under .cache/, kept out of the repository).
``--compare COMMIT`` measures the site as it was at COMMIT too, in the same run,
alternating between the two sites run by run:

    make lighthouse LIGHTHOUSE_ARGS="--runs 3 --compare adcd081"
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import mimetypes
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from benchmarks.measure import extract_at_commit
from tests.browser import CHROMIUM, CHROMIUM_FLAGS, missing_chromium
from tests.sitebuild import PROJECT_PARTS, copy_project
from tests.translatedhistory import commit_copy

PAGES = {"Home": "site/latest/", "Condition (CRPS)": "site/latest/conditions/crps/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Lighthouse run",
    "GIT_AUTHOR_EMAIL": "lighthouse@example.org",
    "GIT_COMMITTER_NAME": "Lighthouse run",
    "GIT_COMMITTER_EMAIL": "lighthouse@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "NO_MKDOCS_2_WARNING": "1",
}


class PagesHandler(SimpleHTTPRequestHandler):
    """Static files like GitHub Pages: gzip for text, max-age=600, no access log."""

    def log_message(self, format: str, *args: object) -> None:
        return

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        kind = mimetypes.guess_type(path.name)[0] or ""
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts_gzip and kind.startswith(COMPRESSED_TYPES)):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_like_pages(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free port of 127.0.0.1; yield its origin."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(PagesHandler, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, check=True)


def _commit_all(work: Path, message: str) -> None:
    _git("add", "--all", cwd=work)
    _git("commit", "--quiet", "--message", message, cwd=work)


def publish(folder: Path, ref: str | None = None) -> Path:
    """Publish v1.0 with mike to a bare repository; return the gh-pages tree.

    The project as checked out, or as it was at commit ``ref``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    origin = folder / "origin.git"
    _git("init", "--quiet", "--bare", str(origin), cwd=folder)
    work = folder / "work"
    work.mkdir()
    if ref is None:
        copy_project(work)
    else:
        extract_at_commit(ref, PROJECT_PARTS, work)
    _git("init", "--quiet", "--initial-branch=main", cwd=work)
    _git("remote", "add", "origin", str(origin), cwd=work)
    # With the English its out-of-date translations were made from: else the
    # build finds no version their fingerprints match, and fails.
    commit_copy(work, functools.partial(_commit_all, work))
    subprocess.run(
        [sys.executable, "-m", "healthsite.publishing.publish", "--ref", "refs/tags/v1.0"],
        cwd=work,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        check=True,
    )
    archive = subprocess.run(
        ["git", "archive", "--format=tar", "gh-pages"], cwd=origin, capture_output=True, check=True
    ).stdout
    served = folder / "served"
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(served / "site", filter="data")
    return served


def run_lighthouse(lighthouse: Path, url: str, report: Path) -> dict[str, object]:
    """One Lighthouse run (mobile); its JSON report, also written to ``report``."""
    flags = " ".join(CHROMIUM_FLAGS)
    subprocess.run(
        [
            str(lighthouse),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
    )
    result: dict[str, object] = json.loads(report.read_text())
    return result


def failed_audits(result: dict[str, object]) -> set[str]:
    """Audits of the scored categories that did not pass, as "category: audit id"."""
    categories = result["categories"]
    audits = result["audits"]
    assert isinstance(categories, dict)
    assert isinstance(audits, dict)
    failed = set()
    for category in CATEGORIES:
        for ref in categories[category]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                failed.add(f"{category}: {ref['id']} ({audit['score']:.2f})")
    return failed


Scores = dict[str, dict[str, list[float]]]


@dataclass
class Measured:
    """One site's Lighthouse runs: scores by page and category, and what came with them."""

    scores: Scores = field(default_factory=dict)
    failed: set[str] = field(default_factory=set)
    benchmark: list[float] = field(default_factory=list)
    load: list[float] = field(default_factory=list)  # 1-minute load average before each run


def report(site: Measured, runs: int) -> str:
    scores, failed, benchmark = site.scores, site.failed, site.benchmark
    lines = [
        f"Lighthouse 12.2.3, mobile, median of {runs}, measured {date.today().isoformat()} "
        "(mike-published v1.0 served on 127.0.0.1 with gzip); Lighthouse's "
        f"benchmarkIndex of this machine: median {statistics.median(benchmark):.0f} "
        f"(range {min(benchmark):.0f} to {max(benchmark):.0f}; Lighthouse's 4x CPU "
        "slowdown assumes a fast desktop, of about 1,000 or more). Load average (1 min) "
        f"before each run: {', '.join(f'{load:.1f}' for load in site.load)}.",
        "",
        "| Page | " + " | ".join(CATEGORIES) + " |",
        "| --- |" + " ---: |" * len(CATEGORIES),
    ]
    for page, by_category in scores.items():
        cells = []
        for category in CATEGORIES:
            median = statistics.median(by_category[category])
            mark = "" if median >= GOALS[category] else " (below goal)"
            cells.append(f"{median:.2f}{mark}")
        # Performance varies run to run: its runs too.
        cells[0] += f" (runs: {', '.join(f'{score:.2f}' for score in by_category['performance'])})"
        lines.append(f"| {page} | " + " | ".join(cells) + " |")
    lines += ["", "Audits not passed in some run (weighted ones only):"]
    lines += [f"- {audit}" for audit in sorted(failed)] or ["- none"]
    return "\n".join(lines) + "\n"


def measure(lighthouse: Path, out: Path, runs: int, refs: list[str | None]) -> list[Measured]:
    """Publish each of ``refs`` (None: the checkout), then run Lighthouse on each
    page, alternating between the sites run by run, so that a busy spell of this
    shared machine falls on all of them alike."""
    measured = [Measured() for _ in refs]
    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        origins = [
            stack.enter_context(serve_like_pages(publish(Path(folder) / f"site-{i}", ref)))
            for i, ref in enumerate(refs)
        ]
        for name, path in PAGES.items():
            for site in measured:
                site.scores[name] = {category: [] for category in CATEGORIES}
            for run in range(1, runs + 1):
                for ref, origin, site in zip(refs, origins, measured, strict=True):
                    slug = f"{ref or 'checkout'}-{path.strip('/').replace('/', '-')}-{run}"
                    site.load.append(os.getloadavg()[0])
                    result = run_lighthouse(lighthouse, f"{origin}/{path}", out / f"{slug}.json")
                    categories = result["categories"]
                    assert isinstance(categories, dict)
                    for category in CATEGORIES:
                        site.scores[name][category].append(categories[category]["score"])
                    site.failed |= failed_audits(result)
                    environment = result["environment"]
                    assert isinstance(environment, dict)
                    site.benchmark.append(environment["benchmarkIndex"])
    return measured


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse", type=Path, required=True, help="the lighthouse CLI")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path(".cache/lighthouse/reports"))
    parser.add_argument("--compare", metavar="COMMIT", help="also measure the site at COMMIT")
    arguments = parser.parse_args()
    problem = missing_chromium()
    if problem:
        sys.stderr.write(problem + "\n")
        return 2
    out = arguments.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    refs: list[str | None] = [None, arguments.compare] if arguments.compare else [None]
    for ref, site in zip(
        refs, measure(arguments.lighthouse, out, arguments.runs, refs), strict=True
    ):
        sys.stdout.write(f"\n{'Commit ' + ref if ref else 'This checkout'}: ")
        sys.stdout.write(report(site, arguments.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
