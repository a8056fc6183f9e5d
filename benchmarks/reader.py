"""What a reader's browser downloads, and how fast search answers.

Builds the site, serves it on 127.0.0.1 and opens pages in Debian's headless
Chromium with a cold cache (a new browser context for every visit). For each
page it reports the number of requests, the bytes of every response body as
served (raw) and gzip-compressed at level 6 (what a static host such as GitHub
Pages sends to browsers that accept gzip), and the time from a query being put
into the search box to the first result on screen (median of several visits).

Run from the project folder:  .venv/bin/python -m benchmarks.reader
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Response, sync_playwright

from tests.browser import CHROMIUM, CHROMIUM_ARGS, PHONE, missing_chromium, serve
from tests.sitebuild import build, copy_project

PAGES = {"Home": "", "Condition (CRPS)": "conditions/crps/"}
QUERY = "ketamine"
GOAL_KB = 100


@dataclass(frozen=True)
class Visit:
    """One cold visit to a page."""

    requests: int
    raw_bytes: int
    gzip_bytes: int
    by_type: dict[str, int]
    search_ms: float


def _gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6))


def visit(browser: Browser, url: str) -> Visit:
    """Load ``url`` in a fresh context, then search; measure what was fetched."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    responses: list[Response] = []
    context.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    bodies = [(response.request.resource_type, response.body()) for response in responses]
    page.locator("label.md-header__button[for='__search']").click()  # the phone's search button
    box = page.locator(".md-search__input")
    box.wait_for(state="visible")
    box.fill(QUERY)
    # Material searches on keyup; the reader's last keystroke starts the clock.
    started = time.perf_counter()
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    search_ms = (time.perf_counter() - started) * 1000
    context.close()
    by_type: dict[str, int] = {}
    for kind, body in bodies:
        by_type[kind] = by_type.get(kind, 0) + _gzip_size(body)
    return Visit(
        requests=len(bodies),
        raw_bytes=sum(len(body) for _, body in bodies),
        gzip_bytes=sum(_gzip_size(body) for _, body in bodies),
        by_type=by_type,
        search_ms=search_ms,
    )


def _kb(size: int) -> str:
    return f"{size / 1000:.1f} KB"


def report(results: dict[str, list[Visit]]) -> str:
    """A Markdown table: one row per page, medians where visits differ."""
    lines = [
        "| Page | Requests | Raw | gzip | gzip by type | First search result |",
        "| --- | ---: | ---: | ---: | --- | ---: |",
    ]
    for name, visits in results.items():
        first = visits[0]
        kinds = ", ".join(f"{kind} {_kb(size)}" for kind, size in sorted(first.by_type.items()))
        search = statistics.median(visit.search_ms for visit in visits)
        lines.append(
            f"| {name} | {first.requests} | {_kb(first.raw_bytes)} | {_kb(first.gzip_bytes)} "
            f"| {kinds} | {search:.0f} ms |"
        )
    crps = results["Condition (CRPS)"][0].gzip_bytes
    verdict = "meets" if crps < GOAL_KB * 1000 else "MISSES"
    lines.append("")
    lines.append(f"Condition page first visit: {_kb(crps)} gzip, {verdict} the {GOAL_KB} KB goal.")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=5, help="cold visits per page")
    arguments = parser.parse_args()
    problem = missing_chromium()
    if problem:
        sys.stderr.write(problem + "\n")
        return 2
    with tempfile.TemporaryDirectory() as folder:
        built = build(copy_project(Path(folder)))
        if built.returncode != 0:
            sys.stderr.write(built.output)
            return 1
        with serve(built.site_dir) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            results = {
                name: [visit(browser, server.url(path)) for _ in range(arguments.visits)]
                for name, path in PAGES.items()
            }
            browser.close()
    sys.stdout.write(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
