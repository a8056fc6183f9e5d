"""The shared sources and statistics, validated once per build.

Both files are edited by hand in pull requests, so every mistake is reported
with its file, line and field, and what the field should hold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError

from healthsite.problems import Problem
from healthsite.problems import field_path as problem_field
from healthsite.validation import PlainText, problems_from
from healthsite.yamlfile import InvalidYamlError, KeyPath, ParsedYaml, YamlFiles, line_of

Text = PlainText
Model = TypeVar("Model", bound=BaseModel)


class Checked(StrEnum):
    """How far the project has checked a source (see the brief's marks)."""

    primary = "primary"
    secondary = "secondary"


class SourceKind(StrEnum):
    """What kind of source it is, where that changes how pages may use it."""

    # A clinical guideline or consensus statement: its grades are its authors'
    # opinion, never shown as the certainty of graded evidence (findings.py).
    guideline = "guideline"


class SourceLanguage(StrEnum):
    """The language a source is written in: Spanish pages mark English ones."""

    en = "en"
    es = "es"


class Source(BaseModel):
    """One published source that pages may cite."""

    model_config = ConfigDict(extra="forbid")

    authors: Text | None = Field(None, description="authors as 'Surname AB, Surname CD'")
    title: Text = Field(description="the title of the article or page")
    publisher: Text = Field(description="the journal or the publishing organization")
    year: int = Field(ge=1900, le=2100, description="the year of publication, e.g. 2010")
    details: Text | None = Field(None, description="volume, issue and pages")
    doi: Text | None = Field(None, description="the DOI without https://doi.org/")
    url: HttpUrl = Field(description="a full web address starting with https://")
    accessed: dt.date = Field(description="the date the URL was read, as YYYY-MM-DD")
    checked: Checked = Field(description="'primary' if read in the source itself")
    kind: SourceKind | None = Field(
        None,
        description="'guideline' for a clinical guideline or consensus statement, whose "
        "grades are its authors' opinion; leave out for other sources",
    )
    language: SourceLanguage = Field(
        SourceLanguage.en,
        description="'es' for a source written in Spanish; leave out for one in English",
    )


class StatisticKind(StrEnum):
    """Peer-reviewed figures are 'found'; advocacy figures are 'estimated';
    a health service's own figure, given without a study, is what it 'says';
    so is a guideline's: its authors' reading of the research, not a result."""

    peer_reviewed = "peer_reviewed"
    advocacy_estimate = "advocacy_estimate"
    service_statement = "service_statement"
    guideline = "guideline"


class StatisticWording(BaseModel):
    """A statistic's words in Spanish (``es:``); its number, kind and source are shared."""

    model_config = ConfigDict(extra="forbid")

    unit: Text | None = Field(None, description="what the number counts, in Spanish")
    population: Text | None = Field(None, description="who the figure describes, in Spanish")
    period: Text | None = Field(None, description="the years or time span, in Spanish")
    attributed_to: Text | None = Field(None, description="who reports it, in Spanish")
    claim: Text | None = Field(
        None,
        description="the sentence after 'encontró que'/'estima que'/'dice que', with {value}",
        pattern=r"\{value\}",
    )
    caveat: Text | None = Field(None, description="the caveat in Spanish")


class Statistic(BaseModel):
    """One figure, stated once, used by any page through ``stat()``."""

    model_config = ConfigDict(extra="forbid")

    value: float = Field(description="the number itself, e.g. 26.2")
    approximate: bool = Field(False, description="true to print 'about' before it")
    unit: Text = Field(description="what the number counts, e.g. 'cases per 100,000'")
    population: Text = Field(description="who the figure describes")
    period: Text = Field(description="the years or time span it describes")
    kind: StatisticKind = Field(
        description="how the figure reads: peer_reviewed (found that), advocacy_estimate "
        "(estimates that), service_statement or guideline (says that)"
    )
    attributed_to: Text = Field(description="who reports it, starting a sentence")
    claim: Text = Field(
        description="the sentence after 'found that'/'estimates that'/'says that', with {value}",
        pattern=r"\{value\}",
    )
    source: Text = Field(description="a key of data/sources.yml")
    caveat: Text | None = Field(None, description="a sentence readers should weigh")
    es: StatisticWording | None = Field(
        None, description="the Spanish of claim, unit, population, period, attributed_to, caveat"
    )


# What a data file's entry keys must be: for a key that breaks the rule, what
# is wrong and what is expected (the message after ``path:line: key:``); None
# for a good key.
KeyRule = Callable[[object], str | None]


def text_key(key: object) -> str | None:
    """Any text: what a source, a statistic, a term or a warning sign is named by.

    ``2023-01-23`` is read as a date, ``no`` or ``false`` as false, ``2008`` as
    a number: such a key can be no source or term a page names, and a date
    key stopped the build with a traceback in mkdocs-macros (found by
    tests/test_fuzz_inputs.py).
    """
    if isinstance(key, str):
        return None
    read_as = {bool: "true or false", dt.date: "a date", dt.datetime: "a date and time"}
    kind = read_as.get(type(key), "a number" if isinstance(key, int | float) else "empty")
    return (
        f"YAML reads this key as {kind}, not as text; expected a key that starts "
        "with a letter, such as kemler2008 (or the key in quotes)"
    )


@dataclass(frozen=True)
class DataFile:
    """A data file as found on disk and as named in messages, parsed through
    ``files``: the build's, kept for the process (``Session``), so that every
    reader of the file in every build shares one parse while it is unchanged.

    Read from disk once, on first use: the build makes its data files anew
    for each build (healthsite/content/datafiles.py), so each build reads
    each file once, and its checks, its macros and the choice of what a
    ``mkdocs serve --dirty`` rebuild renders (healthsite/i18n/rebuilds.py)
    all see the same bytes, even when the file is saved during the build.
    """

    path: Path
    shown_as: str
    loader: type[yaml.SafeLoader] = yaml.SafeLoader
    files: YamlFiles = field(default_factory=YamlFiles, compare=False, repr=False)
    # What each top-level entry's key must be (``validate_entries``).
    keys: KeyRule = field(default=text_key, compare=False, repr=False)

    @cached_property
    def parsed(self) -> ParsedYaml:
        """The file as this object first read it; ``FileNotFoundError`` if missing."""
        return self.files.parsed(self.path, self.shown_as, self.loader)

    def read(self) -> tuple[Any, Mapping[KeyPath, int]]:
        """Its data and the line of each key; ``InvalidYamlError`` if it is not valid YAML."""
        return self.parsed.read()


@dataclass(frozen=True)
class Registry:
    """Every source and statistic of the site, keyed by their stable keys."""

    sources: dict[str, Source]
    statistics: dict[str, Statistic]
    sources_file: str
    statistics_file: str


def validate_entries(
    model: type[Model], data_file: DataFile
) -> tuple[dict[str, Model], list[Problem]]:
    """Each top-level entry of ``data_file`` as ``model``, and every mistake in them.

    Every entry's fields are checked; an entry whose key breaks the file's
    rule (``DataFile.keys``) is named after them, and is not kept: no page
    can name it.
    """
    try:
        raw, lines = data_file.read()
    except InvalidYamlError as error:
        return {}, [error.problem]
    if not isinstance(raw, dict):
        top = Problem(data_file.shown_as, 1, "(file)", "must be a mapping of key: entry")
        return {}, [top]
    entries: dict[str, Model] = {}
    problems: list[Problem] = []
    key_problems: list[Problem] = []
    for key, body in raw.items():
        wrong = data_file.keys(key)
        if wrong is not None:
            line = line_of(lines, (key,))
            shown = problem_field((_as_written(key),))
            key_problems.append(Problem(data_file.shown_as, line, shown, wrong))
        try:
            entry = model.model_validate(body or {})
        except ValidationError as error:
            problems.extend(
                problems_from(
                    error,
                    model,
                    data_file.shown_as,
                    lines,
                    whole=f"{problem_field((key,))}.(entry)",
                    under=(key,),
                )
            )
            continue
        if wrong is None:
            entries[str(key)] = entry
    return entries, problems + key_problems


def _as_written(key: object) -> str:
    """A key as the editor would have typed it (YAML reads ``null:`` as None)."""
    if key is None:
        return "null"
    return str(key).lower() if isinstance(key, bool) else str(key)


def _statistics_against_sources(
    statistics: dict[str, Statistic],
    sources: dict[str, Source],
    statistics_file: DataFile,
    sources_file: DataFile,
) -> list[Problem]:
    """What only the two files together show: a source key that is not there, and
    a guideline's figure worded as what research 'found' (or a charity 'estimates')."""
    _, lines = statistics_file.read()

    def problem(key: str, field: str, message: str) -> Problem:
        shown_as = statistics_file.shown_as
        return Problem(shown_as, line_of(lines, (key, field)), problem_field((key, field)), message)

    problems = []
    for key, stat in statistics.items():
        source = sources.get(stat.source)
        if source is None:
            problems.append(
                problem(
                    key,
                    "source",
                    f"'{stat.source}' is not a source in {sources_file.shown_as}; "
                    "add the source there or fix the key",
                )
            )
        elif source.kind is SourceKind.guideline and stat.kind is not StatisticKind.guideline:
            problems.append(
                problem(
                    key,
                    "kind",
                    f"'{stat.kind}' for a figure from '{stat.source}', which "
                    f"{sources_file.shown_as} marks as a guideline; expected 'guideline', "
                    "so it reads as what the guideline says, not as what research found",
                )
            )
    return problems


def load_registry(
    sources_file: DataFile, statistics_file: DataFile
) -> tuple[Registry, list[Problem]]:
    """Validate both files; return what is usable and every problem found."""
    sources, problems = validate_entries(Source, sources_file)
    statistics, stat_problems = validate_entries(Statistic, statistics_file)
    problems += stat_problems
    if not stat_problems:
        problems += _statistics_against_sources(statistics, sources, statistics_file, sources_file)
    registry = Registry(sources, statistics, sources_file.shown_as, statistics_file.shown_as)
    return registry, problems
