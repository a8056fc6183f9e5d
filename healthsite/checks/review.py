"""Planned review: a page past its ``next_review`` date is overdue.

In CI (``CI=true``) an overdue page is a build error. Locally it is logged at
INFO level: ``strict: true`` in mkdocs.yml turns every warning into a failure,
also in ``mkdocs serve``, and an editor previewing a page must not be blocked
by another page's review date. INFO lines show in both ``mkdocs serve`` and
``make build`` output.
"""

from __future__ import annotations

import datetime as dt
import os

from mkdocs.exceptions import PluginError

from healthsite.dates import human_date
from healthsite.pages.frontmatter import FrontMatter
from healthsite.problems import Problem, log

# Tests fix "today" with this variable instead of depending on the calendar.
TODAY_VARIABLE = "HEALTHSITE_TODAY"


def today() -> dt.date:
    """The date reviews are measured against: HEALTHSITE_TODAY, or the calendar."""
    fixed = os.environ.get(TODAY_VARIABLE, "").strip()
    if not fixed:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(fixed)
    except ValueError:
        raise PluginError(
            f"{TODAY_VARIABLE}: '{fixed}' is not a date; set it as YYYY-MM-DD or unset it"
        ) from None


def running_in_ci() -> bool:
    """True on CI services, which set ``CI=true``."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1"}


def overdue_problem(front: FrontMatter, on: dt.date) -> Problem | None:
    """The problem of a page whose review was due before ``on``, if it is overdue."""
    dates = front.review_dates()
    if dates is None:
        return None
    due = dates.next_review_due
    days = (on - due).days
    if days <= 0:
        return None
    field = "next_review" if dates.next_review else "review_interval_months"
    plural = "" if days == 1 else "s"
    return Problem(
        front.shown_as,
        front.line(field),
        field,
        f"the review is {days} day{plural} overdue (it was due {human_date(due)}); "
        "have the page reviewed, then update last_reviewed and next_review",
    )


def report_overdue(problems: list[Problem], in_ci: bool) -> list[Problem]:
    """In CI return the overdue problems as build errors; locally log them."""
    if in_ci:
        return problems
    for problem in problems:
        log.info("Review overdue (fails the build in CI): %s", problem)
    return []
