"""What a reader downloads on a first visit, and how fast search answers, as the library grows.

For each size N it writes N distinct pages shaped like the CRPS page
(``benchmarks/reader_corpus.py``) into two projects and builds both:

- before: the project at ``--baseline`` (Material's own search, whose whole
  index every page fetches on load);
- after: the project as checked out (Pagefind behind Material's search box).

Both are served on 127.0.0.1 and the CRPS page is opened in Debian's headless
Chromium with a cold cache (a new browser context each visit) and a phone
viewport. For each visit it reports every request of the page load (the first
visit: HTML, CSS, JS, fonts, data), with the bodies as served and gzip-compressed
at level 6 (what a static host such as GitHub Pages sends to browsers that
accept gzip), then opens search, types a query and times the first result on
screen from the last keystroke (median of ``--visits``), and what that first
search downloaded. A third row, "Material, index on first search", is the
before build with the index request held back until the last keystroke: what
lazy loading Material's own search would give. Last, it types every reader
query of ``tests/test_reader_search.py`` and counts those whose expected page
comes first.

Run from the project folder:

    .venv/bin/python -m benchmarks.reader --pages 10 100 1000

``--baseline COMMIT`` compares with another commit instead (one whose site
already answers from Pagefind is labelled so, with no "index on first search"
row); ``--baseline none`` measures the checkout alone, which is quickest.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Request, Response, Route, sync_playwright

from benchmarks.measure import extract_at_commit
from benchmarks.phone import HOST, Profile, phone_page, worker_cpu_ms
from benchmarks.reader_corpus import add_pages, generate_pages
from benchmarks.screens import PHONE
from tests.browser import CHROMIUM, CHROMIUM_ARGS, SiteServer, missing_chromium, serve
from tests.console import Recorder
from tests.sitebuild import PROJECT_PARTS, build, copy_project
from tests.test_reader_search import READER_QUERIES

# main before this change: Material's search, its whole index on every page.
BASELINE = "adcd081"
PAGE = "conditions/crps/"
QUERY, QUERY_PAGE = "ketamine drip", "treatments/iv-ketamine/"
MATERIAL_INDEX = "**/search/search_index.json"
GOAL_KB = 100
GOAL_MS = 500
# Material's lunr index at 1,000 pages takes long to build on a loaded machine.
RESULT_TIMEOUT_MS = 180_000
# A quick phone typist: 5 characters a second (most type slower).
TYPING_DELAY_MS = 200

BEFORE = "before: Material search"
LAZY = "Material, index on first search"
AFTER = "after: Pagefind"
SEARCH_BOX = ".md-search__input"
SEARCH_BUTTON = "label.md-header__button[for='__search']"  # the phone's search button
FIRST_PAGE = ".md-search-result__item:first-child > a.md-search-result__link:first-child"
RESULT_META = ".md-search-result__meta"


# Times, in the page, the last key's release (keyup) to the first frame painted
# with the element ``selector`` (argument) on screen; sets window.__stopwatch.
STOPWATCH_JS = """selector => {
  const box = document.querySelector(".md-search__input")
  window.__stopwatch = null
  box.addEventListener("keyup", () => {
    const released = performance.now()
    const shown = () => {
      const element = document.querySelector(selector)
      if (!element || !element.checkVisibility()) return requestAnimationFrame(shown)
      // The frame that shows it is painted before a task queued from its callback runs.
      setTimeout(() => { window.__stopwatch = performance.now() - released })
    }
    requestAnimationFrame(shown)
  }, { once: true })
}"""


def _gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6))


@dataclass
class Visit:
    """One cold visit to a page and its first search."""

    by_type: dict[str, int] = field(default_factory=dict)
    requests: int = 0
    raw_bytes: int = 0
    gzip_bytes: int = 0
    index_gzip: int = 0  # Material's search_index.json, when the page fetched it
    search_gzip: int = 0  # what the first search fetched
    search_ms: float = 0.0
    # The same, timed in the page: from the last key's release (keyup, when
    # Material searches) to the frame that shows the first result, without
    # the automation's round trips (on a loaded host, 100 ms and more).
    shown_ms: float = 0.0
    first_is_expected: bool = False
    worker_cpu_ms: float = 0.0  # the search worker's CPU time from the last key to the result
    last_key_at: float = 0.0  # when the last key was pressed (seconds since the epoch)
    search_requests: list[Request] = field(default_factory=list)  # the search's, in order


@dataclass
class Row:
    """One search set-up at one size: its build and its visits."""

    pages: int
    name: str
    build_s: float
    typed: list[Visit]
    pasted: list[Visit]
    queries_first: str

    @property
    def typed_ms(self) -> float:
        return statistics.median(visit.search_ms for visit in self.typed)

    @property
    def pasted_ms(self) -> float:
        return statistics.median(visit.search_ms for visit in self.pasted)


def _path_of(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def loaded_weight(responses: list[Response]) -> Visit:
    """What a page load fetched: requests, bytes as served and gzip level 6."""
    result = Visit()
    for response in responses:
        body = response.body()
        size = _gzip_size(body)
        kind = response.request.resource_type
        result.by_type[kind] = result.by_type.get(kind, 0) + size
        result.requests += 1
        result.raw_bytes += len(body)
        result.gzip_bytes += size
        if response.url.endswith("search/search_index.json"):
            result.index_gzip = size
    return result


def first_visit(browser: Browser, server: SiteServer, path: str) -> Visit:
    """A cold visit to ``path`` (phone viewport), until every request of the
    load has ended; no search."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    responses: list[Response] = []
    context.on("response", lambda response: responses.append(response))
    recorder = Recorder(page)
    page.goto(server.url(path), wait_until="load")
    recorder.wait_for_requests()
    result = loaded_weight(responses)
    context.close()
    return result


def visit(
    browser: Browser, server: SiteServer, hold_index: bool, typed: bool, profile: Profile = HOST
) -> Visit:
    """Load the page in a fresh context, then search; measure what was fetched.

    ``typed``: the query is typed a key at a time (``TYPING_DELAY_MS`` apart),
    else pasted at once. ``hold_index``: Material's index request is held
    back until the reader opens the search box, as lazy loading would do.
    ``profile``: the phone's CPU (``benchmarks/phone.py``; the host's by default).
    """
    with phone_page(browser, profile) as phone:
        page = phone.page
        context = page.context
        held: list[Route] = []
        if hold_index:
            context.route(MATERIAL_INDEX, lambda route: held.append(route))
        responses: list[Response] = []
        context.on("response", lambda response: responses.append(response))
        page.goto(server.url(PAGE), wait_until="load" if hold_index else "networkidle")
        result = loaded_weight(responses)
        loaded = len(responses)
        page.locator(SEARCH_BUTTON).click()
        for route in held:
            route.continue_()
        box = page.locator(SEARCH_BOX)
        box.wait_for(state="visible")
        if typed:
            box.press_sequentially(QUERY[:-1], delay=TYPING_DELAY_MS)
            page.wait_for_timeout(TYPING_DELAY_MS)
            last_key = QUERY[-1]
        else:
            box.fill(QUERY)
            last_key = "End"
        # Results of the whole query: their links carry its last word (Material's
        # highlight parameter, ?h=ketamine+drip), which a partial query's lack.
        whole_query = f"{FIRST_PAGE}[href*='{QUERY.split()[-1]}']"
        page.evaluate(STOPWATCH_JS, whole_query)
        # Material searches on keyup; the reader's last keystroke starts the clock.
        worker_cpu_before = worker_cpu_ms()
        result.last_key_at = time.time()
        started = time.perf_counter()
        box.press(last_key)
        first = page.locator(whole_query)
        first.wait_for(state="visible", timeout=RESULT_TIMEOUT_MS)
        result.search_ms = (time.perf_counter() - started) * 1000
        stopwatch = page.wait_for_function("() => window.__stopwatch", timeout=RESULT_TIMEOUT_MS)
        result.shown_ms = float(stopwatch.json_value())
        result.worker_cpu_ms = worker_cpu_ms() - worker_cpu_before
        result.first_is_expected = _path_of(first.get_attribute("href") or "") == QUERY_PAGE
        page.wait_for_load_state("networkidle")
        result.search_gzip = sum(_gzip_size(response.body()) for response in responses[loaded:])
        result.search_requests = [response.request for response in responses[loaded:]]
    return result


def queries_first(browser: Browser, server: SiteServer) -> str:
    """How many reader queries of the tests find their page first, e.g. "8/8"."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url())
    missed = []
    for query, expected in READER_QUERIES:
        _search(page, "")
        _search(page, query)
        first = page.locator(FIRST_PAGE)
        if not (first.count() and _path_of(first.get_attribute("href") or "") == expected):
            missed.append(query)
    context.close()
    found = f"{len(READER_QUERIES) - len(missed)}/{len(READER_QUERIES)}"
    return f"{found} (missed: {', '.join(missed)})" if missed else found


def _search(page: Page, query: str) -> None:
    """Type ``query`` (or clear the box) and wait for Material's answer to it."""
    box = page.locator(SEARCH_BOX)
    box.click()
    box.fill(query)
    box.press("End")
    meta = page.locator(RESULT_META)
    if query:
        meta.filter(has_text="matching document").or_(meta.filter(has_text="No matching")).wait_for(
            timeout=RESULT_TIMEOUT_MS
        )
    else:
        page.locator(".md-search-result__item").first.wait_for(state="detached")


def write_project(destination: Path, baseline: str | None, pages: int) -> Path:
    """The project (or its ``baseline`` commit) with ``pages`` CRPS-shaped pages."""
    destination.mkdir(parents=True)
    if baseline is None:
        copy_project(destination)
    else:
        extract_at_commit(baseline, PROJECT_PARTS, destination)
    add_pages(destination, generate_pages(pages))
    return destination


def measure(
    browser: Browser, folder: Path, pages: int, baseline: str | None, visits: int
) -> list[Row]:
    rows = []
    projects = [(BEFORE, baseline), (AFTER, None)] if baseline else [(AFTER, None)]
    for name, ref in projects:
        project = write_project(folder / f"{pages}-{'before' if ref else 'after'}", ref, pages)
        # CPU time of the build and its children (Pagefind): wall time on a
        # machine shared with other work says more about the others.
        before_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        built = build(project)
        after_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        build_s = (after_cpu.ru_utime + after_cpu.ru_stime) - (
            before_cpu.ru_utime + before_cpu.ru_stime
        )
        if built.returncode != 0:
            raise RuntimeError(f"{name} at {pages} pages did not build:\n{built.output[-3000:]}")
        if ref and (built.site_dir / "pagefind").is_dir():
            # A baseline that already answers from Pagefind: no Material index to hold.
            name = f"before: Pagefind at {ref}"
        with serve(built.site_dir) as server:
            variants: list[tuple[str, bool]] = [(name, False)]
            if name == BEFORE:
                variants.append((LAZY, True))
            for variant, hold in variants:
                typed = [visit(browser, server, hold, typed=True) for _ in range(visits)]
                pasted = [visit(browser, server, hold, typed=False) for _ in range(visits)]
                first = "same as before" if hold else queries_first(browser, server)
                rows.append(Row(pages, variant, build_s, typed, pasted, first))
    return rows


def _kb(size: float) -> str:
    return f"{size / 1000:,.1f} KB"


def report(rows: list[Row], visits: int, baseline: str | None) -> str:
    """A Markdown table, one row per size and search set-up."""
    lines = [
        f"Measured {date.today().isoformat()}; CRPS page, cold cache, phone viewport, "
        f"gzip level 6; first result for {QUERY!r} from the last keystroke, median of "
        f"{visits}, typed at {1000 // TYPING_DELAY_MS} keys a second or pasted "
        "(right after the search box opens); "
        + (f"before = commit {baseline}." if baseline else "no before."),
        "",
        "| Pages | Search | First visit (gzip) | Requests | Of which search index "
        "| First search fetches, pasted / typed | First result, typed | First result, pasted "
        "| Expected page first | Reader queries first | Build (CPU) |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: | :---: | ---: |",
    ]
    eager = {row.pages: row.pasted[0] for row in rows if row.name == BEFORE}
    for row in rows:
        first = row.pasted[0]
        weight, requests, index = first.gzip_bytes, first.requests, first.index_gzip
        fetches, typed_fetches = first.search_gzip, row.typed[0].search_gzip
        if row.name == LAZY:
            # The before page without its index, which its first search fetched.
            index = eager[row.pages].index_gzip
            weight, requests = eager[row.pages].gzip_bytes - index, eager[row.pages].requests - 1
            index = 0
        runs = row.typed + row.pasted
        expected = "yes" if all(visit.first_is_expected for visit in runs) else "NO"
        build_s = "" if row.name == LAZY else f"{row.build_s:.1f} s"
        lines.append(
            f"| {row.pages:,} | {row.name} | {_kb(weight)} | {requests} | {_kb(index)} "
            f"| {_kb(fetches)} / {_kb(typed_fetches)} | {row.typed_ms:,.0f} ms "
            f"| {row.pasted_ms:,.0f} ms | {expected} | {row.queries_first} | {build_s} |"
        )
    after = [row for row in rows if row.name == AFTER]
    if after:
        largest = max(after, key=lambda row: row.pages)
        weight = largest.pasted[0].gzip_bytes
        lines += [
            "",
            f"After, at {largest.pages:,} pages: first visit {_kb(weight)} gzip "
            f"({'meets' if weight <= GOAL_KB * 1000 else 'MISSES'} the {GOAL_KB} KB goal); "
            f"first result {largest.typed_ms:,.0f} ms typed, {largest.pasted_ms:,.0f} ms "
            f"pasted (goal {GOAL_MS} ms).",
        ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--visits", type=int, default=5, help="cold visits per row")
    parser.add_argument(
        "--baseline",
        default=BASELINE,
        help="git commit for 'before' (default: Material's own search); 'none': no before",
    )
    arguments = parser.parse_args()
    baseline = None if arguments.baseline == "none" else arguments.baseline
    problem = missing_chromium()
    if problem:
        sys.stderr.write(problem + "\n")
        return 2
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for pages in arguments.pages:
            sys.stderr.write(f"{pages} pages: building and visiting...\n")
            rows += measure(browser, Path(folder), pages, baseline, arguments.visits)
        browser.close()
    sys.stdout.write(report(rows, arguments.visits, baseline))
    return 0


if __name__ == "__main__":
    sys.exit(main())
