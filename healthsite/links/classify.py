"""A verdict for each link linkchecker reported, from its result and warnings.

linkchecker says valid or not; a reader of the report, and the retry logic,
need to know why: gone, moved, rate limited, timed out, refused to robots.
"""

from __future__ import annotations

import re
from enum import StrEnum
from urllib.parse import urlsplit

from healthsite.links.linkchecker import Row
from healthsite.links.settings import RefusesBots, Settings


class Verdict(StrEnum):
    OK = "ok"
    REDIRECTED = "redirected"  # moved permanently to a page that works
    DEAD = "dead"  # 4xx, redirect loop, host unreachable
    MISSING_ANCHOR = "missing-anchor"  # the page exists, the #section does not
    SERVER_ERROR = "server-error"  # 5xx
    RATE_LIMITED = "rate-limited"  # 429
    TIMEOUT = "timeout"  # no answer in time
    REFUSES_BOTS = "refuses-bots"  # an allowlisted host's known answer to robots
    SKIPPED = "skipped"  # not requested: skip list, cache or robots.txt


# These fail the check.
FAILING = frozenset({Verdict.DEAD, Verdict.MISSING_ANCHOR, Verdict.SERVER_ERROR})
# These are asked again, with back-off, before the verdict stands.
RETRIED = frozenset({Verdict.RATE_LIMITED, Verdict.TIMEOUT, Verdict.SERVER_ERROR})
# A 429 or a timeout says nothing about whether the page exists: reported, not failed.
UNCHECKED = frozenset({Verdict.RATE_LIMITED, Verdict.TIMEOUT})

STATUS = re.compile(r"^(\d{3}) ")
PERMANENT_REDIRECT = re.compile(r"Redirected to `[^']*' status: 30[18] ")
MISSING_ANCHOR = re.compile(r"Anchor `[^']*'.* not found")
RETRY_AFTER = re.compile(r"Retry-After: (\d+)\)")
# Skipped by our settings ("filtered", "ignored") or by the host's robots.txt.
NOT_REQUESTED = ("filtered", "ignored", "syntax OK")


def status_code(result: str) -> int | None:
    """The HTTP status in a linkchecker result such as "404 Not Found"."""
    match = STATUS.match(result)
    return int(match.group(1)) if match else None


def refusing_host(
    link: str, final_url: str, status: int | None, hosts: tuple[RefusesBots, ...]
) -> RefusesBots | None:
    """The allowlist entry that excuses ``status``, for the link's host or the
    host it was redirected to (doi.org forwards to publishers)."""
    seen = {urlsplit(link).hostname, urlsplit(final_url).hostname}
    return next((e for e in hosts if e.host in seen and status in e.accept), None)


def classify(row: Row, settings: Settings) -> Verdict:
    """The verdict for one row; the order of the tests matters."""
    status = status_code(row.result)
    if row.result in NOT_REQUESTED:
        return Verdict.SKIPPED
    if "Timeout" in row.result or "timed out" in row.result:
        return Verdict.TIMEOUT
    if status == 429:
        return Verdict.RATE_LIMITED
    if refusing_host(row.link, row.final_url, status, settings.refuses_bots):
        return Verdict.REFUSES_BOTS
    if status is not None and status >= 500:
        return Verdict.SERVER_ERROR
    if not row.valid:
        return Verdict.DEAD
    if MISSING_ANCHOR.search(row.warnings):
        return Verdict.MISSING_ANCHOR
    if PERMANENT_REDIRECT.search(row.warnings):
        return Verdict.REDIRECTED
    return Verdict.OK


def retry_after(warnings: str) -> float | None:
    """The seconds a 429 answer asked us to wait, from linkchecker's warning."""
    match = RETRY_AFTER.search(warnings)
    return float(match.group(1)) if match else None
