"""Unfinished pages never reach readers: template words or no citation fail the
build, and `mkdocs serve` still shows such a page, under a "Draft" banner
(tests/test_serve_fast.py, with the other tests of a running server).

(healthsite/checks/unfinished.py; tests/test_new_page.py builds a page fresh
from `make new-page`.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from healthsite.checks.unfinished import (
    TemplateWords,
    template_sentences,
    unfinished_problems,
)
from healthsite.pages.frontmatter import PageType
from scripts.new_page import NEW_PAGE_TYPES, NewPage, page_text
from tests.sharedbuilds import PAGE_MISTAKES, SharedBuilds
from tests.sitebuild import ROOT, assert_fails_with, assert_lists, build
from tests.test_library import GUIDE

TEMPLATE = """# $title

Say in two or three short sentences what $title is
and who gets it.

## Questions to ask your doctor

- What can I do myself to help?

## When to get help

!!! urgent

    - list the signs that need help today
    - {{ sign('new-severe-pain') }} is kept as it is

Rest.
"""


def test_a_templates_instructions_are_its_sentences_not_headings_questions_or_macros() -> None:
    assert template_sentences(TEMPLATE) == [
        "Say in two or three short sentences what $title is and who gets it.",
        "list the signs that need help today",
    ]


def test_an_instruction_is_found_over_line_breaks_in_any_case_with_any_title() -> None:
    words = TemplateWords(template_sentences(TEMPLATE))
    page = (
        "---\ntitle: Back pain\n---\n\n# Back pain\n\n"
        "SAY in two or three short sentences what back pain\n  is and who gets it.\n\n"
        "!!! urgent\n\n    - List the signs that need help today\n\n"
        "- What can I do myself to help?\n\nWho gets it is not known.\n"
    )
    assert [(problem.line, problem.field) for problem in words.problems("p.md", page)] == [
        (7, "template text"),
        (12, "template text"),
    ]
    [first, _] = words.problems("p.md", page)
    assert str(first) == (
        "p.md:7: template text: 'SAY in two or three short sentences what back pain is and "
        "who gets it.' is an instruction of the page templates (scripts/page-templates/), "
        "not text for readers; expected your own words in its place"
    )


@pytest.mark.parametrize(
    ("page_type", "body", "uncited"),
    [
        ("guide", "Rest often.", True),
        ("guide", "Rest often.{{ cite('harden2010') }}", False),
        ("condition", "{{ stat('sandroni2003_incidence') }}", False),
        ("treatment", "{{ findings() }}", False),
        ("about", "Who we are.", False),  # not a library page
    ],
)
def test_a_library_page_must_cite_in_its_own_text(page_type: str, body: str, uncited: bool) -> None:
    text = f"---\ntitle: T\npage_type: {page_type}\n---\n\n# T\n\n{body}\n"
    problems = unfinished_problems(TemplateWords([]), "docs/t.md", text, page_type)
    expected = [f"docs/t.md:6: cite: this {page_type} page cites no source"] if uncited else []
    assert [str(problem).split(";")[0] for problem in problems] == expected


@pytest.mark.parametrize("page_type", NEW_PAGE_TYPES, ids=str)
def test_every_instruction_of_a_real_template_is_found_in_a_new_page(
    page_type: PageType,
) -> None:
    """Read from the templates themselves: edit a template, and the check follows."""
    words, problems = TemplateWords.load(ROOT)
    assert problems == []
    template = (ROOT / "scripts/page-templates" / f"{page_type}.md").read_text(encoding="utf-8")
    own = template_sentences(template)
    assert len(own) >= 5, own
    text = page_text(NewPage(page_type, "new-page", "A new page", ["other name"]))
    found = words.problems("docs/new-page.md", text)
    assert len(found) == len(own), "\n".join(map(str, found))
    # The suggested questions are the editor's to keep.
    assert not [problem for problem in found if "?" in problem.message]


def test_no_page_of_the_site_holds_template_words() -> None:
    words, _ = TemplateWords.load(ROOT)
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert len(pages) >= 10
    found = [
        str(problem)
        for path in pages
        for problem in words.problems(path.name, path.read_text(encoding="utf-8"))
    ]
    assert found == []


# tests/test_library.py's guide, without its one citation.
UNCITED_GUIDE = GUIDE.replace("{{ cite('harden2010') }}", "")
assert UNCITED_GUIDE != GUIDE


@PAGE_MISTAKES.mistake
def _uncited_guide(project: Path) -> None:
    """In one build with other pages' mistakes (tests/sharedbuilds.py)."""
    (project / "docs/guides/pacing.md").write_text(UNCITED_GUIDE, encoding="utf-8")


def test_a_guide_that_cites_nothing_fails_on_its_title_line(shared_builds: SharedBuilds) -> None:
    assert_lists(
        shared_builds.of(_uncited_guide).result,
        "Pages with problems",
        "docs/guides/pacing.md:12: cite: this guide page cites no source; expected a "
        "citation for each fact and figure, e.g. {{ cite('harden2010') }} after its "
        "sentence, with a key of data/sources.yml",
    )


def test_the_build_needs_the_page_templates(project: Path) -> None:
    shutil.rmtree(project / "scripts/page-templates")
    assert_fails_with(
        build(project),
        "scripts/page-templates: page templates: holds no page template (*.md); expected "
        "the templates `make new-page` writes pages from",
    )
