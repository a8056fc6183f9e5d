"""Citations in running text and the references list built from them.

Citations are Markdown footnotes (the ``footnotes`` extension numbers them in
order of first citation and adds backlinks), so this module only decides what
each page cites and writes the footnote definitions, under a References
heading, after the macros have run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from healthsite.content.registry import (
    Registry,
    Source,
    SourceLanguage,
    Statistic,
    StatisticKind,
)
from healthsite.content.wording import PageWording
from healthsite.dates import human_date
from healthsite.problems import Problem
from healthsite.textlines import first_line

REFERENCES_HEADING = "## References"
FOOTNOTES_MARKER = "///Footnotes Go Here///"
VERB_BY_KIND = {
    StatisticKind.peer_reviewed: "found that",
    StatisticKind.advocacy_estimate: "estimates that",
    StatisticKind.service_statement: "says that",
    StatisticKind.guideline: "says that",
}
# The same, as data/interface.yml names them (for the page's language).
VERB_KEY_BY_KIND = {
    StatisticKind.peer_reviewed: "verb_found",
    StatisticKind.advocacy_estimate: "verb_estimates",
    StatisticKind.service_statement: "verb_says",
    StatisticKind.guideline: "verb_says",
}
# The Spanish references heading keeps the English one's id, so links to it
# work in both languages.
TRANSLATED_REFERENCES_HEADING = "## {title} {{#references}}"


@dataclass
class PageCitations:
    """What one page has cited so far, in order of first citation."""

    src_path: str
    # The page's file as the build read it (PageState.file_text), to find the
    # line of a key it names; None for a page a plugin generated, with no file.
    file_text: str | None
    # The page's language and what it lacked (None: English only, as in tests).
    wording: PageWording | None = None
    cited: list[str] = field(default_factory=list)
    # Keys of the statistics it states, in order of first use.
    statistics: list[str] = field(default_factory=list)
    # Keys of the warning signs its care cards list, in order.
    warning_signs: list[str] = field(default_factory=list)
    unknown: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class CitedKeys:
    """The keys a finished page cited: sources (directly, through a statistic or a
    warning sign), statistics and warning signs."""

    sources: list[str]
    statistics: list[str]
    warning_signs: list[str] = field(default_factory=list)


def format_value(statistic: Statistic, about: str = "about") -> str:
    """Write the number as readers expect: 200,000 or 5.46, maybe 'about'.

    The same in Spanish for US readers (26.2, 100,000), as US federal sites
    in Spanish write numbers; ``about`` is the page's word for it.
    """
    number = statistic.value
    text = f"{int(number):,}" if number.is_integer() else f"{number:g}"
    return f"{about} {text}" if statistic.approximate else text


def format_reference(source: Source, wording: PageWording | None = None) -> str:
    """One entry of the references list, with its URL written out for print.

    On a translated page, a source in English says so (titles stay as published).
    """
    authors = f"{source.authors.rstrip('.')}. " if source.authors else ""
    details = f";{source.details}" if source.details else ""
    if wording is None or not wording.translated:
        accessed = f"(accessed {human_date(source.accessed)})"
        in_english = ""
    else:
        accessed = f"({wording.words['reference_accessed']} "
        accessed += f"{human_date(source.accessed, wording.language)})"
        english = source.language is SourceLanguage.en
        in_english = f" {wording.words['source_in_english']}" if english else ""
    return (
        f"{authors}{source.title.rstrip('.')}{in_english}. *{source.publisher}*. "
        f"{source.year}{details}. <{source.url}> {accessed}."
    )


def _line_mentioning(file_text: str | None, key: str) -> int | None:
    """The first line of the page's file naming ``key``; None for a generated page."""
    if file_text is None:
        return None
    return first_line(file_text, lambda line: f"'{key}'" in line or f'"{key}"' in line)


class Citations:
    """Renders ``cite()`` and ``stat()`` into the page being built, and keeps
    what each finished page cited.

    ``page`` hands back the record of the page being built: its owner (the
    build's page state, healthsite/build/) makes one per page; the macros,
    which Jinja calls with their own arguments only, find it there.
    """

    def __init__(self, registry: Registry, page: Callable[[], PageCitations]) -> None:
        self.registry = registry
        self._current = page
        # Sources each finished page cited, in order, by the page's src_path.
        self.cited_by_page: dict[str, list[Source]] = {}
        # The same as keys, with the statistics each page stated (for api/pages.json).
        self.keys_by_page: dict[str, CitedKeys] = {}

    @property
    def wording(self) -> PageWording | None:
        """The language of the page being built (None: English only)."""
        return self._current().wording

    def _mark(self, source_key: str) -> str:
        page = self._current()
        if source_key not in page.cited:
            page.cited.append(source_key)
        return f"[^{source_key}]"

    def _stated(self, statistic_key: str) -> None:
        page = self._current()
        if statistic_key not in page.statistics:
            page.statistics.append(statistic_key)

    def listed_sign(self, warning_sign_key: str) -> None:
        """Record that the page lists this warning sign (for api/pages.json)."""
        page = self._current()
        if warning_sign_key not in page.warning_signs:
            page.warning_signs.append(warning_sign_key)

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
        wording = self.wording
        if wording is None or not wording.translated:
            claim, attributed_to, caveat = (
                statistic.claim,
                statistic.attributed_to,
                statistic.caveat,
            )
            verb = VERB_BY_KIND[statistic.kind]
        else:
            claim = wording.of(statistic, "claim", "stats", key)
            attributed_to = wording.of(statistic, "attributed_to", "stats", key)
            caveat = wording.of(statistic, "caveat", "stats", key)
            verb = wording.words[VERB_KEY_BY_KIND[statistic.kind]]
        claim = claim.replace("{value}", self._value(statistic))
        sentence = f"{attributed_to} {verb} {claim}{self._mark(statistic.source)}."
        return f"{sentence} {caveat}" if caveat else sentence

    def _value(self, statistic: Statistic) -> str:
        wording = self.wording
        if wording is None:
            return format_value(statistic)
        return format_value(statistic, wording.words["about_value"])

    def stat_value(self, key: str) -> str:
        """Macro: only the number of a statistic, cited, for tables and lists."""
        statistic = self.registry.statistics.get(key)
        if statistic is None:
            self._current().unknown.append(("stat", key, self.registry.statistics_file))
            return f"[unknown statistic {key}]"
        self._stated(key)
        return f"{self._value(statistic)}{self._mark(statistic.source)}"

    def figure(self, key: str, cited_after: str) -> str:
        """A statistic's number inside a finding: as ``stat_value()`` writes it,
        without the citation when its source is ``cited_after`` (the finding's own,
        cited at its end). The key is known: findings are checked before pages."""
        statistic = self.registry.statistics[key]
        if statistic.source != cited_after:
            return self.stat_value(key)
        self._stated(key)
        return self._value(statistic)

    def finish(self, page: PageCitations, markdown: str) -> str:
        """Keep what the page cited; return it with its references list appended."""
        self.cited_by_page[page.src_path] = [self.registry.sources[key] for key in page.cited]
        self.keys_by_page[page.src_path] = CitedKeys(
            list(page.cited), list(page.statistics), list(page.warning_signs)
        )
        if not page.cited:
            return markdown
        definitions = "\n".join(
            f"[^{key}]: {format_reference(self.registry.sources[key], page.wording)}"
            for key in page.cited
        )
        heading = REFERENCES_HEADING
        if page.wording is not None and page.wording.translated:
            heading = TRANSLATED_REFERENCES_HEADING.format(
                title=page.wording.words["references_heading"]
            )
        appendix = f"\n\n{heading}\n\n{FOOTNOTES_MARKER}\n\n{definitions}\n"
        return markdown.rstrip() + appendix

    def unknown_keys(self, page: PageCitations) -> list[Problem]:
        """A problem for each key the page's macros named that the data files lack."""
        return [self._unknown_problem(page, *entry) for entry in page.unknown]

    def _unknown_problem(
        self, page: PageCitations, macro: str, key: str, data_file: str
    ) -> Problem:
        known = self.registry.sources if macro == "cite" else self.registry.statistics
        return Problem(
            page.src_path,
            _line_mentioning(page.file_text, key),
            macro,
            f"'{key}' is not a key in {data_file}; add it there or use one of: "
            + ", ".join(sorted(known)),
        )
