"""Front matter mistakes fail the build with `path:line: field:` messages.

Each message's words are tested in-process (``read_front_matter``,
``overdue_problem``, ``today``); three builds show the wiring: one with a
mistake of each kind on several pages (all reported together, the build
fails), one whose pages only inform (an overdue review outside CI, a due date
from an interval, a new condition page), and one with a page left out of the
nav. Every build that depends on the date fixes "today" with HEALTHSITE_TODAY
and sets CI explicitly, because CI itself runs with CI=true.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from healthsite.checks.review import overdue_problem, today
from healthsite.pages.frontmatter import FrontMatter, read_front_matter
from tests.sharedbuilds import FRONT_MATTER_MISTAKES, PAGE_MISTAKES, SharedBuilds
from tests.sitebuild import (
    ROOT,
    Build,
    assert_fails_with,
    assert_lists,
    build,
    builds_site,
    copy_project,
    edit,
    line_starting,
    problems_about,
)

# The builds below are shared by the tests of this file: one worker runs them all.
pytestmark = pytest.mark.xdist_group("frontmatter")

ABOUT = "docs/about.md"
CRPS = "docs/conditions/crps.md"
KETAMINE = "docs/treatments/iv-ketamine.md"
# iv-ketamine.md is due for review on 2027-05-20; the other pages later (the
# next ones, medicines and spinal cord stimulation, on 2027-05-25).
TWO_DAYS_AFTER_KETAMINE_REVIEW = "2027-05-22"
# Reviewed 2026-11-25; given a review interval instead of a next_review date.
DIAGNOSIS = "docs/guides/diagnosis.md"


@pytest.mark.parametrize(
    ("page", "old", "new", "message"),
    [
        pytest.param(
            CRPS,
            "title: Complex regional pain syndrome (CRPS)",
            "title: CRPS: a guide",
            "front matter: is not valid YAML: mapping values are not allowed here; "
            "fix the YAML syntax",
            id="invalid-yaml",
        ),
        pytest.param(
            CRPS,
            "last_reviewed: 2026-11-20",
            "last_reviewed: 20/11/2026",
            "last_reviewed: '20/11/2026' is not written as YYYY-MM-DD; expected the date of the "
            "last clinical review, as YYYY-MM-DD, e.g. 2026-11-20",
            id="wrong-date-format",
        ),
        pytest.param(
            CRPS,
            "next_review: 2027-11-20",
            "next_review: 2027-13-01",
            "next_review: '2027-13-01' is not a date in the calendar; expected the date the next "
            "review is due, as YYYY-MM-DD, after last_reviewed",
            id="impossible-date",
        ),
        pytest.param(
            ABOUT,
            "page_type: about",
            "page_type: symptom",
            "page_type: 'symptom' is not a page type; expected the kind of page: condition, "
            "treatment, guide, about or index",
            id="unknown-page-type",
        ),
        pytest.param(
            CRPS,
            "title: Complex regional pain syndrome (CRPS)",
            "title: Complex regional pain syndrome <CRPS>",
            "title: holds '<', which the page's HTML would read as markup; expected the page "
            "title readers see",
            id="markup-in-a-title",
        ),
        pytest.param(
            ABOUT,
            "description: ",
            'description: On the "about" page, ',
            "description: holds '\"', which the page's HTML would not show as written (use "
            "single quotes or curly quotes “ ” instead of straight double ones); expected one "
            "sentence",
            id="double-quote-in-a-description",
        ),
    ],
)
def test_a_front_matter_mistake_is_named_with_its_line(
    page: str, old: str, new: str, message: str
) -> None:
    """In-process: read_front_matter is what words these messages; the tests
    above and below build the site to show a problem of it fails the build."""
    text = (ROOT / page).read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {page}"
    text = text.replace(old, new, 1)
    _, problems = read_front_matter(text, page)
    expected = f"{page}:{line_starting(text, new)}: {message}"
    assert any(str(problem).startswith(expected) for problem in problems), problems


def problems_of(page: str, text: str) -> list[str]:
    """What read_front_matter finds in ``text`` (shown as ``page``), worded as the build."""
    _, problems = read_front_matter(text, page)
    return [str(problem) for problem in problems]


def page_text(page: str) -> str:
    return (ROOT / page).read_text(encoding="utf-8")


def test_missing_front_matter_names_the_fields_to_add() -> None:
    text = page_text(ABOUT).split("---\n", 2)[2]
    assert problems_of(ABOUT, text) == [
        f"{ABOUT}:1: front matter: is missing; start the page with a '---' line, then title, "
        "description, page_type, reviewed_by, last_reviewed and next_review, then '---' "
        "(`make new-page` writes it for you)"
    ]


def test_missing_reviewer_and_misspelt_field() -> None:
    text = page_text(ABOUT)
    assert "reviewed_by: editorial-team\n" in text
    text = text.replace("reviewed_by: editorial-team\n", "reviewd_by: editorial-team\n", 1)
    misspelt = line_starting(text, "reviewd_by: editorial-team")
    problems = problems_of(ABOUT, text)
    # A missing field is reported on the first line of the front matter.
    assert problems[0] == (
        f"{ABOUT}:2: reviewed_by: is missing; expected the key of the page's reviewer in "
        "data/reviewers.yml, e.g. editorial-team, or a list of keys, e.g. "
        "[editorial-team, asha-patel]"
    )
    assert problems[1].startswith(
        f"{ABOUT}:{misspelt}: reviewd_by: is not a known field; use one of: last_reviewed, "
        "review_interval_months, next_review, title, description, page_type, alternative_names, "
        "reviewed_by"
    ), problems
    assert len(problems) == 2, problems


def test_condition_without_alternative_names_fails() -> None:
    text = page_text(CRPS)
    names = re.search(r"alternative_names:\n(  - .*\n)+", text)
    assert names
    text = text.replace(names.group(0), "alternative_names: []\n", 1)
    line = line_starting(text, "alternative_names: []")
    assert problems_of(CRPS, text) == [
        f"{CRPS}:{line}: alternative_names: is missing or empty, and every condition page needs "
        "it; expected a list of other names readers search by, e.g. [RSD, causalgia]"
    ]


def front_matter(page: str, text: str | None = None) -> FrontMatter:
    front, problems = read_front_matter(page_text(page) if text is None else text, page)
    assert not problems, problems
    assert front is not None
    return front


def test_a_review_is_overdue_the_day_after_it_is_due() -> None:
    ketamine = front_matter(KETAMINE)
    line = line_starting(page_text(KETAMINE), "next_review: 2027-05-20")
    assert overdue_problem(ketamine, dt.date(2027, 5, 20)) is None
    assert str(overdue_problem(ketamine, dt.date(2027, 5, 22))) == (
        f"{KETAMINE}:{line}: next_review: the review is 2 days overdue (it was due 20 May 2027); "
        "have the page reviewed, then update last_reviewed and next_review"
    )


def test_review_on_its_due_date_is_not_overdue() -> None:
    """No page is overdue on the day the first review falls due (the build of
    the pages with their mistakes, below, is run two days later)."""
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert len(pages) >= 10, pages
    overdue = []
    for path in pages:
        page = path.relative_to(ROOT).as_posix()
        front, _ = read_front_matter(path.read_text(encoding="utf-8"), page)
        problem = front and overdue_problem(front, dt.date(2027, 5, 20))
        if problem:
            overdue.append(str(problem))
    assert not overdue, "\n".join(overdue)


def test_a_review_interval_sets_the_due_date() -> None:
    text = page_text(KETAMINE).replace("next_review: 2027-05-20", "review_interval_months: 3")
    line = line_starting(text, "review_interval_months:")
    problem = overdue_problem(front_matter(KETAMINE, text), dt.date(2027, 2, 21))
    assert str(problem).startswith(
        f"{KETAMINE}:{line}: review_interval_months: the review is 1 day overdue (it was due "
        "20 February 2027)"
    ), problem


def test_unreadable_today_override_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEALTHSITE_TODAY", "tomorrow")
    with pytest.raises(PluginError) as raised:
        today()
    assert str(raised.value) == (
        "HEALTHSITE_TODAY: 'tomorrow' is not a date; set it as YYYY-MM-DD or unset it"
    )


CONDITION_PAGE = """---
title: Fibromyalgia
description: What fibromyalgia is and how it differs from CRPS.
page_type: condition
alternative_names:
  - fibromyalgia syndrome
  - {name}
reviewed_by: editorial-team
last_reviewed: 2026-11-20
next_review: 2027-11-20
---

# Fibromyalgia

It makes many parts of the body hurt.{{{{ cite('harden2010') }}}}

## When to get help

!!! urgent

    {{{{ signs('pain_swelling_fast') }}}}

!!! emergency

    {{{{ signs('self_harm') }}}}
"""


def add_condition(project: Path, alternative_name: str) -> None:
    """A condition page: the build lists it, so it needs no nav line."""
    page = project / "docs" / "conditions" / "fibromyalgia.md"
    page.write_text(CONDITION_PAGE.format(name=alternative_name), encoding="utf-8")


class Mistakes:
    """A built copy of the project with a mistake on each of several pages, and their texts."""

    def __init__(self, result: Build, texts: dict[str, str]) -> None:
        self.result = result
        self.texts = texts

    def line(self, page: str, start: str) -> int:
        return line_starting(self.texts[page], start)


@FRONT_MATTER_MISTAKES.mistake
def _mistakes(project: Path) -> None:
    """Pages with one mistake each, built in CI two days after a review fell due
    (``TWO_DAYS_AFTER_KETAMINE_REVIEW``), with other pages' mistakes
    (tests/sharedbuilds.py)."""
    edit(project, ABOUT, "page_type: about", "page_type: symptom")
    edit(project, CRPS, "last_reviewed: 2026-11-20", "last_reviewed: 2026-11")
    description = "description: What IV ketamine is"
    edit(project, KETAMINE, description, "description: Ketamine. What IV ketamine is")
    edit(project, KETAMINE, "  - Ketalar\n", "  - Ketalar\n  - causalgia\n")
    edit(
        project,
        ABOUT,
        "## Our editorial policy",
        "A claim.{{ cite('nobody2099') }}\n\n## Our editorial policy",
    )
    add_condition(project, "rsd")


assert FRONT_MATTER_MISTAKES.env["HEALTHSITE_TODAY"] == TWO_DAYS_AFTER_KETAMINE_REVIEW


@pytest.fixture
def mistakes(shared_builds: SharedBuilds) -> Mistakes:
    shared = shared_builds.of(_mistakes)
    return Mistakes(shared.result, {page: shared.text(page) for page in (ABOUT, CRPS, KETAMINE)})


def test_all_problems_of_a_build_are_reported_together(mistakes: Mistakes) -> None:
    """Pages with one mistake are still checked for overdue reviews and shared names."""
    assert_lists(
        mistakes.result,
        "Pages with problems",
        f"{ABOUT}:{mistakes.line(ABOUT, 'page_type: symptom')}: page_type:",
        f"{CRPS}:{mistakes.line(CRPS, 'last_reviewed: 2026-11')}: last_reviewed: '2026-11' is "
        "not written as YYYY-MM-DD",
        f"{KETAMINE}:{mistakes.line(KETAMINE, 'description: Ketamine.')}: description: "
        "has more than one sentence; expected one sentence of at most 160 characters, ending "
        "with a full stop, for search results",
        f"{KETAMINE}:{mistakes.line(KETAMINE, '  - causalgia')}: alternative_names: 'causalgia' is "
        f"also an alternative name of {CRPS} (line {mistakes.line(CRPS, '  - causalgia')})",
        f"{ABOUT}:{mistakes.line(ABOUT, 'A claim.')}: cite: 'nobody2099' is not a key in "
        "data/sources.yml",
    )
    # And nothing else about these pages.
    pages = (ABOUT, CRPS, KETAMINE, "docs/conditions/fibromyalgia.md")
    assert len(problems_about(mistakes.result, "Pages with problems", *pages)) == 7


def test_overdue_review_fails_the_build_in_ci(mistakes: Mistakes) -> None:
    assert_lists(
        mistakes.result,
        "Pages with problems",
        f"{KETAMINE}:{mistakes.line(KETAMINE, 'next_review: 2027-05-20')}: next_review: the "
        "review is 2 days overdue (it was due 20 May 2027); have the page reviewed, then update "
        "last_reviewed and next_review",
    )


def test_an_alternative_name_of_two_conditions_names_both_pages(mistakes: Mistakes) -> None:
    """The new page is listed by the build, not the nav; its name clashes with CRPS's."""
    assert_lists(
        mistakes.result,
        "Pages with problems",
        f"docs/conditions/fibromyalgia.md:7: alternative_names: 'rsd' is also an alternative "
        f"name of {CRPS} (line {mistakes.line(CRPS, '  - RSD')}); a name readers search by must "
        "lead to one page, so keep it on one of them",
    )


@pytest.fixture(scope="module")
@builds_site
def informed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, str]:
    """Built outside CI two days after a review fell due, with a review interval
    on one page and a new condition page; the built site and the ketamine page's text."""
    project = copy_project(tmp_path_factory.mktemp("informed"))
    edit(project, DIAGNOSIS, "next_review: 2027-11-25", "review_interval_months: 3")
    add_condition(project, "FMS")
    result = build(project, env={"CI": "false", "HEALTHSITE_TODAY": TWO_DAYS_AFTER_KETAMINE_REVIEW})
    return result, (project / KETAMINE).read_text(encoding="utf-8")


def test_overdue_review_only_informs_outside_ci(informed: tuple[Build, str]) -> None:
    result, ketamine = informed
    assert result.returncode == 0, result.output
    line = line_starting(ketamine, "next_review:")
    assert (
        f"INFO    -  Review overdue (fails the build in CI): {KETAMINE}:{line}: next_review: the "
        "review is 2 days overdue" in result.output
    )


def test_a_new_condition_with_its_own_names_builds(informed: tuple[Build, str]) -> None:
    result, _ = informed
    assert result.returncode == 0, result.output
    assert "Fibromyalgia" in result.page("conditions/fibromyalgia/")


@PAGE_MISTAKES.mistake
def _not_in_the_nav(project: Path) -> None:
    """A page (the about page's copy) not in the nav, in one build with other
    pages' mistakes (tests/sharedbuilds.py)."""
    about = (ROOT / ABOUT).read_text(encoding="utf-8")
    privacy = about.replace("title: About this site", "title: Privacy").replace(
        "# About this site", "# Privacy"
    )
    (project / "docs" / "privacy.md").write_text(privacy, encoding="utf-8")


def test_a_page_missing_from_the_nav_is_named_with_the_fix(shared_builds: SharedBuilds) -> None:
    shared = shared_builds.of(_not_in_the_nav)
    nav_line = line_starting(shared.text("mkdocs.yml"), "nav:")
    assert_fails_with(
        shared.result,
        f"mkdocs.yml:{nav_line}: nav: privacy.md is not in the navigation, so readers cannot "
        "find it; add '- Privacy: privacy.md'",
        "The following pages exist in the docs directory, but are not included in the "
        '"nav" configuration:\n  - privacy.md',
    )


class _ReviewBox(HTMLParser):
    """The label and text of each row of the page's review box."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, str] = {}
        self.datetimes: list[str] = []
        self._inside = False
        self._term = ""
        self._tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "aside" and attributes.get("aria-label") == "Page review":
            self._inside = True
        elif self._inside and tag == "time":
            self.datetimes.append(attributes.get("datetime") or "")
        if self._inside and tag in ("dt", "dd"):
            self._tag = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == "aside":
            self._inside = False
        if tag in ("dt", "dd"):
            self._tag = ""

    def handle_data(self, data: str) -> None:
        if self._tag == "dt":
            self._term = data.strip()
        elif self._tag == "dd" and data.strip():
            self.rows[self._term] = self.rows.get(self._term, "") + data.strip()


def review_box(html: str) -> _ReviewBox:
    box = _ReviewBox()
    box.feed(html)
    return box


def test_review_box_shows_dates_and_reviewer_to_readers(built_site: Build) -> None:
    box = review_box(built_site.page("treatments/iv-ketamine/"))
    assert box.rows == {
        "Page last reviewed": "20 November 2026",
        "Next review due": "20 May 2027",
        "Reviewed by": "CRPS Info editorial team, content editors",
    }
    assert box.datetimes == ["2026-11-20", "2027-05-20"]


def test_review_box_shows_the_due_date_computed_from_an_interval(
    informed: tuple[Build, str],
) -> None:
    result, _ = informed
    assert result.returncode == 0, result.output
    box = review_box(result.page("guides/diagnosis/"))
    assert box.rows["Next review due"] == "25 February 2027"
    assert box.datetimes == ["2026-11-25", "2027-02-25"]


def test_description_is_the_pages_meta_description(built_site: Build) -> None:
    html = built_site.page("conditions/crps/")
    assert (
        '<meta name="description" content="What CRPS is, its symptoms and causes, how doctors '
        'diagnose and treat it, and when to get help.">' in html
    )
