"""One link check: crawl the built site, retry what may pass later, keep results."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from healthsite.links.cache import Cached, ResultCache
from healthsite.links.classify import (
    FAILING,
    RETRIED,
    UNCHECKED,
    Verdict,
    classify,
    refusing_host,
    retry_after,
    status_code,
)
from healthsite.links.linkchecker import Row, run_linkchecker
from healthsite.links.locate import pages_linking
from healthsite.links.serve import serve_site
from healthsite.links.settings import Settings


@dataclass
class LinkResult:
    """What became of one link, and every page it is on."""

    link: str  # absolute URL, or "/path/#anchor" for a link between pages
    verdict: Verdict
    result: str
    final_url: str
    internal: bool
    warnings: str = ""
    pages: set[str] = field(default_factory=set)  # URL paths, "" for the home page
    attempts: int = 1
    from_cache: bool = False
    reason: str = ""  # why it was skipped, or why its host is allowlisted


@dataclass
class Outcome:
    links: list[LinkResult]
    pages: list[str]  # URL paths of the pages whose links were checked

    @property
    def failing(self) -> list[LinkResult]:
        return [link for link in self.links if link.verdict in FAILING]

    @property
    def unchecked(self) -> list[LinkResult]:
        return [link for link in self.links if link.verdict in UNCHECKED]


def _reason(result: LinkResult, settings: Settings) -> str:
    if result.verdict is Verdict.SKIPPED and result.result == "syntax OK":
        return "The host's robots.txt asks robots not to fetch it."
    if result.verdict is Verdict.SKIPPED and not result.from_cache:
        return next((s.reason for s in settings.skip if re.search(s.pattern, result.link)), "")
    if result.verdict is Verdict.REFUSES_BOTS:
        status = status_code(result.result)
        entry = refusing_host(result.link, result.final_url, status, settings.refuses_bots)
        return entry.reason if entry else ""
    return ""


def _results(
    rows: list[Row],
    root: str,
    settings: Settings,
    cache: dict[str, Cached],
    linked_from: dict[str, set[str]],
) -> list[LinkResult]:
    by_link: dict[str, LinkResult] = {}
    for row in rows:
        if not row.page or row.link.startswith("data:"):  # a start page; an inline icon
            continue
        internal = row.link.startswith(root)
        link = "/" + row.link.removeprefix(root) if internal else row.link
        result = by_link.get(link)
        if result is None:
            verdict = classify(row, settings)
            result = LinkResult(link, verdict, row.result, row.final_url, internal, row.warnings)
            cached = cache.get(row.link)
            if result.verdict is Verdict.SKIPPED and cached is not None:
                result.verdict, result.result, result.from_cache = (
                    cached.verdict,
                    cached.result,
                    True,
                )
            result.reason = _reason(result, settings)
            by_link[link] = result
        result.pages.add(_page_path(row.page, root))
        result.pages |= linked_from.get(row.link, set())
    return list(by_link.values())


def _page_path(url: str, root: str) -> str:
    """The URL path of the page a link is on. linkchecker names the page by the
    address it first reached it at, which may carry a section ("conditions/crps/
    #when-to-get-help", which the search box links to from every page)."""
    return url.removeprefix(root).split("#", 1)[0]


def _retry(results: list[LinkResult], settings: Settings, sleep: Callable[[float], None]) -> None:
    """Ask again, with growing waits, for links that answered 429, 5xx or nothing."""
    for attempt in range(settings.retries):
        pending = {r.link: r for r in results if r.verdict in RETRIED and not r.internal}
        if not pending:
            return
        wait = settings.backoff_seconds * 2**attempt
        asked = [ra for r in pending.values() if (ra := retry_after(r.warnings)) is not None]
        sleep(min(settings.max_backoff_seconds, max([wait, *asked])))
        rows = run_linkchecker(list(pending), settings, recursion_level=0, check_extern=False)
        for row in rows:
            result = pending.get(row.link)
            if result is None or row.page:
                continue
            result.verdict, result.result = classify(row, settings), row.result
            result.final_url, result.warnings = row.final_url, row.warnings
            result.attempts += 1
            result.reason = _reason(result, settings)


def existing_pages(site_dir: Path, pages: list[str]) -> list[str]:
    """Drop pages the build no longer has (a pull request may delete one)."""
    return [page for page in pages if (site_dir / page / "index.html").is_file()]


def check_site(
    site_dir: Path,
    settings: Settings,
    cache: ResultCache,
    *,
    pages: list[str] | None = None,
    internal_only: bool = False,
    now: datetime,
    sleep: Callable[[float], None] = time.sleep,
) -> Outcome:
    """Check the links of ``pages`` (URL paths), or of the whole site when None.

    ``internal_only``: request no other host (links between our pages only).
    """
    fresh = cache.fresh(now)
    ignore = [skip.pattern for skip in settings.skip]
    ignore += [f"^{re.escape(link)}$" for link in fresh]
    with serve_site(site_dir) as root:
        if pages is None:
            start, level = [root], -1
        else:
            start, level = [root + page for page in existing_pages(site_dir, pages)], 1
        rows = (
            run_linkchecker(
                start,
                settings,
                ignore=ignore,
                recursion_level=level,
                check_extern=not internal_only,
            )
            if start
            else []
        )
        results = _results(rows, root, settings, fresh, pages_linking(site_dir, root))
    _retry(results, settings, sleep)
    for result in results:
        if not result.internal and not result.from_cache and result.verdict is not Verdict.SKIPPED:
            cache.record(result.link, result.verdict, result.result, now)
    parents = {_page_path(row.page, root) for row in rows if row.page}
    checked = sorted(page for page in parents if page.endswith("/") or not page)  # not CSS
    return Outcome(sorted(results, key=lambda r: r.link), checked)
