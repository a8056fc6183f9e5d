"""Small, hand-made inputs for the in-process tests of tests/test_mutation_*.py.

A registry of three sources and two figures, and front matter read with its
lines, so each test states exactly what an editor wrote and what the build
would tell them, without building the site.
"""

from __future__ import annotations

from typing import Any

from healthsite.content.citations import Citations, PageCitations
from healthsite.content.findings import Findings, FindingsOnPage
from healthsite.content.registry import Registry, Source, Statistic
from healthsite.content.wording import PageWording
from healthsite.pages.frontmatter import FrontMatter
from healthsite.problems import Problem
from healthsite.yamlfile import parse_with_lines

PAGE = "docs/treatments/example.md"
SOURCES_FILE = "data/sources.yml"
STATISTICS_FILE = "data/statistics.yml"


def source(**fields: Any) -> Source:
    written = {
        "title": "A review of treatments.",
        "publisher": "Journal of Pain",
        "year": 2020,
        "url": "https://example.org/review",
        "accessed": "2026-01-05",
        "checked": "primary",
    }
    return Source.model_validate({**written, **fields})


def statistic(**fields: Any) -> Statistic:
    written = {
        "value": 12,
        "unit": "weeks",
        "population": "adults with CRPS",
        "period": "2010 to 2020",
        "kind": "peer_reviewed",
        "attributed_to": "A review",
        "claim": "pain eased for {value} weeks",
        "source": "review2020",
    }
    return Statistic.model_validate({**written, **fields})


def registry() -> Registry:
    return Registry(
        sources={
            "review2020": source(),
            "guide2018": source(title="A guideline", kind="guideline"),
            "trial2009": source(title="A trial", authors="Smith AB, Jones CD."),
        },
        statistics={
            "review2020_weeks": statistic(),
            "trial2009_people": statistic(
                value=60, unit="people", claim="{value} people took part", source="trial2009"
            ),
        },
        sources_file=SOURCES_FILE,
        statistics_file=STATISTICS_FILE,
    )


def front_matter(yaml_text: str, shown_as: str = PAGE) -> FrontMatter:
    """Front matter as written (its YAML starts on line 2, after '---'), unchecked."""
    written, lines = parse_with_lines(yaml_text, shown_as, first_line=2)
    return FrontMatter(shown_as, written, lines, None)


class OnePage:
    """The page being built, as healthsite/build's page state hands it to the
    macros: a citations record and a findings record, made once per page."""

    def __init__(self, wording: PageWording | None = None, data: Registry | None = None) -> None:
        self.wording = wording
        self.citations_record: PageCitations | None = None
        self.findings_record: FindingsOnPage | None = None
        self.citations = Citations(data or registry(), self._cited)
        self.findings = Findings(self.citations, self._found)

    def _cited(self) -> PageCitations:
        assert self.citations_record is not None, "no page started"
        return self.citations_record

    def _found(self) -> FindingsOnPage:
        assert self.findings_record is not None, "no page started"
        return self.findings_record

    def start(self, shown_as: str = PAGE, file_text: str | None = None) -> None:
        """A page whose file holds ``file_text`` (None: a page with no file)."""
        self.citations_record = PageCitations(shown_as, file_text, self.wording)
        self.findings_record = self.findings.for_page(shown_as, file_text or "")

    def finish(self, markdown: str) -> tuple[str, list[Problem]]:
        """The page with its references, and the keys it named that the data lack."""
        page = self._cited()
        return self.citations.finish(page, markdown), self.citations.unknown_keys(page)

    def finding_problems(self, rendered: bool = True) -> list[Problem]:
        return self.findings.problems(self._found(), rendered)
