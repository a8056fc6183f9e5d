"""Citations in running text and the references list built from them.

Citations are Markdown footnotes (the ``footnotes`` extension numbers them in
order of first citation and adds backlinks), so this module only decides what
each page cites and writes the footnote definitions, under a References
heading, after the macros have run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from healthsite.content.registry import Registry, Source, Statistic, StatisticKind
from healthsite.problems import Problem

REFERENCES_HEADING = "## References"
FOOTNOTES_MARKER = "///Footnotes Go Here///"
VERB_BY_KIND = {
    StatisticKind.peer_reviewed: "found that",
    StatisticKind.advocacy_estimate: "estimates that",
    StatisticKind.service_statement: "says that",
    StatisticKind.guideline: "says that",
}


@dataclass
class PageCitations:
    """What one page has cited so far, in order of first citation."""

    src_path: str
    abs_path: Path | None  # None for a page a plugin generated, with no file
    cited: list[str] = field(default_factory=list)
    # Keys of the statistics it states, in order of first use.
    statistics: list[str] = field(default_factory=list)
    unknown: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class CitedKeys:
    """The keys a finished page cited: sources (directly or through a statistic) and statistics."""

    sources: list[str]
    statistics: list[str]


def format_value(statistic: Statistic) -> str:
    """Write the number as readers expect: 200,000 or 5.46, maybe 'about'."""
    number = statistic.value
    text = f"{int(number):,}" if number.is_integer() else f"{number:g}"
    return f"about {text}" if statistic.approximate else text


def format_reference(source: Source) -> str:
    """One entry of the references list, with its URL written out for print."""
    authors = f"{source.authors.rstrip('.')}. " if source.authors else ""
    details = f";{source.details}" if source.details else ""
    return (
        f"{authors}{source.title.rstrip('.')}. *{source.publisher}*. "
        f"{source.year}{details}. <{source.url}> "
        f"(accessed {source.accessed.day} {source.accessed:%B %Y})."
    )


def _line_mentioning(path: Path | None, key: str) -> int | None:
    """The first line of the page's file naming ``key``; None for a generated page."""
    if path is None:
        return None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if f"'{key}'" in line or f'"{key}"' in line:
            return number
    return None


class Citations:
    """Tracks citations page by page; renders ``cite()`` and ``stat()``."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.page: PageCitations | None = None
        # Sources each finished page cited, in order, by the src_path given to start_page.
        self.cited_by_page: dict[str, list[Source]] = {}
        # The same as keys, with the statistics each page stated (for api/pages.json).
        self.keys_by_page: dict[str, CitedKeys] = {}

    def start_page(self, src_path: str, abs_path: Path | None) -> None:
        self.page = PageCitations(src_path, abs_path)

    def _current(self) -> PageCitations:
        if self.page is None:
            raise RuntimeError("cite() or stat() used outside a page")
        return self.page

    def _mark(self, source_key: str) -> str:
        page = self._current()
        if source_key not in page.cited:
            page.cited.append(source_key)
        return f"[^{source_key}]"

    def _stated(self, statistic_key: str) -> None:
        page = self._current()
        if statistic_key not in page.statistics:
            page.statistics.append(statistic_key)

    def cite(self, *keys: str) -> str:
        """Macro: cite one or more sources by key, e.g. ``cite('harden2010')``."""
        page = self._current()
        marks = []
        for key in keys:
            if key in self.registry.sources:
                marks.append(self._mark(key))
            else:
                page.unknown.append(("cite", key, self.registry.sources_file))
        return "".join(marks)

    def stat(self, key: str) -> str:
        """Macro: a statistic as a sentence, attributed and cited."""
        statistic = self.registry.statistics.get(key)
        if statistic is None:
            self._current().unknown.append(("stat", key, self.registry.statistics_file))
            return f"[unknown statistic {key}]"
        self._stated(key)
        claim = statistic.claim.replace("{value}", format_value(statistic))
        verb = VERB_BY_KIND[statistic.kind]
        sentence = f"{statistic.attributed_to} {verb} {claim}{self._mark(statistic.source)}."
        return f"{sentence} {statistic.caveat}" if statistic.caveat else sentence

    def stat_value(self, key: str) -> str:
        """Macro: only the number of a statistic, cited, for tables and lists."""
        statistic = self.registry.statistics.get(key)
        if statistic is None:
            self._current().unknown.append(("stat", key, self.registry.statistics_file))
            return f"[unknown statistic {key}]"
        self._stated(key)
        return f"{format_value(statistic)}{self._mark(statistic.source)}"

    def figure(self, key: str, cited_after: str) -> str:
        """A statistic's number inside a finding: as ``stat_value()`` writes it,
        without the citation when its source is ``cited_after`` (the finding's own,
        cited at its end). The key is known: findings are checked before pages."""
        statistic = self.registry.statistics[key]
        if statistic.source != cited_after:
            return self.stat_value(key)
        self._stated(key)
        return format_value(statistic)

    def finish_page(self, markdown: str) -> tuple[str, list[Problem]]:
        """Append the references list; return the page and its problems."""
        page = self._current()
        self.page = None
        self.cited_by_page[page.src_path] = [self.registry.sources[key] for key in page.cited]
        self.keys_by_page[page.src_path] = CitedKeys(list(page.cited), list(page.statistics))
        problems = [self._unknown_problem(page, *entry) for entry in page.unknown]
        if not page.cited:
            return markdown, problems
        definitions = "\n".join(
            f"[^{key}]: {format_reference(self.registry.sources[key])}" for key in page.cited
        )
        appendix = f"\n\n{REFERENCES_HEADING}\n\n{FOOTNOTES_MARKER}\n\n{definitions}\n"
        return markdown.rstrip() + appendix, problems

    def _unknown_problem(
        self, page: PageCitations, macro: str, key: str, data_file: str
    ) -> Problem:
        known = self.registry.sources if macro == "cite" else self.registry.statistics
        return Problem(
            page.src_path,
            _line_mentioning(page.abs_path, key),
            macro,
            f"'{key}' is not a key in {data_file}; add it there or use one of: "
            + ", ".join(sorted(known)),
        )
