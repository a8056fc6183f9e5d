"""Broken links as editorial problems, on the line an editor fixes.

A cited source's address lives in ``data/sources.yml`` (its ``url:`` line);
any other link lives in the page's Markdown. In GitHub Actions these become
annotations on those lines (healthsite/annotations.py); the Markdown report
stays as it is.
"""

from __future__ import annotations

from pathlib import Path

from healthsite.links.check import LinkResult, Outcome
from healthsite.links.locate import SourceEntry, page_source, sources_by_url
from healthsite.links.report import fix_for, status_text
from healthsite.problems import Problem
from healthsite.textlines import first_line


def _line_holding(path: Path, text: str) -> int | None:
    """The first line of ``path`` that contains ``text``."""
    if not text or not path.is_file():
        return None
    return first_line(path.read_text(encoding="utf-8"), text)


def _written_as(result: LinkResult) -> str:
    """What the Markdown holds of a link: the address, or a link between pages' #anchor."""
    if not result.internal:
        return result.link
    _, _, anchor = result.link.partition("#")
    return f"#{anchor}" if anchor else ""


def _source_problem(result: LinkResult, source: SourceEntry) -> Problem:
    path, _, line = source.where.rpartition(":")
    return Problem(
        path,
        int(line) if line.isdigit() else None,
        f"{source.key}.url",
        f"{result.link} is broken ({status_text(result)}); expected a working address: "
        f"{fix_for(result)}",
    )


def _page_problems(result: LinkResult, project_dir: Path) -> list[Problem]:
    problems = []
    places: set[tuple[str, int | None]] = set()
    for page in sorted(result.pages):
        source = page_source(page, project_dir)
        if source is None:  # a page no Markdown file makes (e.g. the 404 page)
            continue
        line = _line_holding(project_dir / source, _written_as(result))
        # An English page is also in the Spanish site until it is translated: one fix.
        if (source, line) in places:
            continue
        places.add((source, line))
        problems.append(
            Problem(
                source,
                line,
                "link",
                f"{result.link} is broken ({status_text(result)}); expected a working link: "
                f"{fix_for(result)}",
            )
        )
    return problems


def link_problems(outcome: Outcome, project_dir: Path) -> list[Problem]:
    """One problem per broken link and place to fix it."""
    sources = sources_by_url(project_dir)
    problems: list[Problem] = []
    for result in outcome.failing:
        source = None if result.internal else sources.get(result.link)
        if source is not None:
            problems.append(_source_problem(result, source))
        else:
            problems.extend(_page_problems(result, project_dir))
    return problems
