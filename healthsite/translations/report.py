"""The translation report: a table for editors, annotations and a summary for CI."""

from __future__ import annotations

from collections.abc import Sequence

from healthsite.annotations import workflow_command
from healthsite.translations.status import PageStatus, State, Translations

ANNOTATION_TITLE = "Translation out of date"


def _changed(status: PageStatus) -> str:
    when = f"on {status.since.isoformat()}" if status.since else "(date unknown)"
    return f"{status.english} changed {when} after this translation was made"


def table(translations: Translations) -> str:
    """A plain-text table: each English page and its Spanish status."""
    rows = [(status.english, status.described()) for status in translations.statuses]
    width = max([len("English page"), *(len(page) for page, _ in rows)])
    header = f"{'English page':<{width}}  Spanish translation"
    lines = [header, "-" * len(header), *(f"{page:<{width}}  {said}" for page, said in rows)]
    return "\n".join([*lines, totals(translations)]) + "\n"


def totals(translations: Translations) -> str:
    count = {state: 0 for state in State}
    for status in translations.statuses:
        count[status.state] += 1
    return (
        f"{count[State.current]} current, {count[State.out_of_date]} out of date, "
        f"{count[State.missing]} missing, of {len(translations.statuses)} pages"
    )


def markdown_table(translations: Translations) -> str:
    """The same as a Markdown table (a run's summary, an issue, a pull request)."""
    lines = ["| English page | Spanish translation |", "| --- | --- |"]
    lines += [f"| `{status.english}` | {status.described()} |" for status in translations.statuses]
    return "\n".join([*lines, "", totals(translations)]) + "\n"


def out_of_date(translations: Translations) -> list[PageStatus]:
    return [status for status in translations.statuses if status.state is State.out_of_date]


def warning_commands(statuses: Sequence[PageStatus]) -> list[str]:
    """One ``::warning`` per out-of-date translation, on its fingerprint's line."""
    return [
        workflow_command(
            "warning",
            f"{_changed(status)}; update the Spanish, then run "
            f"`make translations STAMP={status.spanish}`",
            status.spanish,
            status.line,
            ANNOTATION_TITLE,
        )
        for status in statuses
    ]


def summary(translations: Translations) -> str:
    """The run summary's section: the out-of-date translations, then every page."""
    stale = out_of_date(translations)
    parts = ["### Spanish translations", ""]
    if stale:
        parts += [f"{len(stale)} out of date (the English page changed after they were made):", ""]
        parts += [f"- `{status.spanish}`: {_changed(status)}" for status in stale]
    else:
        parts.append("No translation is out of date.")
    if translations.no_history:
        parts += ["", f"Dates unknown: {translations.no_history}."]
    parts += ["", "<details><summary>Every page</summary>", "", markdown_table(translations)]
    parts += ["</details>", ""]
    return "\n".join(parts)
