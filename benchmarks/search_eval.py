"""How often search finds the page that answers a reader's own words (issue 23).

Types every query of ``benchmarks/search_queries.yml`` into the search box of
the built site, served on 127.0.0.1, in Debian's headless Chromium with a
phone viewport, and reports for the whole set and for its held-out third:

- right page first: the first result is one of the query's pages;
- in the top 3: one of them is among the first three results;
- empty: no result at all, for a query the site can answer;
- page missing: none of the query's pages is built yet (a guide being
  written); such queries are left out of the three rates above;
- for the queries the site cannot answer: whether the reader is told so,
  with the A to Z and "When to get help" (help), and the 911 and 988 line
  when the words suggest danger (emergency);
- the time from the last key to the results on screen, median and 90th
  percentile (the query is filled at once, then its last key pressed).

The held-out part is also reported in two halves: its queries that hold a
word no query of the tuning part holds, and the others (``new_words``).
Readers' words tuned on the tuning part cannot have foreseen the first; a
miss among the second is a miss in ranking words already known.

With ``--pieces``, each piece of the search is measured by taking it out of
the built site, one at a time, and typing the set again: filler words kept
(no stop words), no readers' terms (data/search_terms.yml), no misspelling
matched; and "only pages with every word", the results of the whole search
less those Material marks with words missing (what Pagefind alone returns:
pages holding every word).

Run from the project folder (``--pages``: generated CRPS-shaped pages added to
the site, ``benchmarks/reader_corpus.py``; 0 is the site as it is, about 20 pages):

    .venv/bin/python -m benchmarks.search_eval --pages 0 1000 --baseline main

``--corpus own-names`` (or ``near-copies own-names``, both) makes the generated
pages call their condition by their own names where the near-copies say
"CRPS" as often as the CRPS page; ``--corpus other-conditions`` makes them
pages of other conditions, which share the site's general words and little
else of the CRPS page (``benchmarks/reader_corpus.py``).

``--language es`` types the Spanish set (``benchmarks/search_queries_es.yml``)
into the search box of the Spanish pages (``/es/``); every report counts the
queries that brought back a page of another language (it must be none). With
``--pages N``, each generated page has a Spanish page beside it
(``benchmarks/reader_corpus.py``), so the Spanish site has N pages more too.

``--part tuning`` types the tuning part alone: the held-out queries are left
out, so a change can be tried without seeing how search answers them.

``--keep FOLDER`` builds the sites in FOLDER and keeps them there.

``--baseline COMMIT`` measures that commit's site too, in the same run, with
the same queries; ``--misses`` lists the queries that missed; ``--pieces``
measures each piece of the search (above).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Browser, Page, sync_playwright

from benchmarks.measure import extract_at_commit
from benchmarks.phone import HOST, Profile, phone_page
from benchmarks.reader import QUERY, Visit, visit
from benchmarks.reader_corpus import CORPORA, Corpus, add_pages, generate_pages
from healthsite.search.readers_words import STOP_WORDS, normalize
from tests.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    SEARCH_RESULTS,
    SiteServer,
    missing_chromium,
    serve,
    wait_for_answer,
)
from tests.sitebuild import PROJECT_PARTS, ROOT, build, copy_project

QUERIES_FILE = ROOT / "benchmarks" / "search_queries.yml"
# Each language's set, and what Material's search shows in it
# (material/templates/partials/languages/<language>.html).
QUERY_FILES = {"en": QUERIES_FILE, "es": ROOT / "benchmarks" / "search_queries_es.yml"}


@dataclass(frozen=True)
class SearchWords:
    """Material's words in the search results: the box empty, results, none."""

    placeholder: str
    found: str
    none: str


SEARCH_WORDS = {
    "en": SearchWords("Type to start searching", "matching document", "No matching"),
    "es": SearchWords("Teclee para comenzar", "documento", "No se encontraron"),
}
NO_ANSWER_KINDS = frozenset({"help", "emergency"})
TOP = 3
SEARCH_BUTTON = "label.md-header__button[for='__search']"  # the phone's search button
SEARCH_BOX = ".md-search__input"
RESULT_META = ".md-search-result__meta"
RESULT_ITEMS = ".md-search-result__item"
# The page link of each result (its sections follow it in the item).
PAGE_LINK = "a.md-search-result__link:first-child"
# Material's "Missing: word" line, for words a page does not hold.
MISSING_WORDS = ".md-search-result__terms"
# What the search shows when no page answers (overrides/partials/search.html).
HELP = "[data-search-help='no-answer']"
EMERGENCY = "[data-search-help='emergency']"
RESULT_TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class EvalQuery:
    """One query of the set: the pages that answer it, or what to show instead."""

    query: str
    pages: tuple[str, ...]  # URL paths, e.g. "conditions/crps/"
    held_out: bool
    no_answer: frozenset[str]
    must_find: bool = False  # held to by a test (tests/test_search_spanish.py)


def url_path(src_path: str) -> str:
    """``conditions/crps.md`` -> ``conditions/crps/``; ``guides/index.md`` -> ``guides/``;
    a translation is under its language: ``conditions/crps.es.md`` -> ``es/conditions/crps/``."""
    path = src_path.removesuffix(".md")
    stem, _, language = path.rpartition(".")
    prefix = ""
    if stem and language in QUERY_FILES:
        path, prefix = stem, f"{language}/"
    path = path.removesuffix("index")
    return prefix + (path if not path or path.endswith("/") else f"{path}/")


def _query_from(entry: Any, position: int, source: Path) -> EvalQuery:
    where = f"{source.name}: query {position}"
    if not isinstance(entry, dict) or not isinstance(entry.get("query"), str):
        raise ValueError(f"{where}: expected a mapping with a `query` string")
    where = f"{where} ({entry['query']!r})"
    unknown = set(entry) - {"query", "pages", "held_out", "no_answer", "must_find"}
    if unknown:
        raise ValueError(f"{where}: unknown fields {sorted(unknown)}")
    pages = entry.get("pages", [])
    no_answer = entry.get("no_answer", [])
    if bool(pages) == bool(no_answer):
        raise ValueError(f"{where}: expected either `pages` or `no_answer`")
    if not all(isinstance(page, str) and page.endswith(".md") for page in pages):
        raise ValueError(f"{where}: pages: expected paths under docs/ ending in .md")
    if not set(no_answer) <= NO_ANSWER_KINDS:
        raise ValueError(f"{where}: no_answer: expected some of {sorted(NO_ANSWER_KINDS)}")
    return EvalQuery(
        query=entry["query"],
        pages=tuple(url_path(page) for page in pages),
        held_out=entry.get("held_out") is True,
        no_answer=frozenset(no_answer),
        must_find=entry.get("must_find") is True,
    )


def load_queries(source: Path = QUERIES_FILE) -> list[EvalQuery]:
    """The evaluation set, checked (a mistake names the query and the field)."""
    entries = yaml.safe_load(source.read_text(encoding="utf-8"))
    if not isinstance(entries, list):
        raise ValueError(f"{source.name}: expected a list of queries")
    return [_query_from(entry, number, source) for number, entry in enumerate(entries, 1)]


# The parts of the set a run may type.
PARTS = ("whole", "tuning")


def part_of(queries: Sequence[EvalQuery], part: str) -> list[EvalQuery]:
    """The queries of ``part``: all of them, or the tuning part (the held-out ones left out)."""
    return [query for query in queries if part == "whole" or not query.held_out]


@dataclass(frozen=True)
class Outcome:
    """What the reader saw for one query."""

    query: EvalQuery
    results: tuple[str, ...]  # URL paths of the result pages, best first
    complete: tuple[str, ...]  # those of them that hold every word
    help_shown: bool
    emergency_shown: bool
    ms: float


def _site_path(href: str, origin: str) -> str:
    return urlsplit(href).path.removeprefix(urlsplit(origin).path).lstrip("/")


def search(
    page: Page, server: SiteServer, query: str, words: SearchWords = SEARCH_WORDS["en"]
) -> tuple[list[str], list[str], float]:
    """Type ``query`` (after emptying the box) and read the result pages, best first.

    Returns the pages, those of them with no word missing, and the time from
    the query's last key to the first results (or "No matching documents") on
    screen. The pages are read from the final answer, on a site that marks it
    (a site built before the mark, ``--baseline``, sent one answer).
    """
    box = page.locator(SEARCH_BOX)
    meta = page.locator(RESULT_META)
    box.fill("")
    box.press("End")
    meta.filter(has_text=words.placeholder).wait_for(timeout=RESULT_TIMEOUT_MS)
    # The empty box's answer is marked in the same task that shows its words.
    marks_answers = page.locator(SEARCH_RESULTS).get_attribute("data-answer") is not None
    box.fill(query)
    started = time.perf_counter()
    box.press("End")
    meta.filter(has_text=words.found).or_(meta.filter(has_text=words.none)).wait_for(
        timeout=RESULT_TIMEOUT_MS
    )
    elapsed = (time.perf_counter() - started) * 1000
    if marks_answers:
        wait_for_answer(page, query, RESULT_TIMEOUT_MS)
    if page.locator(HELP).count():
        # The help note is decided when the worker says how complete its answer is.
        page.locator(f'{HELP}[data-query="{normalize(query)}"]').wait_for(
            state="attached", timeout=RESULT_TIMEOUT_MS
        )
    results, complete = [], []
    for item in page.locator(RESULT_ITEMS).all():
        link = item.locator(PAGE_LINK)
        path = _site_path(link.get_attribute("href") or "", server.url())
        results.append(path)
        if link.locator(MISSING_WORDS).count() == 0:
            complete.append(path)
    return results, complete, elapsed


def language_home(language: str) -> str:
    """The home page of ``language``'s pages, under the site: "" (English), "es/"."""
    return "" if language == "en" else f"{language}/"


def run_queries(
    browser: Browser,
    server: SiteServer,
    queries: Sequence[EvalQuery],
    language: str = "en",
    profile: Profile = HOST,
) -> list[Outcome]:
    """Type each query in turn on one phone page (``profile``: its CPU, benchmarks/phone.py)."""
    with phone_page(browser, profile) as phone:
        page = phone.page
        page.goto(server.url() + language_home(language))
        page.locator(SEARCH_BUTTON).tap()
        page.locator(SEARCH_BOX).wait_for(state="visible")
        outcomes = []
        for query in queries:
            results, complete, ms = search(page, server, query.query, SEARCH_WORDS[language])
            outcomes.append(
                Outcome(
                    query=query,
                    results=tuple(results),
                    complete=tuple(complete),
                    help_shown=page.locator(HELP).is_visible(),
                    emergency_shown=page.locator(EMERGENCY).is_visible(),
                    ms=ms,
                )
            )
    return outcomes


@dataclass(frozen=True)
class Score:
    """The rates of one set (the whole set, or the held-out third) on one site."""

    typed: int  # queries typed (none of the held-out third in a run of the tuning part)
    answerable: int
    first: int
    top: int
    empty: int
    other_language: int  # queries with a page of another language among their results
    missing: list[str]
    no_answer: int
    no_answer_right: int
    misses: list[str]
    median_ms: float
    p90_ms: float


def in_language(path: str, language: str) -> bool:
    """Whether the page at URL path ``path`` is one of ``language``'s pages."""
    translated = tuple(f"{other}/" for other in QUERY_FILES if other != "en")
    if language == "en":
        return not path.startswith(translated)
    return path.startswith(f"{language}/")


def score(outcomes: Sequence[Outcome], built_pages: set[str], language: str = "en") -> Score:
    first = top = empty = no_answer = no_answer_right = other_language = 0
    missing: list[str] = []
    misses: list[str] = []
    for outcome in outcomes:
        query = outcome.query
        strays = [path for path in outcome.results if not in_language(path, language)]
        if strays:
            other_language += 1
            misses.append(f"{query.query!r}: pages of another language: {strays}")
        if query.no_answer:
            no_answer += 1
            expected = {"help"} <= query.no_answer, "emergency" in query.no_answer
            if (outcome.help_shown, outcome.emergency_shown) == expected:
                no_answer_right += 1
            else:
                misses.append(
                    f"{query.query!r}: help {'shown' if outcome.help_shown else 'not shown'}, "
                    f"911/988 line {'shown' if outcome.emergency_shown else 'not shown'}"
                )
            continue
        present = [path for path in query.pages if path in built_pages]
        if not present:
            missing.append(query.query)
            continue
        ranked = list(outcome.results)
        first += bool(ranked) and ranked[0] in present
        top += any(path in present for path in ranked[:TOP])
        empty += not ranked
        if not ranked or ranked[0] not in present:
            misses.append(f"{query.query!r}: wanted {present[0]}, got {ranked[:TOP] or 'nothing'}")
    times = sorted(outcome.ms for outcome in outcomes) or [0.0]
    return Score(
        typed=len(outcomes),
        answerable=sum(1 for o in outcomes if not o.query.no_answer) - len(missing),
        first=first,
        top=top,
        empty=empty,
        other_language=other_language,
        missing=missing,
        no_answer=no_answer,
        no_answer_right=no_answer_right,
        misses=misses,
        median_ms=statistics.median(times),
        p90_ms=times[max(0, round(0.9 * len(times)) - 1)],
    )


def built_pages(site_dir: Path) -> set[str]:
    return {
        html.parent.relative_to(site_dir).as_posix().removeprefix(".") + "/"
        for html in site_dir.rglob("index.html")
        if "pagefind" not in html.parts
    }


def page_count(site_dir: Path, language: str = "en") -> int:
    entry = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text())
    return int(entry["languages"][language]["page_count"])


@dataclass(frozen=True)
class Row:
    pages: int
    site: str
    whole: Score
    held_out: Score
    first_visit: Visit | None = None  # benchmarks/reader.py's cold visit and typed query
    # The held-out part split by new_words: its queries that hold a word no
    # query of the tuning part holds, and the others.
    held_out_new: Score | None = None
    held_out_seen: Score | None = None


def content_words(query: str, language: str) -> frozenset[str]:
    """The words of ``query`` that search looks for: normalized as the search box
    normalizes them, question and filler words left out."""
    return frozenset(normalize(query).split()) - frozenset(STOP_WORDS[language])


def new_words(queries: Sequence[EvalQuery], language: str) -> set[str]:
    """The held-out queries that hold a word no query of the tuning part holds.

    Readers' words tuned on the tuning part cannot have anticipated such a
    word: right-first rates for these and for the others tell a loss from
    words nobody had typed (a readers' term would help) from a loss in the
    ranking of words already known.
    """
    tuned = frozenset().union(
        *(content_words(query.query, language) for query in queries if not query.held_out)
    )
    return {
        query.query
        for query in queries
        if query.held_out and content_words(query.query, language) - tuned
    }


def _without_stop_words(text: str) -> str:
    return json.dumps({**json.loads(text), "stop": {}})


def _without_terms(text: str) -> str:
    return json.dumps({**json.loads(text), "terms": {}})


def _without_misspellings(text: str) -> str:
    # No near word is within -1 edits: a word the site lacks is left out, not matched.
    allowed = "const allowedEdits = word =>"
    if allowed not in text:
        raise RuntimeError(
            "search-readers.js has no allowedEdits: update benchmarks/search_eval.py"
        )
    return text.replace(allowed, f"{allowed} -1 ||")


# Each piece, taken out of the built site: the file changed, and how.
PIECES: dict[str, tuple[str, Callable[[str], str]]] = {
    "filler words kept": ("search/readers-words.json", _without_stop_words),
    "no readers' terms": ("search/readers-words.json", _without_terms),
    "no misspelling matched": ("assets/javascripts/search-readers.js", _without_misspellings),
}
ONLY_COMPLETE = "only pages with every word"


def scored_row(
    pages: int,
    site: str,
    outcomes: list[Outcome],
    built: set[str],
    language: str,
    complete: bool = False,
) -> Row:
    """One site's row: the whole set, the held-out part and its two halves
    (``new_words``); ``complete``: only the results that hold every word."""
    if complete:
        outcomes = [replace(outcome, results=outcome.complete) for outcome in outcomes]
    held_out = [outcome for outcome in outcomes if outcome.query.held_out]
    new = new_words([outcome.query for outcome in outcomes], language)
    return Row(
        pages=pages,
        site=site,
        whole=score(outcomes, built, language),
        held_out=score(held_out, built, language),
        held_out_new=score([o for o in held_out if o.query.query in new], built, language),
        held_out_seen=score([o for o in held_out if o.query.query not in new], built, language),
    )


# How a report names each corpus but the near-copies.
CORPUS_NAMES: dict[Corpus, str] = {
    "near-copies": "near-copies of the CRPS page",
    "own-names": "pages with their own names",
    "other-conditions": "pages of other conditions",
}


def measure(
    browser: Browser,
    folder: Path,
    added: int,
    commit: str | None,
    queries: list[EvalQuery],
    pieces: bool = False,
    corpus: Corpus = "near-copies",
    language: str = "en",
) -> list[Row]:
    project = folder / f"{added}-{commit or 'checkout'}-{corpus}"
    project.mkdir(parents=True)
    if commit is None:
        copy_project(project)
    else:
        extract_at_commit(commit, PROJECT_PARTS, project)
    if added:
        # The Spanish set searches the Spanish pages: each generated page gets its own.
        add_pages(project, generate_pages(added, corpus, spanish=language == "es"))
    built = build(project)
    if built.returncode != 0:
        raise RuntimeError(f"{project.name} did not build:\n{built.output[-3000:]}")
    pages = built_pages(built.site_dir)
    count = page_count(built.site_dir, language)
    site = f"commit {commit}" if commit else "checkout"
    if added and corpus != "near-copies":
        site += f" ({CORPUS_NAMES[corpus]})"
    with serve(built.site_dir) as server:
        outcomes = run_queries(browser, server, queries, language)
        first_visit = visit(browser, server, hold_index=False, typed=True)
        row = scored_row(count, site, outcomes, pages, language)
        rows = [replace(row, first_visit=first_visit)]
        if not pieces:
            return rows
        rows.append(
            scored_row(count, f"{site}, {ONLY_COMPLETE}", outcomes, pages, language, complete=True)
        )
        for name, (path, change) in PIECES.items():
            changed = built.site_dir / path
            original = changed.read_text(encoding="utf-8")
            changed.write_text(change(original), encoding="utf-8")
            try:
                outcomes = run_queries(browser, server, queries, language)
                rows.append(scored_row(count, f"{site}, {name}", outcomes, pages, language))
            finally:
                changed.write_text(original, encoding="utf-8")
    return rows


HELD_OUT_NEW = "held out, a word new to the set"
HELD_OUT_SEEN = "held out, every word in the tuning part"


def _rate(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "n/a"


def report(rows: Sequence[Row], show_misses: bool, language: str = "en") -> str:
    lines = [
        f"Measured {date.today().isoformat()}; {QUERY_FILES[language].relative_to(ROOT)}; "
        "phone viewport; time from the query's last key to its results on screen.",
        "",
        "| Pages | Site | Set | Right page first | In top 3 | Empty | Another language's page "
        "| Page missing | No answer: right help shown | Time, median / p90 |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        for name, result in (
            ("whole", row.whole),
            ("held out", row.held_out),
            (HELD_OUT_NEW, row.held_out_new),
            (HELD_OUT_SEEN, row.held_out_seen),
        ):
            if result is None or not result.typed:  # the tuning part typed alone
                continue
            lines.append(
                f"| {row.pages:,} | {row.site} | {name} | {_rate(result.first, result.answerable)} "
                f"| {_rate(result.top, result.answerable)} | {result.empty} "
                f"| {result.other_language} "
                f"| {len(result.missing)} | {_rate(result.no_answer_right, result.no_answer)} "
                f"| {result.median_ms:,.0f} / {result.p90_ms:,.0f} ms |"
            )
    visited = [row for row in rows if row.first_visit]
    if visited:
        lines += [
            "",
            f"First visit to the CRPS page (cold cache, phone viewport, gzip) and {QUERY!r} "
            "typed at 5 keys a second, first result after the last key (benchmarks/reader.py):",
            "",
        ]
        for row in rows:
            first = row.first_visit
            if first is not None:
                lines.append(
                    f"- {row.pages:,} pages, {row.site}: first visit "
                    f"{first.gzip_bytes / 1000:,.1f} KB in {first.requests} requests; "
                    f"first result {first.search_ms:,.0f} ms"
                )
    if show_misses:
        for row in rows:
            lines += ["", f"Misses at {row.pages:,} pages, {row.site}:", ""]
            lines += [f"- {miss}" for miss in row.whole.misses] or ["- none"]
            if row.whole.missing:
                lines.append(f"- page missing: {', '.join(map(repr, row.whole.missing))}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pages", type=int, nargs="+", default=[0], help="generated pages to add (0: none)"
    )
    parser.add_argument("--baseline", help="a git commit to measure in the same run")
    parser.add_argument(
        "--language",
        choices=sorted(QUERY_FILES),
        default="en",
        help="the set and pages searched: English, or Spanish (the set and pages under /es/)",
    )
    parser.add_argument("--misses", action="store_true", help="list the queries that missed")
    parser.add_argument(
        "--part",
        choices=PARTS,
        default="whole",
        help="the queries typed: the whole set, or its tuning part alone (the held-out "
        "queries left out, so tuning never sees how search answers them)",
    )
    parser.add_argument(
        "--pieces", action="store_true", help="measure the checkout without each piece of search"
    )
    parser.add_argument(
        "--keep",
        type=Path,
        help="build the sites in this new folder and keep them (to type queries on them again)",
    )
    parser.add_argument(
        "--corpus",
        nargs="+",
        choices=CORPORA,
        default=["near-copies"],
        help="the generated pages: near-copies of the CRPS page, the same with their own "
        "names, or pages of other conditions",
    )
    arguments = parser.parse_args()
    problem = missing_chromium()
    if problem:
        sys.stderr.write(problem + "\n")
        return 2
    queries = part_of(load_queries(QUERY_FILES[arguments.language]), arguments.part)
    sites: list[str | None] = [arguments.baseline, None] if arguments.baseline else [None]
    rows = []
    with (
        tempfile.TemporaryDirectory() as temporary,
        sync_playwright() as playwright,
    ):
        folder = arguments.keep or Path(temporary)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for added in arguments.pages:
            for corpus in arguments.corpus if added else arguments.corpus[:1]:
                for commit in sites:
                    sys.stderr.write(
                        f"{added} pages added ({corpus}), {commit or 'checkout'}: building...\n"
                    )
                    pieces = arguments.pieces and commit is None
                    rows += measure(
                        browser,
                        folder,
                        added,
                        commit,
                        queries,
                        pieces,
                        corpus,
                        arguments.language,
                    )
        browser.close()
    sys.stdout.write(report(rows, arguments.misses, arguments.language))
    return 0


if __name__ == "__main__":
    sys.exit(main())
