"""healthsite/content/reviewers.py in-process: who the review box and the
About page name, whether a page tells readers no clinician checked it, and
each message for a reviewer written wrongly (README, "Mutation testing")."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from mkdocs.structure.files import File, Files

from healthsite.content.datafiles import load_reviewers
from healthsite.content.registry import DataFile
from healthsite.content.reviewers import (
    ReviewerEntry,
    Reviewers,
    check_reviewers,
    reviewer_keys,
    reviewers_page_url,
    translation_problems,
    unknown_reviewers,
)
from healthsite.content.wording import PageWording
from healthsite.pages.frontmatter import FrontMatter, read_front_matter
from healthsite.pages.translated import TranslationRecord
from healthsite.problems import Problem
from tests.mutationdata import front_matter

REVIEWERS = "data/reviewers.yml"
TEAM = {
    "name": "The editorial team",
    "role": "content editors",
    "kind": "organization",
    "conflicts_of_interest": {"statement": "none declared", "declared_on": "2026-11-20"},
    "es": {"name": "El equipo editorial", "role": "editores"},
}
CLINICIAN = {
    "name": "Dr Test <Example>",
    "role": "consultant  in pain medicine",
    "registration": {
        "body": "Example Council",
        "number": "0000007",
        "register_url": "https://example.org/register/7",
    },
    "conflicts_of_interest": {"statement": "paid talks for MedX.", "declared_on": "2026-01-02"},
}


def reviewers(language: str = "en") -> Reviewers:
    entries = {
        "editorial-team": ReviewerEntry.model_validate(TEAM),
        "test-clinician": ReviewerEntry.model_validate(CLINICIAN),
    }
    return Reviewers(entries, REVIEWERS, language)


def test_reviewed_by_is_one_key_or_a_list_of_keys() -> None:
    assert reviewer_keys("a") == ["a"]
    assert reviewer_keys(["a", 3, "b"]) == ["a", "b"]
    assert reviewer_keys({"name": "a"}) == []
    assert reviewer_keys(None) == []


def test_a_page_review_names_the_known_reviewers_in_order() -> None:
    review = reviewers().page_review(["test-clinician", "nobody", "editorial-team"], "guide")
    assert [reviewer.key for reviewer in review.reviewers] == ["test-clinician", "editorial-team"]
    assert review.page_type == "guide"
    assert review.checked_by_clinician
    assert not review.not_checked_by_clinician


def test_a_page_no_clinician_reviewed_tells_readers_so() -> None:
    review = reviewers().page_review("editorial-team", "about")
    assert not review.checked_by_clinician
    assert review.not_checked_by_clinician
    assert not reviewers().page_review([], "about").not_checked_by_clinician


def test_a_reviewer_is_named_in_the_sites_language() -> None:
    english = reviewers().by_key["editorial-team"]
    in_spanish = reviewers().in_language("es")
    assert in_spanish.shown_as == REVIEWERS
    spanish = in_spanish.by_key["editorial-team"]
    assert (english.name, english.role) == ("The editorial team", "content editors")
    assert (spanish.name, spanish.role) == ("El equipo editorial", "editores")
    clinician = reviewers("es").by_key["test-clinician"]
    assert (clinician.name, clinician.role) == ("Dr Test <Example>", "consultant  in pain medicine")
    assert clinician.anchor == "reviewer-test-clinician"
    assert clinician.registered_clinician
    assert not english.registered_clinician


def test_a_reviewer_with_spanish_name_only_keeps_the_english_role() -> None:
    entry = ReviewerEntry.model_validate({**TEAM, "es": {"name": "El equipo"}})
    reviewer = Reviewers({"t": entry}, REVIEWERS, "es").by_key["t"]
    assert (reviewer.name, reviewer.role) == ("El equipo", "content editors")


def test_the_about_page_lists_each_reviewer_as_a_heading_and_a_table() -> None:
    assert reviewers().page_list() == (
        "### The editorial team {#reviewer-editorial-team}\n\n"
        "<table>\n<tbody>\n"
        '<tr><th scope="row">Role</th><td>Content editors</td></tr>\n'
        '<tr><th scope="row">Professional license</th><td>None: not a licensed clinician</td>'
        "</tr>\n"
        '<tr><th scope="row">Conflicts of interest</th><td>None declared (20 November 2026)'
        "</td></tr>\n"
        "</tbody>\n</table>\n\n"
        "### Dr Test &lt;Example&gt; {#reviewer-test-clinician}\n\n"
        "<table>\n<tbody>\n"
        '<tr><th scope="row">Role</th><td>Consultant in pain medicine</td></tr>\n'
        '<tr><th scope="row">Professional license</th><td><a href="https://example.org/'
        'register/7">Example Council, license 0000007</a></td></tr>\n'
        '<tr><th scope="row">Conflicts of interest</th><td>Paid talks for MedX (2 January '
        "2026)</td></tr>\n"
        "</tbody>\n</table>"
    )


def test_a_registration_without_a_register_link_is_plain_text() -> None:
    entry = dict(CLINICIAN, registration={"body": "Council & Co", "number": "1"})
    listed = Reviewers({"c": ReviewerEntry.model_validate(entry)}, REVIEWERS).page_list()
    assert "<td>Council &amp; Co, license 1</td>" in listed


def test_the_spanish_about_page_lists_reviewers_in_spanish() -> None:
    words = {
        "reviewer_role": "Función",
        "reviewer_license": "Licencia",
        "reviewer_conflicts": "Conflictos",
        "reviewer_no_license": "Ninguna",
        "reviewer_none_declared": "ninguno declarado",
    }
    data_files = {"reviewers": DataFile(Path(REVIEWERS), REVIEWERS)}
    wording = PageWording(words, data_files, "es")
    listed = reviewers("es").page_list(wording)
    assert [(missing.key, missing.field) for missing in wording.missing] == [
        ("test-clinician", "name"),
        ("test-clinician", "role"),
    ]
    assert listed.startswith(
        "### El equipo editorial {#reviewer-editorial-team}\n\n<table>\n<tbody>\n"
        '<tr><th scope="row">Función</th><td>Editores</td></tr>\n'
        '<tr><th scope="row">Licencia</th><td>Ninguna</td></tr>\n'
        '<tr><th scope="row">Conflictos</th><td>Ninguno declarado (20 de noviembre de 2026)'
        "</td></tr>"
    )
    assert "<td>Paid talks for MedX (2 de enero de 2026)</td>" in listed


def test_an_organization_has_no_registration() -> None:
    entry = dict(TEAM, registration=CLINICIAN["registration"])
    with pytest.raises(ValueError, match="is given for an organization, which has none"):
        ReviewerEntry.model_validate(entry)
    person = dict(CLINICIAN, kind="person")
    assert ReviewerEntry.model_validate(person).registration is not None


def write_registry(project: Path, text: str) -> None:
    (project / "data").mkdir()
    (project / REVIEWERS).write_text(text, encoding="utf-8")


def test_a_missing_registry_is_named(tmp_path: Path) -> None:
    found, problems = load_reviewers(tmp_path)
    assert found.by_key == {}
    assert found.shown_as == REVIEWERS
    assert problems == [
        Problem(
            REVIEWERS,
            None,
            "(file)",
            "is missing; expected the registry of reviewers that pages name in reviewed_by",
        )
    ]


def test_registry_mistakes_are_named_with_their_lines(tmp_path: Path) -> None:
    write_registry(
        tmp_path,
        "good-one:\n  name: A\n  role: B\n  conflicts_of_interest:\n"
        "    statement: none declared\n    declared_on: 2026-11-20\n"
        "Dr_Lee:\n  name: Dr Lee\n  role: nurse\n"
        "5:\n  name: Five\n",
    )
    found, problems = load_reviewers(tmp_path)
    assert list(found.by_key) == ["good-one"]
    assert found.shown_as == REVIEWERS
    assert [str(problem) for problem in problems] == [
        f"{REVIEWERS}:7: Dr_Lee.conflicts_of_interest: is missing; expected statement (or "
        "'none declared') and declared_on, the date it was made",
        f"{REVIEWERS}:10: 5.role: is missing; expected their role, e.g. 'consultant in pain "
        "medicine'",
        f"{REVIEWERS}:10: 5.conflicts_of_interest: is missing; expected statement (or "
        "'none declared') and declared_on, the date it was made",
        f"{REVIEWERS}:7: Dr_Lee: is not a usable key; expected lower-case letters, digits and "
        "hyphens, e.g. asha-patel",
        f"{REVIEWERS}:10: 5: is not a usable key; expected lower-case letters, digits and "
        "hyphens, e.g. asha-patel",
    ]


def test_a_reviewer_under_an_unusable_key_is_named_and_not_kept(tmp_path: Path) -> None:
    """No page can name it: its key is not one front matter accepts."""
    write_registry(
        tmp_path,
        "Dr_Lee:\n  name: Dr Lee\n  role: nurse\n  conflicts_of_interest:\n"
        "    statement: none declared\n    declared_on: 2026-11-20\n",
    )
    found, problems = load_reviewers(tmp_path)
    assert found.by_key == {}
    assert [str(problem) for problem in problems] == [
        f"{REVIEWERS}:1: Dr_Lee: is not a usable key; expected lower-case letters, digits and "
        "hyphens, e.g. asha-patel"
    ]


def test_an_unreadable_registry_is_named_once(tmp_path: Path) -> None:
    write_registry(tmp_path, "a: [\n")
    _, problems = load_reviewers(tmp_path)
    assert len(problems) == 1
    assert problems[0].field == "yaml"
    write_registry_text = tmp_path / REVIEWERS
    write_registry_text.write_text("- a\n- b\n", encoding="utf-8")
    _, problems = load_reviewers(tmp_path)
    assert [str(problem) for problem in problems] == [
        f"{REVIEWERS}:1: (file): must be a mapping of key: entry"
    ]


def test_an_impossible_date_in_the_registry_is_named_with_its_line(tmp_path: Path) -> None:
    write_registry(
        tmp_path,
        "a:\n  name: A\n  role: B\n  conflicts_of_interest:\n"
        "    statement: none declared\n    declared_on: 2026-13-01\n",
    )
    _, problems = load_reviewers(tmp_path)
    assert [str(problem) for problem in problems] == [
        f"{REVIEWERS}:6: a.conflicts_of_interest.declared_on: '2026-13-01' is not a date in the "
        "calendar; expected the date they made the statement, as YYYY-MM-DD"
    ]


def test_unknown_reviewer_keys_are_named_on_their_lines() -> None:
    pages = [
        front_matter("title: A\nreviewed_by: dr-nobody\n", "docs/a.md"),
        front_matter(
            "title: B\nreviewed_by:\n  - editorial-team\n  - asha-patel\n  - 5\n", "docs/b.md"
        ),
        front_matter("title: C\n", "docs/c.md"),
    ]
    expected = "expected one of editorial-team, test-clinician (add a new reviewer there first)"
    assert [str(problem) for problem in unknown_reviewers(pages, reviewers())] == [
        f"docs/a.md:3: reviewed_by: 'dr-nobody' is not a reviewer in {REVIEWERS}; {expected}",
        f"docs/b.md:5: reviewed_by: 'asha-patel' is not a reviewer in {REVIEWERS}; {expected}",
    ]


def test_with_nobody_in_the_registry_the_message_says_so() -> None:
    pages = [front_matter("reviewed_by: someone\n")]
    [problem] = unknown_reviewers(pages, Reviewers({}, REVIEWERS))
    assert problem.message == (
        f"'someone' is not a reviewer in {REVIEWERS}; expected one of (none: {REVIEWERS} lists "
        "nobody yet) (add a new reviewer there first)"
    )


def about_files(tmp_path: Path, about: str | None) -> Files:
    docs = tmp_path / "docs"
    docs.mkdir()
    files = []
    if about is not None:
        (docs / "about.md").write_text(about, encoding="utf-8")
        files.append(File("about.md", str(docs), str(tmp_path / "site"), use_directory_urls=True))
    return Files(files)


def test_the_about_page_must_list_the_reviewers(tmp_path: Path) -> None:
    files = about_files(tmp_path, "# About\n\n{{ reviewers_list() }}\n")
    assert reviewers_page_url(files) == "about/"
    pages = [front_matter("reviewed_by: nobody\n")]
    assert [problem.field for problem in check_reviewers(files, pages, reviewers(), "docs")] == [
        "reviewed_by"
    ]


def test_an_about_page_without_the_list_is_named(tmp_path: Path) -> None:
    files = about_files(tmp_path, "# About\n")
    assert check_reviewers(files, [], reviewers(), "pages") == [
        Problem(
            "pages/about.md",
            None,
            "reviewers",
            "does not list the reviewers, but every page's review box links to that list; "
            "expected a line holding {{ reviewers_list() }} under a heading such as "
            "'## Who reviews our pages'",
        )
    ]


def test_a_site_without_an_about_page_is_told_to_add_one(tmp_path: Path) -> None:
    files = about_files(tmp_path, None)
    assert reviewers_page_url(files) == ""
    assert check_reviewers(files, [], reviewers(), "docs") == [
        Problem(
            "docs/about.md",
            None,
            "reviewers",
            "is missing, but every page's review box links to its list of reviewers; "
            "expected an About page holding {{ reviewers_list() }}",
        )
    ]


def test_a_translator_must_be_in_the_registry() -> None:
    def translated_by(key: str, shown_as: str) -> FrontMatter:
        text = (
            "---\ntitle: A\ntranslation:\n  fingerprint: abc\n  translated: 2026-12-01\n"
            f"  translated_by: {key}\n---\n"
        )
        front, _ = read_front_matter(text, shown_as)
        assert front is not None
        record = TranslationRecord.model_validate(front.written["translation"])
        return replace(front, translation=record)

    pages = [
        translated_by("editorial-team", "docs/a.es.md"),
        translated_by("ana-lopez", "docs/b.es.md"),
        front_matter("title: C\n", "docs/c.md"),
    ]
    assert [str(problem) for problem in translation_problems(pages, reviewers())] == [
        f"docs/b.es.md:6: translation.translated_by: 'ana-lopez' is not in {REVIEWERS}; "
        "expected one of editorial-team, test-clinician (add the translator there first)"
    ]
