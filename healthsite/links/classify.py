"""A verdict for each link lychee reported, from its answer.

lychee says valid or not; a reader of the report, and the re-asks, need to
know why: gone, moved, rate limited, timed out, refused to robots.
"""

from __future__ import annotations

from enum import StrEnum
from http import HTTPStatus
from urllib.parse import urlsplit

from healthsite.links.lychee import Row
from healthsite.links.settings import RefusesBots, Settings


class Verdict(StrEnum):
    OK = "ok"
    REDIRECTED = "redirected"  # moved permanently to a page that works
    DEAD = "dead"  # 4xx, redirect loop, host unreachable, no such page
    MISSING_ANCHOR = "missing-anchor"  # the page exists, the #section does not
    SERVER_ERROR = "server-error"  # 5xx
    RATE_LIMITED = "rate-limited"  # 429
    TIMEOUT = "timeout"  # no answer in time
    REFUSES_BOTS = "refuses-bots"  # an allowlisted host's known answer to robots
    SKIPPED = "skipped"  # not requested: lychee.toml's exclusions


# These fail the check.
FAILING = frozenset({Verdict.DEAD, Verdict.MISSING_ANCHOR, Verdict.SERVER_ERROR})
# A 429 or a timeout says nothing about whether the page exists: reported, not failed.
UNCHECKED = frozenset({Verdict.RATE_LIMITED, Verdict.TIMEOUT})
PERMANENT_REDIRECTS = (301, 308)
REJECTED = "Rejected status code: "


def final_url(row: Row) -> str:
    """Where the link led, after any redirects."""
    return row.redirects[-1][0] if row.redirects else row.link


def result_text(row: Row) -> str:
    """What the server said, in the report's words ("410 Gone")."""
    if row.kind == "timeout":
        return "no answer in time (timeout)"
    if row.kind == "error" and row.code is not None and 300 <= row.code < 400:
        return f"redirect loop ({len(row.redirects)} redirects, the last {row.code})"
    if row.cached and row.code is not None:
        # lychee words a remembered answer "Error (cached)" or "OK (cached)",
        # whatever the server said; the code it keeps says it again.
        return _status_words(row.code)
    return row.status.removeprefix(REJECTED).removesuffix(" (cached)")


def _status_words(code: int) -> str:
    """410 -> "410 Gone", as lychee words an answer it has just had."""
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:  # a code outside the standard list, such as 999
        return str(code)


def refusing_host(
    link: str, final: str, status: int | None, hosts: tuple[RefusesBots, ...]
) -> RefusesBots | None:
    """The allowlist entry that excuses ``status``, for the link's host or the
    host it was redirected to (doi.org forwards to publishers)."""
    seen = {urlsplit(link).hostname, urlsplit(final).hostname}
    return next((e for e in hosts if e.host in seen and status in e.accept), None)


def classify(row: Row, settings: Settings) -> Verdict:
    """The verdict for one row; the order of the tests matters."""
    if row.kind == "excluded":
        return Verdict.SKIPPED
    if row.kind == "timeout":
        return Verdict.TIMEOUT
    if row.code == 429:
        return Verdict.RATE_LIMITED
    if refusing_host(row.link, final_url(row), row.code, settings.refuses_bots):
        return Verdict.REFUSES_BOTS
    if row.code is not None and row.code >= 500:
        return Verdict.SERVER_ERROR
    if row.kind == "error":
        return Verdict.MISSING_ANCHOR if "fragment" in row.status else Verdict.DEAD
    if row.redirects and row.redirects[0][1] in PERMANENT_REDIRECTS:
        return Verdict.REDIRECTED
    return Verdict.OK
