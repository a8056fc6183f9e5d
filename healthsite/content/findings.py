"""Research findings: what the research on a treatment found, and how sure it is.

A treatment page lists its findings as data in its front matter, each with the
certainty that its source gave and the key of that source in data/sources.yml,
and shows them with ``{{ findings() }}`` under "What the research shows"::

    findings:
      - finding: >-
          A review of {ferraro2025_trials} trials found that bisphosphonates may
          ease pain a little for a few months.
        certainty: low
        source: ferraro2025
        statistics: [ferraro2025_short_term_pain]

A figure in a finding is never typed: ``{key}`` in the finding's words is the
number of that key in data/statistics.yml, written as ``stat_value()`` writes
it (cited, unless the figure comes from the finding's own source, cited at its
end). ``statistics:`` adds whole sentences of figures (``stat()``) after it.
Either way the page's entry in api/pages.json lists the keys.

Why front matter and not a data file: a finding is written for its own page's
readers, is reviewed with that page (its review dates cover it), and sits beside
the text that leads into it. What pages share (sources, figures) already has
its own data files, which findings name by key.

The grades reviews use (GRADE: high, moderate, low, very low) become the words
readers see here, in ``PLAIN_WORDS``, and nowhere else. A single trial that no
review has graded is never given a grade it does not have: it is "not rated",
and the finding's own words say what kind of study it was.

A guideline's grade (a letter such as "B", on its authors' own scale) is their
opinion of the research, not the certainty of graded evidence, so it never
reads as "We are fairly sure" (issue 19): it is written ``guideline_grade:``
with ``graded_by:``, and reads as that group's opinion. A source marked
``kind: guideline`` in data/sources.yml cannot be given a ``certainty:``
grade, and ``guideline_grade:`` needs such a source.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

from mkdocs.utils.meta import YAML_RE
from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationError

from healthsite.content.citations import Citations
from healthsite.content.registry import Registry, SourceKind
from healthsite.problems import Problem
from healthsite.textlines import first_line, line_at
from healthsite.validation import PlainText, problems_from

if TYPE_CHECKING:
    from healthsite.pages.frontmatter import FrontMatter

FIELD = "findings"
MACRO = "findings()"
SENTENCE_END = (".", "!", "?")
# A figure in a finding's words: {key}, the key of an entry in data/statistics.yml.
FIGURE = re.compile(r"\{([^{}]*)\}")


class Grade(StrEnum):
    """The certainty grades of GRADE, which Cochrane and most reviews use."""

    high = "high"
    moderate = "moderate"
    low = "low"
    very_low = "very low"


NOT_RATED = "not rated"
GRADE_ORDER = list(Grade)


@dataclass(frozen=True)
class Wording:
    """How sure the research is, as readers read it."""

    sure: str  # completes "We are ...": how sure, in plain words
    meaning: str  # what that means for the reader, one short sentence


# The one place grades become words. Read aloud, each line should answer
# "How sure is this?" for someone who has never heard of GRADE.
PLAIN_WORDS: dict[Grade, Wording] = {
    Grade.high: Wording("confident", "New research is unlikely to change this."),
    Grade.moderate: Wording("fairly sure", "New research could change this."),
    Grade.low: Wording("not sure", "New research may well change this."),
    Grade.very_low: Wording("very unsure", "The true effect may be very different."),
}
NOT_RATED_LABEL = "Not rated"
NOT_RATED_MEANING = "No one has graded how sure we can be. Treat it with care."
# A guideline's own grade, as readers read it: whose opinion it is, never how sure we are.
GUIDELINE_LABEL = "This is a guideline's opinion"
GUIDELINE_MEANING = "It is not a grade of how sure the research is."

CERTAINTY_EXPECTED = (
    "the grade its source gave: high, moderate, low or very low; a range such as "
    "'low to very low'; or 'not rated' for a study that no review has graded"
)
GUIDELINE_EXPECTED = (
    "'guideline_grade:' (the guideline's own grade, such as B) and 'graded_by:' "
    '(whose opinion it is, such as "The 2018 US guideline\'s authors") in place of '
    "'certainty:', as a guideline's grade is its authors' opinion, not a certainty grade"
)


@dataclass(frozen=True)
class Certainty:
    """A grade, a range of grades (best first), or not rated (both None)."""

    best: Grade | None
    worst: Grade | None

    @property
    def rated(self) -> bool:
        return self.best is not None

    @property
    def label(self) -> str:
        """The answer to "How sure is this?", e.g. "We are fairly sure"."""
        if self.best is None or self.worst is None:
            return NOT_RATED_LABEL
        if self.best == self.worst:
            return f"We are {PLAIN_WORDS[self.best].sure}"
        return f"We are {PLAIN_WORDS[self.best].sure} or {PLAIN_WORDS[self.worst].sure}"

    @property
    def meaning(self) -> str:
        return NOT_RATED_MEANING if self.worst is None else PLAIN_WORDS[self.worst].meaning

    @property
    def graded(self) -> str:
        """The grade as its source wrote it, e.g. 'low to very low'."""
        if self.best is None or self.worst is None:
            return NOT_RATED
        return self.best if self.best == self.worst else f"{self.best} to {self.worst}"

    @property
    def css_key(self) -> str:
        """The lowest grade, for the visual mark beside the words."""
        return (self.worst or NOT_RATED).replace(" ", "-")


def parse_certainty(value: Any) -> Certainty:
    """'moderate', 'low to very low' or 'not rated' as a Certainty."""
    if isinstance(value, Certainty):
        return value
    text = " ".join(str(value).casefold().split()) if isinstance(value, str) else ""
    if text == NOT_RATED:
        return Certainty(None, None)
    parts = text.split(" to ")
    if not text or len(parts) > 2 or any(part not in set(Grade) for part in parts):
        raise ValueError(f"'{value}' is not a certainty")
    best, worst = Grade(parts[0]), Grade(parts[-1])
    if GRADE_ORDER.index(best) > GRADE_ORDER.index(worst):
        raise ValueError(f"'{value}' goes from a lower grade to a higher one; put the higher first")
    return Certainty(best, worst)


Text = PlainText


class Finding(BaseModel):
    """One thing the research found, how sure it is, and who says so."""

    model_config = ConfigDict(extra="forbid")

    finding: Text = Field(
        description="what the research found, in plain sentences ending with a full stop, "
        "each figure written as its key in data/statistics.yml in single braces, such as "
        "{cohen2018_benefit_weeks}"
    )
    certainty: Annotated[Certainty, PlainValidator(parse_certainty)] | None = Field(
        None, description=CERTAINTY_EXPECTED
    )
    guideline_grade: Text | None = Field(
        None,
        description="the grade a guideline gave, on its own scale, such as B, with "
        "'graded_by:' saying whose opinion it is",
    )
    graded_by: Text | None = Field(
        None,
        description="who gave the guideline's grade, starting a sentence, such as "
        '"The 2018 US guideline\'s authors"',
    )
    source: Text = Field(
        description="the key in data/sources.yml of the review or study that found and "
        "graded it, e.g. oconnell2013"
    )
    statistics: list[Text] = Field(
        default_factory=list,
        description="a list of keys in data/statistics.yml whose figures back the finding",
    )
    # Retired (issue 19): a grade on a source's own scale is not a certainty. Kept
    # as a field only so that a page still using it is told what to write instead.
    scale: Text | None = Field(None, description=GUIDELINE_EXPECTED)

    @property
    def figures(self) -> list[str]:
        """The statistic keys written as {key} in the finding's words, in order."""
        return [key.strip() for key in FIGURE.findall(self.finding)]


def _figure_problems(finding: Finding, registry: Registry) -> list[str]:
    """What is wrong with the {key} figures of a finding's words, one message each."""
    messages = []
    for key in finding.figures:
        if key in registry.statistics:
            continue
        near = difflib.get_close_matches(key, list(registry.statistics), n=1)
        example = near[0] if near else next(iter(registry.statistics), "key")
        messages.append(
            f"'{key}' is not a key in {registry.statistics_file}; expected the key of a "
            f"figure there, in braces, such as {{{example}}}"
        )
    outside_figures = FIGURE.sub("", finding.finding)
    if "{" in outside_figures or "}" in outside_figures:
        messages.append(
            "has a brace that is not part of a {key}; expected figures written as the key "
            f"of a figure in {registry.statistics_file} in braces, such as "
            "{kemler2000_much_improved}, and no other braces"
        )
    return messages


def _grade_problems(finding: Finding, registry: Registry) -> list[tuple[str, str]]:
    """What is wrong with how sure a finding says it is: (field, message) pairs.

    A grade is either a review's certainty (GRADE) or a guideline's own grade,
    never one shown as the other.
    """
    source = registry.sources.get(finding.source)
    is_guideline = source is not None and source.kind == SourceKind.guideline
    found: list[tuple[str, str]] = []
    if finding.scale is not None:
        found.append(
            (
                "scale",
                "gives a grade on the source's own scale, which is its authors' opinion, "
                f"not a certainty grade; expected {GUIDELINE_EXPECTED}",
            )
        )
    if finding.certainty is None and finding.guideline_grade is None:
        found.append(
            (
                "certainty",
                f"is missing; expected {CERTAINTY_EXPECTED}; or, for a guideline, "
                f"{GUIDELINE_EXPECTED}",
            )
        )
    if finding.certainty is not None and finding.guideline_grade is not None:
        found.append(
            (
                "guideline_grade",
                "is given beside 'certainty:'; expected one of them: 'certainty:' for the "
                "grade a review gave, or 'guideline_grade:' for a guideline's own grade",
            )
        )
    if (finding.guideline_grade is None) != (finding.graded_by is None):
        given, missing = (
            ("guideline_grade", "graded_by")
            if finding.graded_by is None
            else ("graded_by", "guideline_grade")
        )
        found.append(
            (
                missing,
                f"is missing beside '{given}:'; expected both 'guideline_grade:' and "
                "'graded_by:', or neither",
            )
        )
    if is_guideline and finding.certainty is not None and finding.certainty.rated:
        found.append(
            (
                "certainty",
                f"'{finding.certainty.graded}' is a certainty grade, but '{finding.source}' "
                f"is a guideline (kind: guideline in {registry.sources_file}); expected "
                f"{GUIDELINE_EXPECTED}; or 'certainty: not rated'",
            )
        )
    if source is not None and not is_guideline and finding.guideline_grade is not None:
        found.append(
            (
                "guideline_grade",
                f"is given, but '{finding.source}' is not a guideline in "
                f"{registry.sources_file}; expected 'kind: guideline' on that source if it "
                "is one, or 'certainty:' for the grade a review gave",
            )
        )
    return found


@dataclass(frozen=True)
class PageFindings:
    """A page's findings once checked, and where they are written."""

    findings: list[Finding]
    line: int | None


def _finding_problems(
    front: FrontMatter, index: int, raw: Any, registry: Registry
) -> tuple[Finding | None, list[Problem]]:
    where = front.shown_as
    if not isinstance(raw, dict):
        message = "must be 'finding:', 'certainty:' and 'source:' lines under a '-'"
        return None, [Problem(where, front.line(FIELD, index), f"{FIELD}.{index}", message)]
    problems: list[Problem] = []
    try:
        finding = Finding.model_validate(raw)
    except ValidationError as error:
        whole = f"{FIELD}.{index}"
        under = (FIELD, index)
        return None, problems_from(error, Finding, where, front.lines, whole=whole, under=under)
    if not finding.finding.rstrip().endswith(SENTENCE_END):
        problems.append(
            Problem(
                where,
                front.line(FIELD, index, "finding"),
                f"{FIELD}.{index}.finding",
                "does not end with a full stop; expected whole sentences",
            )
        )
    if finding.source not in registry.sources:
        problems.append(
            Problem(
                where,
                front.line(FIELD, index, "source"),
                f"{FIELD}.{index}.source",
                f"'{finding.source}' is not a key in {registry.sources_file}; "
                "add the source there or fix the key",
            )
        )
    for name, message in _grade_problems(finding, registry):
        problems.append(
            Problem(where, front.line(FIELD, index, name), f"{FIELD}.{index}.{name}", message)
        )
    for message in _figure_problems(finding, registry):
        problems.append(
            Problem(where, front.line(FIELD, index, "finding"), f"{FIELD}.{index}.finding", message)
        )
    for number, key in enumerate(finding.statistics):
        if key not in registry.statistics:
            problems.append(
                Problem(
                    where,
                    front.line(FIELD, index, "statistics", number),
                    f"{FIELD}.{index}.statistics",
                    f"'{key}' is not a key in {registry.statistics_file}; "
                    "add the figure there or fix the key",
                )
            )
    return finding, problems


def check_page_findings(
    front: FrontMatter, registry: Registry
) -> tuple[PageFindings | None, list[Problem]]:
    """A page's ``findings:``, each checked against the sources and statistics."""
    raw = front.written.get(FIELD)
    if raw is None:
        return None, []
    line = front.line(FIELD)
    if not isinstance(raw, list) or not raw:
        message = (
            "must be a list of findings, each a '-' with 'finding:', 'certainty:' and "
            "'source:' below it"
        )
        return None, [Problem(front.shown_as, line, FIELD, message)]
    findings: list[Finding] = []
    problems: list[Problem] = []
    for index, entry in enumerate(raw):
        finding, found = _finding_problems(front, index, entry, registry)
        problems.extend(found)
        if finding is not None:
            findings.append(finding)
    return (PageFindings(findings, line) if not problems else None), problems


def _body_line_with(text: str, needle: str) -> int | None:
    """The first line below the front matter that holds ``needle``."""
    front = YAML_RE.match(text)
    return first_line(text, needle, after=line_at(text, front.end()) - 1 if front else 0)


def _grade_key(grade: Grade) -> str:
    return grade.value.replace(" ", "_")


def _translated_how_sure(finding: Finding, words: Mapping[str, str]) -> tuple[str, str]:
    """``_how_sure`` in a translated page's language (data/interface.yml)."""
    how_sure = words["how_sure"]
    # A finding with only one of guideline_grade and graded_by fails its check
    # before any page renders: `and` or `or` is the same here (make mutation).
    if finding.guideline_grade is not None and finding.graded_by is not None:  # pragma: no mutate
        # Who graded it is written once, in English, in the English page's front matter.
        who = f'<span lang="en">{finding.graded_by}</span>'
        opinion = words["guideline_rated"].format(
            who=who, grade=finding.guideline_grade.rstrip(".")
        )
        answer = f"**{how_sure} {words['guideline_label']}.** {opinion} "
        return "guideline", answer + words["guideline_meaning"]
    # A rendered finding has a certainty (its check asks for one), whose grades
    # are both set or both None (make mutation).
    certainty = finding.certainty or Certainty(None, None)  # pragma: no mutate
    if certainty.best is None or certainty.worst is None:  # pragma: no mutate
        label, meaning = words["not_rated_label"], words["not_rated_meaning"]
        graded = ""
    else:
        sure = words[f"sure_{_grade_key(certainty.best)}"]
        if certainty.worst != certainty.best:
            sure += f" {words['sure_or']} {words[f'sure_{_grade_key(certainty.worst)}']}"
        label = f"{words['we_are']} {sure}"
        meaning = words[f"meaning_{_grade_key(certainty.worst)}"]
        best, worst = (words[f"grade_{_grade_key(g)}"] for g in (certainty.best, certainty.worst))
        grade = best if best == worst else words["grade_range"].format(best=best, worst=worst)
        graded = f" {words['grade_given']} {grade}."
    return certainty.css_key, f"**{how_sure} {label}.** {meaning}{graded}"


def _how_sure(finding: Finding) -> tuple[str, str]:
    """The finding's mark (a CSS key) and its answer to "How sure is this?".

    A guideline's grade is said as its authors' opinion, in words of its own:
    never in PLAIN_WORDS, which say how sure graded evidence is.
    """
    # As in _translated_how_sure: the check has refused one without the other.
    if finding.guideline_grade is not None and finding.graded_by is not None:  # pragma: no mutate
        opinion = (
            f"{finding.graded_by} rated it {finding.guideline_grade.rstrip('.')}, "
            f"on their own scale. {GUIDELINE_MEANING}"
        )
        return "guideline", f"**How sure is this? {GUIDELINE_LABEL}.** {opinion}"
    certainty = finding.certainty or Certainty(None, None)  # pragma: no mutate
    graded = f" Grade given: {certainty.graded}." if certainty.rated else ""
    answer = f"**How sure is this? {certainty.label}.** {certainty.meaning}{graded}"
    return certainty.css_key, answer


@dataclass
class FindingsOnPage:
    """One page's findings, and whether its ``findings()`` ran (made once per page)."""

    shown_as: str
    file_text: str
    findings: PageFindings | None
    shown: bool = False


@dataclass
class Findings:
    """The ``findings()`` macro and the checks around it, page by page.

    ``page`` hands back the record of the page being built (its owner is the
    build's page state, healthsite/build/): the macro is called by Jinja with
    no argument, and finds its page there.
    """

    citations: Citations
    page: Callable[[], FindingsOnPage]
    by_page: dict[str, PageFindings] = field(default_factory=dict)
    # Pages whose findings are wrong: the build fails already, so say nothing more.
    invalid: set[str] = field(default_factory=set)

    def load(self, pages: Iterable[FrontMatter]) -> list[Problem]:
        """Check every page's findings before any page is rendered."""
        self.by_page, self.invalid = {}, set()
        problems: list[Problem] = []
        for front in pages:
            checked, found = check_page_findings(front, self.citations.registry)
            problems.extend(found)
            if checked is not None:
                self.by_page[front.shown_as] = checked
            elif found:
                self.invalid.add(front.shown_as)
        return problems

    def for_page(self, shown_as: str, file_text: str) -> FindingsOnPage:
        """The record of one page about to be built."""
        return FindingsOnPage(shown_as, file_text, self.by_page.get(shown_as))

    def render(self) -> str:
        """Macro: the page's findings as a list, each cited, with how sure it is."""
        page = self.page()
        page.shown = True
        if page.findings is None:
            return ""
        items = "\n".join(self._item(finding) for finding in page.findings.findings)
        return f'\n\n<ul class="findings" markdown="block">\n{items}\n</ul>\n\n'

    def _item(self, finding: Finding) -> str:
        # In the order readers meet them: references are numbered in order of first citation.
        words = FIGURE.sub(
            lambda match: self.citations.figure(match.group(1).strip(), finding.source),
            " ".join(finding.finding.split()),
        )
        cited = words + self.citations.cite(finding.source)
        figures = "".join(f" {self.citations.stat(key)}" for key in finding.statistics)
        wording = self.citations.wording
        if wording is not None and wording.translated:
            css_key, how_sure = _translated_how_sure(finding, wording.words)
        else:
            css_key, how_sure = _how_sure(finding)
        return (
            f'<li class="finding finding--{css_key}" markdown="block">\n\n'
            f"{cited}{figures}\n\n"
            f"{how_sure}\n"
            "{: .finding-certainty }\n\n"
            "</li>"
        )

    def problems(self, page: FindingsOnPage, rendered: bool) -> list[Problem]:
        """Problems of a page once rendered: findings not shown, or shown but none.

        ``rendered`` is False for a page whose template failed: its macros never ran.
        """
        if not rendered or page.shown_as in self.invalid:
            return []
        if page.findings is not None and not page.shown:
            return [
                Problem(
                    page.shown_as,
                    page.findings.line,
                    FIELD,
                    "are listed but not shown on the page; expected {{ findings() }} "
                    "under '## What the research shows'",
                )
            ]
        if page.findings is None and page.shown:
            return [
                Problem(
                    page.shown_as,
                    _body_line_with(page.file_text, MACRO),
                    MACRO,
                    "shows the page's findings, but the front matter lists none; expected "
                    "a 'findings:' list, each with 'finding:', 'certainty:' and 'source:'",
                )
            ]
        return []
