"""Page front matter: the one definition of what every content page declares.

MkDocs parses front matter itself (``mkdocs.utils.meta.get_data``) but drops a
block that is not valid YAML without a word, leaving it in the page text. So
the source is read again here, with line numbers, and every mistake becomes a
``path:line: field: ...`` problem instead of a silent gap or a traceback.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Annotated, Any

from mkdocs.utils.meta import YAML_RE
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from healthsite.problems import Problem
from healthsite.validation import PlainText, problems_from
from healthsite.yamlfile import (
    DatesAsTextLoader,
    InvalidYamlError,
    KeyPath,
    expanded_size,
    line_of,
    parse_quickly_with_lines,
)

# Line 1 is the opening '---'; the YAML itself starts on line 2.
FIRST_YAML_LINE = 2
DESCRIPTION_MAX_CHARS = 160
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z0-9]")

# strict: YAML's !!binary gives bytes, which pydantic would quietly decode.
Text = Annotated[PlainText, Field(strict=True)]
# Characters HTML reads as markup, refused where Material writes text as HTML.
MARKUP_CHARACTERS = "<>"
# More values than any page needs; past it, YAML aliases were used to repeat.
MAX_FRONT_MATTER_VALUES = 10_000
OVERSIZED_FIELD = "front matter"
REQUIRED_FIELDS = "title, description, page_type, reviewed_by, last_reviewed and next_review"


def _iso_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str | int):
        raise ValueError("is not a date written as YYYY-MM-DD")
    text = str(value).strip()
    if not ISO_DATE.fullmatch(text):
        raise ValueError(f"'{text}' is not written as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a date in the calendar") from None


PageDate = Annotated[dt.date, BeforeValidator(_iso_date)]


def add_months(start: dt.date, months: int) -> dt.date:
    """``start`` plus whole months, on the last day of a shorter month.

    Written here (a few lines) rather than adding python-dateutil for it.
    """
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


class PageType(StrEnum):
    """What kind of page it is; conditions and treatments need more."""

    condition = "condition"
    treatment = "treatment"
    guide = "guide"
    about = "about"
    # A page that leads to others: the home page, a section's list, the A to Z.
    # (Named apart from its value: a member called `index` would hide str.index.)
    index_page = "index"


NEEDS_ALTERNATIVE_NAMES = frozenset({PageType.condition, PageType.treatment})


REVIEWER_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _reviewer_keys(value: Any) -> Any:
    """One key or a list of keys (checked against data/reviewers.yml after this)."""
    if isinstance(value, dict):
        raise ValueError(
            "is a reviewer written out; reviewers are now listed once, in "
            "data/reviewers.yml, and pages name them by key"
        )
    keys = [value] if isinstance(value, str) else value
    if not isinstance(keys, list) or not keys:
        raise ValueError("is not a reviewer's key nor a list of keys")
    for key in keys:
        if not isinstance(key, str) or not REVIEWER_KEY.fullmatch(key):
            raise ValueError(f"'{key}' is not written as a reviewer's key")
    if len(set(keys)) < len(keys):
        raise ValueError("names a reviewer twice")
    return keys


# The keys of the page's reviewers in data/reviewers.yml, in the order given.
ReviewerKeys = Annotated[list[str], BeforeValidator(_reviewer_keys)]


def no_markup(text: str, field_name: str | None) -> str:
    """A title or description as Material writes it into HTML: no markup, and
    in the description (an attribute) no straight double quote."""
    refused = MARKUP_CHARACTERS + ('"' if field_name == "description" else "")
    for character in refused:
        if character in text:
            raise ValueError(
                f"holds {character!r}, which the page's HTML would not show as written "
                "(use single quotes or curly quotes “ ” instead of straight double ones)"
                if character == '"'
                else f"holds {character!r}, which the page's HTML would read as markup"
            )
    return text


def one_sentence(description: str) -> str:
    """A description for search results: one sentence, with its full stop, short."""
    text = " ".join(description.split())
    if SENTENCE_BREAK.search(text):
        raise ValueError("has more than one sentence")
    if not text.endswith("."):
        raise ValueError("does not end with a full stop")
    if len(text) > DESCRIPTION_MAX_CHARS:
        raise ValueError(f"is {len(text)} characters long")
    return text


# Material writes the title and description into the page's HTML as they
# are (the description inside an attribute), so markup there would be read
# as markup, and a straight double quote would end the description early.
# (Types, not validators of PageMeta: a translation's front matter has them too.)
PageTitle = Annotated[Text, AfterValidator(lambda text: no_markup(text, "title"))]
PageDescription = Annotated[
    Text,
    AfterValidator(lambda text: no_markup(text, "description")),
    AfterValidator(one_sentence),
]


class ReviewDates(BaseModel):
    """When a page was reviewed and is due again; read on its own for overdue pages.

    Other fields are ignored here, so a page with, say, a bad description is
    still checked for an overdue review in the same build.
    """

    last_reviewed: PageDate = Field(
        description="the date of the last clinical review, as YYYY-MM-DD, e.g. 2026-11-20"
    )
    review_interval_months: int | None = Field(
        None, ge=1, le=36, description="whole months between reviews, 1 to 36"
    )
    next_review: PageDate | None = Field(
        None,
        validate_default=True,
        description=(
            "the date the next review is due, as YYYY-MM-DD, after last_reviewed "
            "(or give review_interval_months instead)"
        ),
    )

    @field_validator("next_review")
    @classmethod
    def _one_review_date(cls, next_review: dt.date | None, info: ValidationInfo) -> Any:
        interval = info.data.get("review_interval_months")
        if next_review is None and interval is None and "review_interval_months" in info.data:
            raise ValueError("is missing")
        if next_review is not None and interval is not None:
            raise ValueError("is given together with review_interval_months; keep one of them")
        last = info.data.get("last_reviewed")
        if next_review is not None and last is not None and next_review <= last:
            raise ValueError(f"{next_review} is not after last_reviewed ({last})")
        return next_review

    @property
    def next_review_due(self) -> dt.date:
        """``next_review``, or ``last_reviewed`` plus the review interval."""
        if self.next_review is not None:
            return self.next_review
        return add_months(self.last_reviewed, self.review_interval_months or 0)


class PageMeta(ReviewDates):
    """The front matter every content page must have.

    Field order matters: a field's validator sees only the fields above it
    (the review dates of ``ReviewDates`` come first).
    """

    model_config = ConfigDict(extra="forbid")

    title: PageTitle = Field(description="the page title readers see, e.g. 'Fibromyalgia'")
    description: PageDescription = Field(
        description=(
            f"one sentence of at most {DESCRIPTION_MAX_CHARS} characters, ending with a full "
            "stop, for search results"
        )
    )
    page_type: PageType = Field(
        description="the kind of page: " + ", ".join(PageType).replace(", index", " or index")
    )
    alternative_names: list[Text] | None = Field(
        None,
        validate_default=True,
        description="a list of other names readers search by, e.g. [RSD, causalgia]",
    )
    reviewed_by: ReviewerKeys = Field(
        description=(
            "the key of the page's reviewer in data/reviewers.yml, e.g. editorial-team, "
            "or a list of keys, e.g. [editorial-team, asha-patel]"
        )
    )
    signs_or_symptoms: list[Text] | None = Field(
        None, description="a list of symptoms readers search by, e.g. [burning pain, swelling]"
    )
    possible_treatments: list[Text] | None = Field(
        None, description="a list of treatment pages under docs/, e.g. [treatments/iv-ketamine.md]"
    )
    # Checked against the site's pages by healthsite/library/relations.py.
    related_pages: list[Text] | None = Field(
        None, description="a list of pages under docs/, e.g. [guides/living-with-crps.md]"
    )
    # Its contents are checked, with their own messages, by healthsite/content/findings.py.
    findings: list[Any] | None = Field(
        None, description="a list of research findings, each with finding, certainty and source"
    )
    # Its contents are checked, with their own messages, by healthsite/checks/readability.py.
    readability: dict[str, Any] | None = Field(
        None, description="a justified reading-grade limit: max_grade and reason"
    )

    @field_validator("page_type", mode="before")
    @classmethod
    def _known_page_type(cls, value: Any) -> Any:
        if not isinstance(value, str):  # a list or mapping is unhashable: no set lookup
            raise ValueError("is not one word")
        if value not in set(PageType):
            raise ValueError(f"'{value}' is not a page type")
        return value

    @field_validator("alternative_names")
    @classmethod
    def _names_for_searchable_pages(cls, names: list[str] | None, info: ValidationInfo) -> Any:
        page_type = info.data.get("page_type")
        if page_type in NEEDS_ALTERNATIVE_NAMES and not names:
            raise ValueError(f"is missing or empty, and every {page_type} page needs it")
        return names


@dataclass(frozen=True)
class FrontMatter:
    """A page's front matter as written, the line of each field, and its checked form.

    ``meta`` is None when the page has problems; the fields as written still
    serve the checks across pages, so one build reports everything.
    """

    shown_as: str
    written: dict[str, Any]
    lines: dict[KeyPath, int]
    meta: PageMeta | None
    # A translation's record (healthsite/pages/translated.py): what it was
    # made from, when and by whom; None for an English page.
    translation: Any = None
    language: str = "en"

    def line(self, *key_path: str | int) -> int | None:
        return line_of(self.lines, key_path)

    def text_field(self, name: str) -> str | None:
        value = self.meta and getattr(self.meta, name)
        written = value if value is not None else self.written.get(name)
        return str(written) if isinstance(written, str) else None

    def alternative_names(self) -> list[tuple[int, str]]:
        """Each name readers search by, with its place in the list."""
        names = self.meta.alternative_names if self.meta else self.written.get("alternative_names")
        if not isinstance(names, list):
            return []
        return [(index, name) for index, name in enumerate(names) if isinstance(name, str)]

    def review_dates(self) -> ReviewDates | None:
        """The review dates, if they are right, even when other fields are wrong."""
        if self.meta is not None:
            return self.meta
        try:
            return ReviewDates.model_validate(self.written)
        except ValidationError:
            return None


def _missing(shown_as: str, text: str) -> Problem:
    if text.startswith("---"):
        return Problem(
            shown_as,
            1,
            "front matter",
            "has no closing '---' line; end the front matter with a line holding only ---",
        )
    return Problem(
        shown_as,
        1,
        "front matter",
        f"is missing; start the page with a '---' line, then {REQUIRED_FIELDS}, "
        "then '---' (`make new-page` writes it for you)",
    )


def read_front_matter(text: str, shown_as: str) -> tuple[FrontMatter | None, list[Problem]]:
    """Validate the front matter of a page's source text."""
    block = YAML_RE.match(text)
    if block is None:
        return None, [_missing(shown_as, text)]
    try:
        raw, lines = parse_quickly_with_lines(
            block.group(1), shown_as, FIRST_YAML_LINE, DatesAsTextLoader
        )
    except InvalidYamlError as error:
        problem = error.problem
        return None, [
            replace(problem, field="front matter", message=f"is not valid YAML: {problem.message}")
        ]
    if not isinstance(raw, dict):
        message = "must be 'field: value' lines, one field per line"
        return None, [Problem(shown_as, FIRST_YAML_LINE, "front matter", message)]
    if expanded_size(raw, MAX_FRONT_MATTER_VALUES) > MAX_FRONT_MATTER_VALUES:
        message = (
            f"holds more than {MAX_FRONT_MATTER_VALUES:,} values once its YAML aliases (*name) "
            "are written out; write each value once, without aliases"
        )
        return None, [Problem(shown_as, FIRST_YAML_LINE, OVERSIZED_FIELD, message)]
    try:
        return FrontMatter(shown_as, raw, lines, PageMeta.model_validate(raw)), []
    except ValidationError as error:
        problems = problems_from(
            error, PageMeta, shown_as, lines, whole="front matter", first_line=FIRST_YAML_LINE
        )
        problems.sort(key=lambda problem: problem.line or 0)
        return FrontMatter(shown_as, raw, lines, None), problems
