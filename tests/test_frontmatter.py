"""Front matter mistakes fail the build with `path:line: field:` messages.

Every test that depends on the date fixes "today" with HEALTHSITE_TODAY and
sets CI explicitly, because CI itself runs with CI=true.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from healthsite.pages.frontmatter import read_front_matter
from tests.sitebuild import ROOT, Build, assert_fails_with, build, edit, line_starting

ABOUT = "docs/about.md"
CRPS = "docs/conditions/crps.md"
KETAMINE = "docs/treatments/iv-ketamine.md"
# iv-ketamine.md is due for review on 2027-05-20; the other pages later (the
# next ones, medicines and spinal cord stimulation, on 2027-05-25).
TWO_DAYS_AFTER_KETAMINE_REVIEW = "2027-05-22"


def test_missing_front_matter_names_the_fields_to_add(project: Path) -> None:
    path = project / ABOUT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("---\n", 2)[2], encoding="utf-8")
    assert_fails_with(
        build(project),
        f"{ABOUT}:1: front matter: is missing; start the page with a '---' line, then title, "
        "description, page_type, reviewed_by, last_reviewed and next_review",
    )


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


def test_missing_reviewer_and_misspelt_field(project: Path) -> None:
    text = edit(
        project,
        ABOUT,
        "reviewed_by: editorial-team\n",
        "reviewd_by: editorial-team\n",
    )
    misspelt = line_starting(text, "reviewd_by: editorial-team")
    assert_fails_with(
        build(project),
        # A missing field is reported on the first line of the front matter.
        f"{ABOUT}:2: reviewed_by: is missing; expected the key of the page's reviewer in "
        "data/reviewers.yml, e.g. editorial-team, or a list of keys, e.g. "
        "[editorial-team, asha-patel]",
        f"{ABOUT}:{misspelt}: reviewd_by: is not a known field; use one of: last_reviewed, "
        "review_interval_months, next_review, title, description, page_type, alternative_names, "
        "reviewed_by",
    )


def test_condition_without_alternative_names_fails(project: Path) -> None:
    text = (project / CRPS).read_text(encoding="utf-8")
    names = re.search(r"alternative_names:\n(  - .*\n)+", text)
    assert names
    text = edit(project, CRPS, names.group(0), "alternative_names: []\n")
    line = line_starting(text, "alternative_names: []")
    assert_fails_with(
        build(project),
        f"{CRPS}:{line}: alternative_names: is missing or empty, and every condition page needs "
        "it; expected a list of other names readers search by",
    )


def test_all_problems_of_a_build_are_reported_together(project: Path) -> None:
    """Pages with one mistake are still checked for overdue reviews and shared names."""
    about = edit(project, ABOUT, "page_type: about", "page_type: symptom")
    crps = edit(project, CRPS, "last_reviewed: 2026-11-20", "last_reviewed: 2026-11")
    description = "description: What IV ketamine is"
    edit(project, KETAMINE, description, "description: Ketamine. What IV ketamine is")
    ketamine = edit(project, KETAMINE, "  - Ketalar\n", "  - Ketalar\n  - causalgia\n")
    edit(
        project,
        ABOUT,
        "## Our editorial policy",
        "A claim.{{ cite('nobody2099') }}\n\n## Our editorial policy",
    )
    result = build(project, env={"CI": "true", "HEALTHSITE_TODAY": TWO_DAYS_AFTER_KETAMINE_REVIEW})
    assert_fails_with(
        result,
        f"{ABOUT}:{line_starting(about, 'page_type: symptom')}: page_type:",
        f"{CRPS}:{line_starting(crps, 'last_reviewed: 2026-11')}: last_reviewed: '2026-11' is "
        "not written as YYYY-MM-DD",
        f"{KETAMINE}:{line_starting(ketamine, 'description: Ketamine.')}: description: "
        "has more than one sentence; expected one sentence of at most 160 characters, ending "
        "with a full stop, for search results",
        f"{KETAMINE}:{line_starting(ketamine, '  - causalgia')}: alternative_names: 'causalgia' is "
        f"also an alternative name of {CRPS} (line {line_starting(crps, '  - causalgia')})",
        f"{KETAMINE}:{line_starting(ketamine, 'next_review:')}: next_review: the review is 2 "
        "days overdue",
        "cite: 'nobody2099' is not a key in data/sources.yml",
    )
    assert "Pages with problems (6)" in result.output


def test_overdue_review_fails_the_build_in_ci(project: Path) -> None:
    text = (project / KETAMINE).read_text(encoding="utf-8")
    result = build(project, env={"CI": "true", "HEALTHSITE_TODAY": TWO_DAYS_AFTER_KETAMINE_REVIEW})
    assert_fails_with(
        result,
        f"{KETAMINE}:{line_starting(text, 'next_review: 2027-05-20')}: next_review: the review "
        "is 2 days overdue (it was due 20 May 2027); have the page reviewed, then update "
        "last_reviewed and next_review",
    )
    assert "Pages with problems (1)" in result.output


def test_overdue_review_only_informs_outside_ci(project: Path) -> None:
    line = line_starting((project / KETAMINE).read_text(encoding="utf-8"), "next_review:")
    result = build(project, env={"CI": "false", "HEALTHSITE_TODAY": TWO_DAYS_AFTER_KETAMINE_REVIEW})
    assert result.returncode == 0, result.output
    assert (
        f"INFO    -  Review overdue (fails the build in CI): {KETAMINE}:{line}: next_review: the "
        "review is 2 days overdue" in result.output
    )


def test_review_on_its_due_date_is_not_overdue(project: Path) -> None:
    result = build(project, env={"CI": "true", "HEALTHSITE_TODAY": "2027-05-20"})
    assert result.returncode == 0, result.output
    assert "overdue" not in result.output


def test_a_review_interval_sets_the_due_date(project: Path) -> None:
    text = edit(project, KETAMINE, "next_review: 2027-05-20", "review_interval_months: 3")
    line = line_starting(text, "review_interval_months:")
    result = build(project, env={"CI": "true", "HEALTHSITE_TODAY": "2027-02-21"})
    assert_fails_with(
        result,
        f"{KETAMINE}:{line}: review_interval_months: the review is 1 day overdue (it was due "
        "20 February 2027)",
    )


def test_unreadable_today_override_is_reported(project: Path) -> None:
    result = build(project, env={"HEALTHSITE_TODAY": "tomorrow"})
    assert_fails_with(
        result, "HEALTHSITE_TODAY: 'tomorrow' is not a date; set it as YYYY-MM-DD or unset it"
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


def test_a_page_missing_from_the_nav_is_named_with_the_fix(project: Path) -> None:
    about = (project / ABOUT).read_text(encoding="utf-8")
    privacy = about.replace("title: About this site", "title: Privacy").replace(
        "# About this site", "# Privacy"
    )
    (project / "docs" / "privacy.md").write_text(privacy, encoding="utf-8")
    nav_line = line_starting((project / "mkdocs.yml").read_text(encoding="utf-8"), "nav:")
    assert_fails_with(
        build(project),
        f"mkdocs.yml:{nav_line}: nav: privacy.md is not in the navigation, so readers cannot "
        "find it; add '- Privacy: privacy.md'",
        "The following pages exist in the docs directory, but are not included in the "
        '"nav" configuration:\n  - privacy.md',
    )


def test_an_alternative_name_of_two_conditions_names_both_pages(project: Path) -> None:
    add_condition(project, "rsd")
    crps_line = line_starting((project / CRPS).read_text(encoding="utf-8"), "  - RSD")
    assert_fails_with(
        build(project),
        f"docs/conditions/fibromyalgia.md:7: alternative_names: 'rsd' is also an alternative "
        f"name of {CRPS} (line {crps_line}); a name readers search by must lead to one page, "
        "so keep it on one of them",
    )


def test_a_new_condition_with_its_own_names_builds(project: Path) -> None:
    add_condition(project, "FMS")
    result = build(project)
    assert result.returncode == 0, result.output


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


def test_review_box_shows_the_due_date_computed_from_an_interval(project: Path) -> None:
    edit(project, KETAMINE, "next_review: 2027-05-20", "review_interval_months: 3")
    result = build(project, env={"HEALTHSITE_TODAY": "2026-11-25"})
    assert result.returncode == 0, result.output
    box = review_box(result.page("treatments/iv-ketamine/"))
    assert box.rows["Next review due"] == "20 February 2027"
    assert box.datetimes == ["2026-11-20", "2027-02-20"]


def test_description_is_the_pages_meta_description(built_site: Build) -> None:
    html = built_site.page("conditions/crps/")
    assert (
        '<meta name="description" content="What CRPS is, its symptoms and causes, how doctors '
        'diagnose and treat it, and when to get help.">' in html
    )
