"""Each kind of statistic reads with its own verb, and the build refuses a kind it
does not know or a guideline's figure worded as a research finding (in-process:
the data files and the macro, no build)."""

from __future__ import annotations

from pathlib import Path

from healthsite.content.citations import VERB_BY_KIND, Citations, PageCitations
from healthsite.content.registry import DataFile, Registry, StatisticKind, load_registry
from healthsite.problems import Problem
from tests.sitebuild import ROOT

SOURCES = "data/sources.yml"
STATISTICS = "data/statistics.yml"


def load(tmp_path: Path, sources: str, statistics: str) -> tuple[Registry, list[Problem]]:
    """The registry from these texts, named in messages as the real files are."""
    (tmp_path / "sources.yml").write_text(sources, encoding="utf-8")
    (tmp_path / "statistics.yml").write_text(statistics, encoding="utf-8")
    return load_registry(
        DataFile(tmp_path / "sources.yml", SOURCES),
        DataFile(tmp_path / "statistics.yml", STATISTICS),
    )


def real(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def line_of(text: str, wanted: str, after: str) -> int:
    """The 1-based number of the first line equal to ``wanted`` after line ``after``."""
    lines = text.splitlines()
    return lines.index(wanted, lines.index(after)) + 1


def test_every_kind_has_its_words() -> None:
    assert set(VERB_BY_KIND) == set(StatisticKind)


def test_a_guideline_figure_says_what_the_guideline_says(tmp_path: Path) -> None:
    registry, problems = load(tmp_path, real(SOURCES), real(STATISTICS))
    assert problems == []
    page = PageCitations("treatments/iv-ketamine.md", None)
    citations = Citations(registry, lambda: page)
    assert citations.stat("cohen2018_benefit_weeks") == (
        "A summary of a 2018 US guideline on IV ketamine for long-term pain says that there is "
        "moderate evidence that ketamine eases CRPS pain for up to about 12 "
        "weeks[^guidelinecentral_ketamine2018]."
    )


def test_an_unknown_kind_is_named_with_its_line_and_the_kinds_there_are(
    tmp_path: Path,
) -> None:
    statistics = real(STATISTICS).replace(
        "  kind: guideline\n  attributed_to: A summary of a 2018 US guideline",
        "  kind: consensus\n  attributed_to: A summary of a 2018 US guideline",
    )
    line = line_of(statistics, "  kind: consensus", "cohen2018_benefit_weeks:")
    _, problems = load(tmp_path, real(SOURCES), statistics)
    assert [str(problem) for problem in problems] == [
        f"{STATISTICS}:{line}: cohen2018_benefit_weeks.kind: Input should be 'peer_reviewed', "
        "'advocacy_estimate', 'service_statement' or 'guideline'; expected how the figure "
        "reads: peer_reviewed (found that), advocacy_estimate (estimates that), "
        "service_statement or guideline (says that)"
    ]


def test_a_figure_from_a_guideline_worded_as_a_finding_fails_with_its_line(
    tmp_path: Path,
) -> None:
    # A figure taken from the guideline itself (cohen2018, kind: guideline) but
    # worded as a research finding.
    statistics = (
        real(STATISTICS)
        .replace(
            "  kind: guideline\n  attributed_to: A summary of a 2018 US guideline",
            "  kind: peer_reviewed\n  attributed_to: A summary of a 2018 US guideline",
        )
        .replace("  source: guidelinecentral_ketamine2018\n", "  source: cohen2018\n")
    )
    line = line_of(statistics, "  kind: peer_reviewed", "cohen2018_benefit_weeks:")
    _, problems = load(tmp_path, real(SOURCES), statistics)
    assert [str(problem) for problem in problems] == [
        f"{STATISTICS}:{line}: cohen2018_benefit_weeks.kind: 'peer_reviewed' for a figure from "
        f"'cohen2018', which {SOURCES} marks as a guideline; expected 'guideline', so it reads "
        "as what the guideline says, not as what research found"
    ]
