"""Small, hand-made inputs for the in-process tests of tests/test_mutation_*.py.

A registry of three sources and two figures, and front matter read with its
lines, so each test states exactly what an editor wrote and what the build
would tell them, without building the site.
"""

from __future__ import annotations

from typing import Any

from healthsite.checks.frontmatter import FrontMatter
from healthsite.content.registry import Registry, Source, Statistic
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
