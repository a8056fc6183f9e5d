"""One link check: lychee over the built pages, 5xx asked again, one result per link."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from healthsite.links.classify import (
    FAILING,
    UNCHECKED,
    Verdict,
    classify,
    final_url,
    refusing_host,
    result_text,
)
from healthsite.links.lychee import Row, run_lychee
from healthsite.links.settings import Settings

EXCLUDED_REASON = "Not requested: lychee.toml's `exclude` (each pattern says why)."
OFFLINE_REASON = "Not requested: this run checked only the links between our pages."


@dataclass
class LinkResult:
    """What became of one link, and every page it is on."""

    link: str  # absolute URL, or "/path/#anchor" for a link between pages
    verdict: Verdict
    result: str
    final_url: str
    internal: bool
    code: int | None = None  # the last HTTP status, if a server answered
    pages: set[str] = field(default_factory=set)  # URL paths, "" for the home page
    attempts: int = 1
    from_cache: bool = False
    reason: str = ""  # why it was not requested, or why its host is allowlisted


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


def page_path(page_file: str, site_dir: Path) -> str:
    """``SITE/conditions/crps/index.html`` -> ``conditions/crps/`` (the page's URL path)."""
    relative = Path(page_file).relative_to(site_dir).as_posix()
    return relative.removesuffix("index.html")


def our_link(url: str, site_dir: Path) -> str | None:
    """``file://SITE/about#review`` -> ``/about/#review``; None for another site's link."""
    root = site_dir.as_uri()
    if not url.startswith(root):
        return None
    path, _, anchor = unquote(url.removeprefix(root)).partition("#")
    path = path.strip("/")
    # lychee drops a folder's final slash; a missing page is taken for a folder
    # too (MkDocs' directory URLs), unless its name has a suffix (style.css).
    folder = (site_dir / path).is_dir() or "." not in PurePosixPath(path).name
    if path and folder:
        path += "/"
    return f"/{path}" + (f"#{anchor}" if anchor else "")


def _reason(result: LinkResult, row: Row, settings: Settings) -> str:
    if result.verdict is Verdict.SKIPPED:
        return EXCLUDED_REASON
    if result.verdict is Verdict.REFUSES_BOTS:
        entry = refusing_host(row.link, final_url(row), row.code, settings.refuses_bots)
        return entry.reason if entry else ""
    return ""


def _update(result: LinkResult, row: Row, settings: Settings) -> None:
    result.verdict, result.result = classify(row, settings), result_text(row)
    result.final_url, result.from_cache, result.code = final_url(row), row.cached, row.code
    result.reason = _reason(result, row, settings)


def results_by_link(rows: list[Row], site_dir: Path, settings: Settings) -> list[LinkResult]:
    by_link: dict[str, LinkResult] = {}
    for row in rows:
        ours = our_link(row.link, site_dir)
        link = ours if ours is not None else row.link
        result = by_link.get(link)
        if result is None:
            result = LinkResult(link, Verdict.OK, "", row.link, internal=ours is not None)
            _update(result, row, settings)
            by_link[link] = result
        elif result.from_cache and not row.cached:
            # A link on several pages is requested once in a run; lychee
            # answers its other places from the run's own cache, in any order.
            # The answer it requested is the one to report.
            _update(result, row, settings)
        result.pages.add(page_path(row.page, site_dir))
    return sorted(by_link.values(), key=lambda result: result.link)


def _ask_again_after_server_errors(
    results: list[LinkResult],
    settings: Settings,
    config: Path,
    cache_dir: Path | None,
    sleep: Callable[[float], None],
) -> None:
    """lychee asks again after a 429 or a timeout, not after a 5xx: a server
    that failed once may work a minute later, so ask again with growing waits."""
    for attempt in range(settings.server_error_retries):
        pending = {r.link: r for r in results if r.verdict is Verdict.SERVER_ERROR}
        if not pending:
            return
        sleep(settings.backoff_seconds * 2**attempt)
        addresses = "\n".join(pending) + "\n"
        for row in run_lychee(["-"], config, cache_dir=cache_dir, stdin=addresses):
            result = pending.get(row.link)
            if result is not None:
                _update(result, row, settings)
                result.attempts += 1


def existing_pages(site_dir: Path, pages: list[str]) -> list[str]:
    """Drop pages the build no longer has (a pull request may delete one)."""
    return [page for page in pages if (site_dir / page / "index.html").is_file()]


def check_site(
    site_dir: Path,
    settings: Settings,
    config: Path,
    *,
    cache_dir: Path | None = None,
    pages: list[str] | None = None,
    internal_only: bool = False,
    sleep: Callable[[float], None] = time.sleep,
) -> Outcome:
    """Check the links of ``pages`` (URL paths), or of the whole site when None.

    ``config``: lychee.toml. ``cache_dir``: where lychee keeps ``.lycheecache``
    (no cache when None). ``internal_only``: request no other host.
    """
    site_dir = site_dir.resolve()
    if pages is None:
        inputs = [str(site_dir)]
    else:
        inputs = [str(site_dir / page / "index.html") for page in existing_pages(site_dir, pages)]
    rows = (
        run_lychee(inputs, config, cache_dir=cache_dir, root_dir=site_dir, offline=internal_only)
        if inputs
        else []
    )
    results = results_by_link(rows, site_dir, settings)
    if internal_only:  # lychee --offline reports every other link as excluded
        for result in results:
            if result.verdict is Verdict.SKIPPED and not result.internal:
                result.reason = OFFLINE_REASON
    _ask_again_after_server_errors(results, settings, config, cache_dir, sleep)
    checked = sorted({page_path(row.page, site_dir) for row in rows})
    return Outcome(results, checked)
