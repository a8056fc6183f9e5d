"""The reviewers registry: who checks pages, their registration and interests.

``data/reviewers.yml`` names each reviewer once, under a key; a page's
``reviewed_by`` names keys of it. The About page lists every reviewer through
the ``reviewers_list()`` macro, and each page's review box links each name to
that entry. A reviewer is a registered clinician when, and only when, the
registry gives their professional registration: every reviewed page none of
whose reviewers is one tells readers, near the top, that no clinician has
checked it yet (``PageReview.not_checked_by_clinician``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from markupsafe import Markup, escape
from mkdocs.structure.files import Files
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationInfo, field_validator

from healthsite.content.registry import DataFile, validate_entries
from healthsite.content.wording import PageWording
from healthsite.dates import human_date
from healthsite.pages.frontmatter import REVIEWER_KEY, FrontMatter, PageDate
from healthsite.problems import Problem
from healthsite.validation import PlainText
from healthsite.yamlfile import DatesAsTextLoader

REVIEWERS_FILE = "data/reviewers.yml"
# Dates kept as written: PyYAML's own loader stops with a traceback on an
# impossible date before any check can name its line.
REVIEWERS_LOADER = DatesAsTextLoader
# The About page lists the reviewers; review boxes link to their entries there.
REVIEWERS_PAGE = "about.md"
LIST_MACRO = "reviewers_list()"
FIELD = "reviewed_by"

Text = PlainText


class ReviewerKind(StrEnum):
    """How the reviewer appears in structured data (schema.org Person or Organization)."""

    person = "person"
    organization = "organization"


class Registration(BaseModel):
    """A clinician's professional registration, as the registering body shows it."""

    model_config = ConfigDict(extra="forbid")

    body: Text = Field(
        description="the body that registers or licenses them, e.g. 'General Medical Council'"
    )
    number: Text = Field(description="their number with that body, in quotes, e.g. '1234567'")
    register_url: HttpUrl | None = Field(
        None, description="the address of their entry in the body's public register"
    )


class Interests(BaseModel):
    """A conflicts-of-interest statement and the date it was made."""

    model_config = ConfigDict(extra="forbid")

    statement: Text = Field(
        description=(
            "their paid work or links to firms or clinics that sell a treatment this site "
            "describes, or 'none declared'"
        )
    )
    declared_on: PageDate = Field(description="the date they made the statement, as YYYY-MM-DD")


class ReviewerWording(BaseModel):
    """A reviewer's name and role in Spanish (``es:``)."""

    model_config = ConfigDict(extra="forbid")

    name: Text | None = Field(None, description="the name as Spanish pages show it")
    role: Text | None = Field(None, description="the role in Spanish")


class ReviewerEntry(BaseModel):
    """One entry of data/reviewers.yml."""

    model_config = ConfigDict(extra="forbid")

    name: Text = Field(description="the reviewer's name, e.g. 'Dr Asha Patel'")
    role: Text = Field(description="their role, e.g. 'consultant in pain medicine'")
    kind: ReviewerKind = Field(
        ReviewerKind.person, description="'person' (the default) or 'organization'"
    )
    registration: Registration | None = Field(
        None,
        description=(
            "for a registered clinician only: body and number of their professional "
            "registration (leave it out for anyone else)"
        ),
    )
    conflicts_of_interest: Interests = Field(
        description="statement (or 'none declared') and declared_on, the date it was made"
    )
    es: ReviewerWording | None = Field(None, description="the Spanish of name and role")

    @field_validator("registration")
    @classmethod
    def _registration_is_a_persons(
        cls, registration: Registration | None, info: ValidationInfo
    ) -> Registration | None:
        if registration is not None and info.data.get("kind") is ReviewerKind.organization:
            raise ValueError(
                "is given for an organization, which has none (list its registered "
                "clinicians as reviewers of their own)"
            )
        return registration


@dataclass(frozen=True)
class Reviewer:
    """A reviewer as readers see them."""

    key: str
    entry: ReviewerEntry
    # The language of the site they are shown in: its wording (es:) if written.
    language: str = "en"

    @property
    def name(self) -> str:
        wording = self.entry.es if self.language == "es" else None
        return (wording.name if wording else None) or self.entry.name

    @property
    def role(self) -> str:
        wording = self.entry.es if self.language == "es" else None
        return (wording.role if wording else None) or self.entry.role

    @property
    def registered_clinician(self) -> bool:
        """Only a registration in the registry makes a reviewer a clinician here."""
        return self.entry.registration is not None

    @property
    def anchor(self) -> str:
        """The id of their entry on the About page."""
        return f"reviewer-{self.key}"


@dataclass(frozen=True)
class PageReview:
    """Who checked one page, as its review box, JSON-LD and readers see it."""

    reviewers: tuple[Reviewer, ...]
    page_type: str

    @property
    def checked_by_clinician(self) -> bool:
        return any(reviewer.registered_clinician for reviewer in self.reviewers)

    @property
    def not_checked_by_clinician(self) -> bool:
        """Show readers, near the top, that no clinician has checked this page yet.

        Every reviewed page, whatever its type: a page that names reviewers
        (its review box) but no registered clinician among them. That is every
        page today; the notice goes only when a clinician signs a page off.
        """
        return bool(self.reviewers) and not self.checked_by_clinician


def reviewer_keys(reviewed_by: object) -> list[str]:
    """``reviewed_by`` as written: one key, or a list of keys."""
    if isinstance(reviewed_by, str):
        return [reviewed_by]
    if isinstance(reviewed_by, list):
        return [key for key in reviewed_by if isinstance(key, str)]
    return []


class Reviewers:
    """Every reviewer of the site, in the registry's order."""

    def __init__(
        self, entries: dict[str, ReviewerEntry], shown_as: str, language: str = "en"
    ) -> None:
        self.entries = entries
        self.by_key = {key: Reviewer(key, entry, language) for key, entry in entries.items()}
        self.shown_as = shown_as

    def in_language(self, language: str) -> Reviewers:
        """The same reviewers, named as a site in ``language`` shows them."""
        return Reviewers(self.entries, self.shown_as, language)

    def page_review(self, reviewed_by: object, page_type: object) -> PageReview:
        """THE place a page's ``reviewed_by`` becomes reader-facing data.

        Every reader-facing use (review box, "not yet checked by a clinician"
        notice, JSON-LD) goes through here. The build has already failed for
        an unknown key (``unknown_reviewers``); one left here is skipped.
        """
        keys = reviewer_keys(reviewed_by)
        found = tuple(self.by_key[key] for key in keys if key in self.by_key)
        return PageReview(found, str(page_type))

    def page_list(self, wording: PageWording | None = None) -> str:
        """Macro ``reviewers_list()``: every reviewer, for the About page.

        A heading per reviewer (the review boxes link to its id), then their
        details as a two-column table: data, not prose, so the readability
        check leaves it out (a body's name or a role cannot push the About
        page over its reading grade), and narrow enough for a phone.
        """
        return "\n\n".join(_entry(reviewer, wording) for reviewer in self.by_key.values())


def _registration_html(registration: Registration | None, none: str) -> Markup:
    if registration is None:
        return escape(none)
    number = escape(f"{registration.body}, license {registration.number}")
    if registration.register_url is None:
        return number
    return Markup('<a href="{}">{}</a>').format(str(registration.register_url), number)


def _capitalized(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def _entry(reviewer: Reviewer, wording: PageWording | None = None) -> str:
    interests = reviewer.entry.conflicts_of_interest
    statement, name, role = interests.statement, reviewer.name, reviewer.role
    # human_date tells only "es" apart: any other word is English (make mutation).
    language = "en"  # pragma: no mutate
    labels = ("Role", "Professional license", "Conflicts of interest")
    none = "None: not a licensed clinician"
    if wording is not None and wording.translated:
        language, words = wording.language, wording.words
        name = wording.of(reviewer.entry, "name", "reviewers", reviewer.key)
        role = wording.of(reviewer.entry, "role", "reviewers", reviewer.key)
        labels = (words["reviewer_role"], words["reviewer_license"], words["reviewer_conflicts"])
        none = words["reviewer_no_license"]
        if statement.strip().casefold() == "none declared":
            statement = words["reviewer_none_declared"]
    declared = human_date(interests.declared_on, language)
    said = f"{_capitalized(statement).rstrip('.')} ({declared})"
    rows = [
        (labels[0], escape(_capitalized(role))),
        (labels[1], _registration_html(reviewer.entry.registration, none)),
        (labels[2], escape(said)),
    ]
    table = "\n".join(
        str(Markup('<tr><th scope="row">{}</th><td>{}</td></tr>').format(label, value))
        for label, value in rows
    )
    return (
        f"### {escape(name)} {{#{reviewer.anchor}}}\n\n"
        f"<table>\n<tbody>\n{table}\n</tbody>\n</table>"
    )


def reviewer_key(key: object) -> str | None:
    """Keys become ids on the About page and are typed in front matter: keep them plain."""
    if isinstance(key, str) and REVIEWER_KEY.fullmatch(key):
        return None
    return "is not a usable key; expected lower-case letters, digits and hyphens, e.g. asha-patel"


def reviewers_from(data_file: DataFile) -> tuple[Reviewers, list[Problem]]:
    """The usable reviewers of ``data_file`` (the build's), and every problem."""
    if not data_file.path.is_file():
        return Reviewers({}, REVIEWERS_FILE), [
            Problem(
                REVIEWERS_FILE,
                None,
                "(file)",
                "is missing; expected the registry of reviewers that pages name in reviewed_by",
            )
        ]
    entries, problems = validate_entries(ReviewerEntry, data_file)
    return Reviewers(entries, data_file.shown_as), problems


def _known(reviewers: Reviewers) -> str:
    return ", ".join(reviewers.by_key) or f"(none: {reviewers.shown_as} lists nobody yet)"


def unknown_reviewers(pages: Sequence[FrontMatter], reviewers: Reviewers) -> list[Problem]:
    """Each ``reviewed_by`` key that the registry does not have."""
    problems = []
    for page in pages:
        written = page.written.get(FIELD)
        places = list(enumerate(written)) if isinstance(written, list) else [(None, written)]
        for index, key in places:
            if not isinstance(key, str) or key in reviewers.by_key:
                continue
            line = page.line(FIELD) if index is None else page.line(FIELD, index)
            problems.append(
                Problem(
                    page.shown_as,
                    line,
                    FIELD,
                    f"'{key}' is not a reviewer in {reviewers.shown_as}; expected one of "
                    f"{_known(reviewers)} (add a new reviewer there first)",
                )
            )
    return problems


def reviewers_page_url(files: Files) -> str:
    """The URL of the page that lists the reviewers (relative to the site's root)."""
    file = files.get_file_from_path(REVIEWERS_PAGE)
    return file.url if file is not None else ""


def _reviewers_page_problem(files: Files, docs_dir_name: str) -> Problem | None:
    """Review boxes link to the reviewers' entries: the About page must list them."""
    shown_as = f"{docs_dir_name}/{REVIEWERS_PAGE}"
    file = files.get_file_from_path(REVIEWERS_PAGE)
    if file is None:
        return Problem(
            shown_as,
            None,
            "reviewers",
            "is missing, but every page's review box links to its list of reviewers; "
            f"expected an About page holding {{{{ {LIST_MACRO} }}}}",
        )
    if LIST_MACRO in file.content_string:
        return None
    return Problem(
        shown_as,
        None,
        "reviewers",
        "does not list the reviewers, but every page's review box links to that list; "
        f"expected a line holding {{{{ {LIST_MACRO} }}}} under a heading such as "
        "'## Who reviews our pages'",
    )


def check_reviewers(
    files: Files, pages: Sequence[FrontMatter], reviewers: Reviewers, docs_dir_name: str
) -> list[Problem]:
    """Every page's reviewers are in the registry, which the About page lists."""
    problems = unknown_reviewers(pages, reviewers)
    listed = _reviewers_page_problem(files, docs_dir_name)
    return [*problems, *([listed] if listed else [])]


def translation_problems(pages: Iterable[FrontMatter], reviewers: Reviewers) -> list[Problem]:
    """A translation's ``translated_by`` must be someone in data/reviewers.yml."""
    problems = []
    for page in pages:
        record = page.translation
        if record is None or record.translated_by in reviewers.by_key:
            continue
        known = ", ".join(reviewers.by_key)
        problems.append(
            Problem(
                page.shown_as,
                page.line("translation", "translated_by"),
                "translation.translated_by",
                f"'{record.translated_by}' is not in {reviewers.shown_as}; expected one of "
                f"{known} (add the translator there first)",
            )
        )
    return problems
