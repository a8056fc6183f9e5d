"""healthsite/content/registry.py in-process: each mistake in data/sources.yml
and data/statistics.yml named by file, line and field (README, "Mutation
testing")."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthsite.content.registry import DataFile, Registry, Source, Statistic, load_registry

SOURCE = (
    "  title: A review\n  publisher: Journal\n  year: 2020\n  url: https://example.org/\n"
    "  accessed: 2026-01-05\n  checked: primary\n"
)
STATISTIC = (
    "  value: 12\n  unit: weeks\n  population: adults\n  period: 2010 to 2020\n"
    "  kind: peer_reviewed\n"
    "  attributed_to: A review\n  claim: it lasted {value} weeks\n  source: review\n"
)


def load(tmp_path: Path, sources: str, statistics: str) -> tuple[Registry, list[str]]:
    (tmp_path / "sources.yml").write_text(sources, encoding="utf-8")
    (tmp_path / "statistics.yml").write_text(statistics, encoding="utf-8")
    registry, problems = load_registry(
        DataFile(tmp_path / "sources.yml", "data/sources.yml"),
        DataFile(tmp_path / "statistics.yml", "data/statistics.yml"),
    )
    return registry, [str(problem) for problem in problems]


def test_good_files_give_every_entry_and_no_problem(tmp_path: Path) -> None:
    registry, problems = load(
        tmp_path,
        "review:\n" + SOURCE + "guide:\n" + SOURCE + "  kind: guideline\n",
        "weeks:\n" + STATISTIC,
    )
    assert problems == []
    assert list(registry.sources) == ["review", "guide"]
    assert isinstance(registry.sources["review"], Source)
    assert registry.sources["review"].language == "en"
    assert isinstance(registry.statistics["weeks"], Statistic)
    assert (registry.sources_file, registry.statistics_file) == (
        "data/sources.yml",
        "data/statistics.yml",
    )


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        pytest.param(
            "review:\n" + SOURCE.replace("year: 2020", "year: 1800"),
            "data/sources.yml:4: review.year: Input should be greater than or equal to 1900; "
            "expected the year of publication, e.g. 2010",
            id="year-too-early",
        ),
        pytest.param(
            "review:\n" + SOURCE.replace("year: 2020", "year: 2101"),
            "data/sources.yml:4: review.year: Input should be less than or equal to 2100; "
            "expected the year of publication, e.g. 2010",
            id="year-too-late",
        ),
        pytest.param(
            "review:\n" + SOURCE.replace("  publisher: Journal\n", ""),
            "data/sources.yml:1: review.publisher: is missing; expected the journal or the "
            "publishing organization",
            id="missing-field",
        ),
        pytest.param(
            "review:\n" + SOURCE + "  edition: 2\n",
            "data/sources.yml:8: review.edition: is not a known field; use one of: authors, "
            "title, publisher, year, details, doi, url, accessed, checked, kind, language",
            id="unknown-field",
        ),
        pytest.param(
            "review:\n" + SOURCE.replace("title: A review", "title: '{{ x }}'"),
            "data/sources.yml:2: review.title: holds template code ('{{'), which is not run "
            "here, so readers would see it as typed; expected the title of the article or page",
            id="template-code",
        ),
        pytest.param(
            "review: [a, b]\n",
            "data/sources.yml:1: review.(entry): Input should be a valid dictionary or instance "
            "of Source",
            id="entry-not-a-mapping",
        ),
        pytest.param(
            "- review\n",
            "data/sources.yml:1: (file): must be a mapping of key: entry",
            id="file-not-a-mapping",
        ),
        pytest.param(
            "review: [\n",
            "data/sources.yml:2: yaml: expected the node content, but found '<stream end>'; "
            "fix the YAML syntax",
            id="not-yaml",
        ),
    ],
)
def test_a_source_written_wrongly_is_named_with_its_line(
    tmp_path: Path, sources: str, expected: str
) -> None:
    _, problems = load(tmp_path, sources, "{}\n")
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems


@pytest.mark.parametrize(
    ("key", "shown", "read_as"),
    [
        ("2023-01-23", "2023-01-23", "a date"),
        ("false", "false", "true or false"),
        ("no", "false", "true or false"),
        ("2008", "2008", "a number"),
        ("1.5", "1.5", "a number"),
        ("~", "null", "empty"),
    ],
)
def test_a_key_yaml_does_not_read_as_text_is_named_on_its_line(
    tmp_path: Path, key: str, shown: str, read_as: str
) -> None:
    """Before, such a key was turned into text and accepted, and a date key
    then stopped the build with a traceback in mkdocs-macros."""
    registry, problems = load(tmp_path, "review:\n" + SOURCE + f"{key}:\n" + SOURCE, "{}\n")
    assert problems == [
        f"data/sources.yml:8: {shown}: YAML reads this key as {read_as}, not as text; "
        "expected a key that starts with a letter, such as kemler2008 (or the key in quotes)"
    ]
    assert list(registry.sources) == ["review"]


def test_an_entry_under_a_key_yaml_does_not_read_as_text_has_its_fields_checked_too(
    tmp_path: Path,
) -> None:
    """Every mistake at once: the entry's own, then its key's. (The line map keeps
    the lines under such a key by its text, so the field's line is the key's.)"""
    sources = "review:\n" + SOURCE + "2008:\n" + SOURCE.replace("year: 2020", "year: 1800")
    registry, problems = load(tmp_path, sources, "{}\n")
    assert problems == [
        "data/sources.yml:8: 2008.year: Input should be greater than or equal to 1900; "
        "expected the year of publication, e.g. 2010",
        "data/sources.yml:8: 2008: YAML reads this key as a number, not as text; "
        "expected a key that starts with a letter, such as kemler2008 (or the key in quotes)",
    ]
    assert list(registry.sources) == ["review"]


def test_an_empty_entry_is_told_every_field_it_needs(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "review:\n", "{}\n")
    assert [problem.split(": ")[1] for problem in problems] == [
        "review.title",
        "review.publisher",
        "review.year",
        "review.url",
        "review.accessed",
        "review.checked",
    ]
    assert all(problem.startswith("data/sources.yml:1: ") for problem in problems)


def test_an_empty_file_is_not_a_mapping(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "", "weeks:\n" + STATISTIC)
    assert problems[0] == "data/sources.yml:1: (file): must be a mapping of key: entry"


def test_a_figure_from_a_source_that_is_not_there_is_named(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "other:\n" + SOURCE, "weeks:\n" + STATISTIC)
    assert problems == [
        "data/statistics.yml:9: weeks.source: 'review' is not a source in data/sources.yml; "
        "add the source there or fix the key"
    ]


@pytest.mark.parametrize("kind", ["peer_reviewed", "advocacy_estimate", "service_statement"])
def test_a_guidelines_figure_must_read_as_what_it_says(tmp_path: Path, kind: str) -> None:
    statistic = STATISTIC.replace("kind: peer_reviewed", f"kind: {kind}")
    _, problems = load(
        tmp_path, "review:\n" + SOURCE + "  kind: guideline\n", "weeks:\n" + statistic
    )
    assert problems == [
        f"data/statistics.yml:6: weeks.kind: '{kind}' for a figure from 'review', which "
        "data/sources.yml marks as a guideline; expected 'guideline', so it reads as what the "
        "guideline says, not as what research found"
    ]


def test_a_guideline_figure_worded_as_a_guidelines_passes(tmp_path: Path) -> None:
    statistic = STATISTIC.replace("kind: peer_reviewed", "kind: guideline")
    _, problems = load(
        tmp_path, "review:\n" + SOURCE + "  kind: guideline\n", "weeks:\n" + statistic
    )
    assert problems == []
    _, problems = load(tmp_path, "review:\n" + SOURCE, "weeks:\n" + statistic)
    assert problems == []


def test_figures_are_checked_against_sources_only_once_they_are_right(tmp_path: Path) -> None:
    statistic = STATISTIC.replace("  unit: weeks\n", "")
    _, problems = load(tmp_path, "other:\n" + SOURCE, "weeks:\n" + statistic)
    assert problems == [
        "data/statistics.yml:1: weeks.unit: is missing; expected what the number counts, "
        "e.g. 'cases per 100,000'"
    ]


@pytest.mark.parametrize(
    ("statistic", "expected"),
    [
        (
            STATISTIC.replace("claim: it lasted {value} weeks", "claim: it lasted weeks"),
            "data/statistics.yml:8: weeks.claim: String should match pattern '\\{value\\}'; "
            "expected the sentence after 'found that'/'estimates that'/'says that', with {value}",
        ),
        (
            STATISTIC + "  es:\n    claim: duró semanas\n",
            "data/statistics.yml:11: weeks.es.claim: String should match pattern '\\{value\\}'; "
            "expected the sentence after 'encontró que'/'estima que'/'dice que', with {value}",
        ),
        (
            STATISTIC + "  es:\n    units: semanas\n",
            "data/statistics.yml:11: weeks.es.units: is not a known field; use one of: unit, "
            "population, period, attributed_to, claim, caveat",
        ),
    ],
)
def test_a_figure_written_wrongly_is_named_with_its_line(
    tmp_path: Path, statistic: str, expected: str
) -> None:
    _, problems = load(tmp_path, "review:\n" + SOURCE, "weeks:\n" + statistic)
    assert problems == [expected]
