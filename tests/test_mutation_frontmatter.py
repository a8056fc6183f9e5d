"""healthsite/pages/frontmatter.py in-process: each front matter mistake named
as ``path:line: field: what is wrong; expected ...`` (README, "Mutation
testing")."""

from __future__ import annotations

import datetime as dt

import pytest

from healthsite.pages.frontmatter import (
    FrontMatter,
    PageType,
    ReviewDates,
    add_months,
    read_front_matter,
)

PAGE = "docs/guides/example.md"
FIELDS = {
    "title": "Living with pain",
    "description": "How people live with long-term pain.",
    "page_type": "guide",
    "reviewed_by": "editorial-team",
    "last_reviewed": "2026-11-20",
    "next_review": "2027-11-20",
}


def page(**fields: str | None) -> str:
    """A page whose front matter has FIELDS, changed or (None) left out, in order."""
    written = {**FIELDS, **fields}
    lines = [f"{name}: {value}" for name, value in written.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\n# Example\n"


def problems_of(text: str) -> list[str]:
    front, problems = read_front_matter(text, PAGE)
    if problems:
        assert front is None or front.meta is None
    return [str(problem) for problem in problems]


def test_good_front_matter_is_checked_and_kept_with_its_lines() -> None:
    front, problems = read_front_matter(page(), PAGE)
    assert problems == []
    assert isinstance(front, FrontMatter)
    assert front.meta is not None
    assert front.meta.page_type is PageType.guide
    assert front.meta.reviewed_by == ["editorial-team"]
    assert front.meta.last_reviewed == dt.date(2026, 11, 20)
    assert front.line("title") == 2
    assert front.line("next_review") == 7
    assert front.line("nothing") == 2  # the front matter's own first line
    assert front.language == "en"
    assert front.translation is None
    assert front.text_field("title") == "Living with pain"
    assert front.text_field("page_type") == "guide"
    assert front.text_field("last_reviewed") is None
    assert front.review_dates() is front.meta


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "# Example\n",
            f"{PAGE}:1: front matter: is missing; start the page with a '---' line, then title, "
            "description, page_type, reviewed_by, last_reviewed and next_review, then '---' "
            "(`make new-page` writes it for you)",
            id="missing",
        ),
        pytest.param(
            "---\ntitle: A\n\n# Example\n",
            f"{PAGE}:1: front matter: has no closing '---' line; end the front matter with a "
            "line holding only ---",
            id="not-closed",
        ),
        pytest.param(
            "---\ntitle: A\ntitle: B\n---\n",
            f"{PAGE}:3: front matter: is not valid YAML: is already written on line 2; expected "
            "each key once (YAML would keep only the last one)",
            id="key-twice",
        ),
        pytest.param(
            "---\ntitle: [A\n---\n",
            f"{PAGE}:3: front matter: is not valid YAML: expected ',' or ']', but got '<stream "
            "end>'; fix the YAML syntax",
            id="not-yaml",
        ),
        pytest.param(
            "---\n- title\n- description\n---\n",
            f"{PAGE}:2: front matter: must be 'field: value' lines, one field per line",
            id="a-list",
        ),
    ],
)
def test_front_matter_that_cannot_be_read_is_named(text: str, expected: str) -> None:
    front, problems = read_front_matter(text, PAGE)
    assert front is None
    assert [str(problem) for problem in problems] == [expected]


def test_front_matter_repeating_values_by_alias_is_refused() -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdef":
        previous = chr(ord(level) - 1)
        laughs += f"{level}: &{level} [*{previous}, *{previous}, *{previous}, *{previous}, "
        laughs += f"*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"
    front, problems = read_front_matter(f"---\n{laughs}---\n", PAGE)
    assert front is None
    assert [str(problem) for problem in problems] == [
        f"{PAGE}:2: front matter: holds more than 10,000 values once its YAML aliases (*name) "
        "are written out; write each value once, without aliases"
    ]
    # Exactly at the limit: the page, its key and its list hold 3 values.
    at_limit = "a: [" + "1, " * 9_996 + "1]\n"
    _, problems = read_front_matter(f"---\n{at_limit}---\n", PAGE)
    assert "front matter" not in [problem.field for problem in problems]
    small = "a: &a [x, x]\nb: [*a, *a]\n"
    _, problems = read_front_matter(f"---\n{small}---\n", PAGE)
    assert "front matter" not in [problem.field for problem in problems]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param(
            {"last_reviewed": "20/11/2026"},
            "6: last_reviewed: '20/11/2026' is not written as YYYY-MM-DD; expected the date of "
            "the last clinical review, as YYYY-MM-DD, e.g. 2026-11-20",
            id="date-written-otherwise",
        ),
        pytest.param(
            {"last_reviewed": "[2026]"},
            "6: last_reviewed: is not a date written as YYYY-MM-DD; expected the date of the "
            "last clinical review",
            id="date-not-text",
        ),
        pytest.param(
            {"last_reviewed": "20261120"},
            "6: last_reviewed: '20261120' is not written as YYYY-MM-DD;",
            id="date-as-a-number",
        ),
        pytest.param(
            {"next_review": "2027-02-30"},
            "7: next_review: '2027-02-30' is not a date in the calendar; expected the date the "
            "next review is due, as YYYY-MM-DD, after last_reviewed (or give "
            "review_interval_months instead)",
            id="no-such-day",
        ),
        pytest.param(
            {"next_review": "2026-11-20"},
            "7: next_review: 2026-11-20 is not after last_reviewed (2026-11-20); expected the "
            "date the next review is due",
            id="due-on-the-day-reviewed",
        ),
        pytest.param(
            {"next_review": None},
            "2: next_review: is missing; expected the date the next review is due",
            id="no-due-date",
        ),
        pytest.param(
            {"review_interval_months": "3"},
            "7: next_review: is given together with review_interval_months; keep one of them;",
            id="both-due-date-and-interval",
        ),
        pytest.param(
            {"next_review": None, "review_interval_months": "0"},
            "7: review_interval_months: Input should be greater than or equal to 1; expected "
            "whole months between reviews, 1 to 36",
            id="interval-too-short",
        ),
        pytest.param(
            {"next_review": None, "review_interval_months": "37"},
            "7: review_interval_months: Input should be less than or equal to 36;",
            id="interval-too-long",
        ),
        pytest.param(
            {"title": "Pain <b>now</b>"},
            "2: title: holds '<', which the page's HTML would read as markup; expected the page "
            "title readers see, e.g. 'Fibromyalgia'",
            id="markup-in-title",
        ),
        pytest.param(
            {"title": "Pain > fear"},
            "2: title: holds '>', which the page's HTML would read as markup;",
            id="closing-bracket-in-title",
        ),
        pytest.param(
            {"title": "'The \"pain\" page'"},
            None,
            id="quotes-in-a-title-are-fine",
        ),
        pytest.param(
            {"title": "'{{ page.title }}'"},
            "2: title: holds template code ('{{'), which is not run here, so readers would see "
            "it as typed; expected the page title readers see",
            id="template-code-in-title",
        ),
        pytest.param(
            {"title": "''"},
            "2: title: String should have at least 1 character; expected the page title",
            id="empty-title",
        ),
        pytest.param(
            {"title": "!!binary aGk="},
            "2: title: Input should be a valid string; expected the page title",
            id="bytes-as-title",
        ),
        pytest.param(
            {"description": "'The \"pain\" page.'"},
            "3: description: holds '\"', which the page's HTML would not show as written (use "
            "single quotes or curly quotes “ ” instead of straight double ones); expected one "
            "sentence of at most 160 characters, ending with a full stop, for search results",
            id="double-quote-in-description",
        ),
        pytest.param(
            {"description": "How people live. And cope."},
            "3: description: has more than one sentence; expected one sentence",
            id="two-sentences",
        ),
        pytest.param(
            {"description": "How people live! 2 ways."},
            "3: description: has more than one sentence;",
            id="two-sentences-after-an-exclamation",
        ),
        pytest.param(
            {"description": "How people live"},
            "3: description: does not end with a full stop; expected one sentence",
            id="no-full-stop",
        ),
        pytest.param(
            {"description": "A" * 160 + "."},
            "3: description: is 161 characters long; expected one sentence of at most 160 "
            "characters",
            id="too-long",
        ),
        pytest.param(
            {"description": "A" * 159 + "."},
            None,
            id="long-enough",
        ),
        pytest.param(
            {"title": "X-rays", "description": "How X-rays see pain."},
            None,
            id="x-in-title-and-description",
        ),
        pytest.param(
            {"description": "About e.g. pain, and i.e. fear."},
            None,
            id="abbreviations-are-one-sentence",
        ),
        pytest.param(
            {"page_type": "symptom"},
            "4: page_type: 'symptom' is not a page type; expected the kind of page: condition, "
            "treatment, guide, about or index",
            id="unknown-page-type",
        ),
        pytest.param(
            {"page_type": "[guide]"},
            "4: page_type: is not one word; expected the kind of page",
            id="page-type-a-list",
        ),
        pytest.param(
            {"page_type": "condition"},
            "2: alternative_names: is missing or empty, and every condition page needs it; "
            "expected a list of other names readers search by, e.g. [RSD, causalgia]",
            id="condition-without-names",
        ),
        pytest.param(
            {"page_type": "treatment", "alternative_names": "[]"},
            "8: alternative_names: is missing or empty, and every treatment page needs it;",
            id="treatment-with-no-names",
        ),
        pytest.param(
            {"page_type": "condition", "alternative_names": "[RSD]"},
            None,
            id="condition-with-names",
        ),
        pytest.param(
            {"reviewed_by": "{name: Dr A, role: nurse}"},
            "5: reviewed_by: is a reviewer written out; reviewers are now listed once, in "
            "data/reviewers.yml, and pages name them by key; expected the key of the page's "
            "reviewer in data/reviewers.yml, e.g. editorial-team, or a list of keys, e.g. "
            "[editorial-team, asha-patel]",
            id="reviewer-written-out",
        ),
        pytest.param(
            {"reviewed_by": "[]"},
            "5: reviewed_by: is not a reviewer's key nor a list of keys; expected the key",
            id="no-reviewer",
        ),
        pytest.param(
            {"reviewed_by": "5"},
            "5: reviewed_by: is not a reviewer's key nor a list of keys;",
            id="reviewer-a-number",
        ),
        pytest.param(
            {"reviewed_by": "[editorial-team, 5]"},
            "5: reviewed_by: '5' is not written as a reviewer's key; expected the key",
            id="reviewer-key-a-number",
        ),
        pytest.param(
            {"reviewed_by": "Editorial-Team"},
            "5: reviewed_by: 'Editorial-Team' is not written as a reviewer's key;",
            id="reviewer-key-in-capitals",
        ),
        pytest.param(
            {"reviewed_by": "[a-b, c-d, a-b]"},
            "5: reviewed_by: names a reviewer twice; expected the key",
            id="reviewer-twice",
        ),
        pytest.param(
            {"reviewed_by": "[a-b, c-d]"},
            None,
            id="two-reviewers",
        ),
        pytest.param(
            {"reviewd_by": "editorial-team"},
            "8: reviewd_by: is not a known field; use one of: last_reviewed, "
            "review_interval_months, next_review, title, description, page_type, "
            "alternative_names, reviewed_by, signs_or_symptoms, possible_treatments, "
            "related_pages, findings, readability",
            id="unknown-field",
        ),
    ],
)
def test_a_field_written_wrongly_is_named_with_its_line(
    fields: dict[str, str | None], expected: str | None
) -> None:
    problems = problems_of(page(**fields))
    if expected is None:
        assert problems == []
    else:
        assert len(problems) == 1, problems
        assert problems[0].startswith(f"{PAGE}:{expected}"), problems[0]


def test_problems_are_listed_in_line_order_and_a_missing_field_on_line_two() -> None:
    text = page(title=None, description="Two. Sentences.", page_type="symptom")
    assert [problem.split(": ")[0:2] for problem in problems_of(text)] == [
        [f"{PAGE}:2", "title"],
        [f"{PAGE}:2", "description"],
        [f"{PAGE}:3", "page_type"],
    ]


def test_a_page_with_a_mistake_still_gives_its_fields_as_written() -> None:
    text = page(page_type="condition", alternative_names="[RSD, 5, causalgia]", title="A <b>")
    front, problems = read_front_matter(text, PAGE)
    assert front is not None
    assert front.meta is None
    assert front.shown_as == PAGE
    assert len(problems) == 2
    assert front.text_field("title") == "A <b>"
    assert front.text_field("missing") is None
    assert front.alternative_names() == [(0, "RSD"), (2, "causalgia")]
    assert front.line("alternative_names", 1) == 8
    dates = front.review_dates()
    assert dates is not None
    assert dates.next_review_due == dt.date(2027, 11, 20)


def test_alternative_names_of_a_checked_page_and_of_none() -> None:
    front, _ = read_front_matter(page(page_type="condition", alternative_names="[RSD]"), PAGE)
    assert front is not None
    assert front.alternative_names() == [(0, "RSD")]
    front, _ = read_front_matter(page(), PAGE)
    assert front is not None
    assert front.alternative_names() == []
    front, _ = read_front_matter(page(alternative_names="RSD", page_type="x"), PAGE)
    assert front is not None
    assert front.alternative_names() == []


def test_wrong_review_dates_are_not_used() -> None:
    front, _ = read_front_matter(page(next_review="2020-01-01", title="<"), PAGE)
    assert front is not None
    assert front.review_dates() is None


def test_a_review_interval_sets_the_due_date() -> None:
    front, problems = read_front_matter(page(next_review=None, review_interval_months="3"), PAGE)
    assert problems == []
    assert front is not None
    assert front.meta is not None
    assert front.meta.next_review_due == dt.date(2027, 2, 20)
    with pytest.raises(ValueError, match="next_review\n  Value error, is missing"):
        ReviewDates.model_validate({"last_reviewed": "2026-11-20"})


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        (dt.date(2026, 11, 20), 3, dt.date(2027, 2, 20)),
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),
        (dt.date(2026, 12, 15), 12, dt.date(2027, 12, 15)),
        (dt.date(2026, 12, 31), 0, dt.date(2026, 12, 31)),
        (dt.date(2026, 11, 30), 1, dt.date(2026, 12, 30)),
        (dt.date(2026, 5, 31), 36, dt.date(2029, 5, 31)),
        (dt.date(2026, 1, 15), 24, dt.date(2028, 1, 15)),
    ],
)
def test_months_are_added_to_the_last_day_of_a_shorter_month(
    start: dt.date, months: int, due: dt.date
) -> None:
    assert add_months(start, months) == due


def test_a_date_may_be_written_with_spaces_or_read_as_a_date() -> None:
    assert ReviewDates.model_validate(
        {"last_reviewed": " 2026-11-20 ", "next_review": dt.date(2027, 1, 1)}
    ).last_reviewed == dt.date(2026, 11, 20)
    with pytest.raises(ValueError, match="is not a date written as YYYY-MM-DD"):
        ReviewDates.model_validate({"last_reviewed": dt.datetime(2026, 1, 1), "next_review": 1})
