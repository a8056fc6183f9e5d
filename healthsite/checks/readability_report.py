"""``make readability``: build the site and print each page's readability, in both languages.

Usage: ``python -m healthsite.checks.readability_report`` in the project folder.
The scores are the ones the build itself logs (hooks.py, healthsite/checks/readability.py),
collected from its log records, so the table and the build never disagree.
Exits 1 if the build fails, for example because a page is over its limit.
"""

from __future__ import annotations

import logging
import sys
import tempfile

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from healthsite.checks.readability import FIELD, PageReadability
from healthsite.checks.spanish_readability import (
    SPANISH_FLOOR,
    SPANISH_TARGET,
    SpanishReadability,
)
from healthsite.problems import log


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.pages: list[PageReadability] = []
        self.spanish_pages: list[SpanishReadability] = []

    def emit(self, record: logging.LogRecord) -> None:
        page = getattr(record, FIELD, None)
        if isinstance(page, PageReadability):
            self.pages.append(page)
        elif isinstance(page, SpanishReadability):
            self.spanish_pages.append(page)


def table(pages: list[PageReadability]) -> str:
    """A plain-text table, one row per page."""
    width = max([len("page"), *(len(page.shown_as) for page in pages)])
    header = f"{'page':<{width}} {'Flesch-Kincaid':>14} {'SMOG':>6} {'limit':>6}  result"
    rows = [header, "-" * len(header)]
    for page in pages:
        worst = max(page.scores.flesch_kincaid, page.scores.smog)
        verdict = "ok" if worst <= page.limit else "OVER LIMIT"
        rows.append(
            f"{page.shown_as:<{width}} {page.scores.flesch_kincaid:>14.1f} "
            f"{page.scores.smog:>6.1f} {page.limit:>6g}  {verdict}"
        )
    return "\n".join(rows) + "\n"


def spanish_table(pages: list[SpanishReadability]) -> str:
    """Spanish pages: INFLESZ and Fernández Huerta (higher is easier), and the verdict."""
    width = max([len("Spanish page"), *(len(page.shown_as) for page in pages)])
    header = f"{'Spanish page':<{width}} {'INFLESZ':>8} {'Fernández Huerta':>17}  result"
    rows = [
        f"Target {SPANISH_TARGET.text()}; below {SPANISH_FLOOR.text()} fails the build.",
        header,
        "-" * len(header),
    ]
    rows += [
        f"{page.shown_as:<{width}} {page.scores.inflesz:>8.1f} "
        f"{page.scores.fernandez_huerta:>17.1f}  {page.verdict}"
        for page in pages
    ]
    return "\n".join(rows) + "\n"


def main() -> int:
    # The build's own log goes to stderr, as with `mkdocs build`.
    logging.basicConfig(level=logging.INFO, format="%(levelname)-8s-  %(message)s")
    collector = _Collector()
    log.addHandler(collector)
    failed = False
    with tempfile.TemporaryDirectory() as site_dir:
        config = load_config("mkdocs.yml", site_dir=site_dir)
        try:
            build(config)
        except Abort:
            failed = True
    sys.stdout.write(table(collector.pages))
    if collector.spanish_pages:
        sys.stdout.write("\n" + spanish_table(collector.spanish_pages))
    if failed:
        sys.stdout.write("The build failed; its log (on stderr) says why.\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
