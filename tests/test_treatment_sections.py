"""Every treatment page has the same sections, in the same order (issue 11).

The build reads each treatment page's ``##`` headings as the editor wrote them
and stops, naming the file and line, when a section is missing, out of order,
written twice or not a treatment section, or when "When to get help" (which a
treatment without warning signs may leave out) lacks its urgent and emergency
cards.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from healthsite.checks.components import TREATMENT_SECTIONS, check_components
from healthsite.pages.frontmatter import read_front_matter
from tests.sharedbuilds import FRONT_MATTER_MISTAKES, SharedBuilds
from tests.sitebuild import ROOT, Build, assert_lists, edit, line_of

ORDER = (
    "expected the treatment sections in this order: What it is, Who it may help, "
    "What the research shows, What it involves, Side effects and risks, Questions to "
    "ask your doctor, then 'When to get help' if the treatment has warning signs "
    "(STYLE.md, 'Page structure')"
)
MEDICINES = "docs/treatments/medicines.md"
BLOCKS = "docs/treatments/sympathetic-nerve-blocks.md"
THERAPY = "docs/treatments/physical-and-occupational-therapy.md"
SCS = "docs/treatments/spinal-cord-stimulation.md"
TREATMENT_PAGES = sorted(
    path.relative_to(ROOT).as_posix()
    for path in (ROOT / "docs").rglob("*.md")
    if re.search(r"^page_type: treatment$", path.read_text(encoding="utf-8"), re.MULTILINE)
)


def problems_of(shown_as: str, text: str) -> list[str]:
    front, _ = read_front_matter(text, shown_as)
    return [str(problem) for problem in check_components(shown_as, text, front)]


def swap(text: str, first: str, second: str) -> str:
    """The text with the sections headed ``first`` and ``second`` (next to each other) swapped."""
    start, middle = text.index(f"## {first}\n"), text.index(f"## {second}\n")
    end = text.find("\n## ", middle + 1) + 1 or len(text)
    return text[:start] + text[middle:end] + text[start:middle] + text[end:]


# --- The site's own treatment pages -----------------------------------------------


def test_the_site_has_treatment_pages() -> None:
    assert len(TREATMENT_PAGES) >= 6
    assert "docs/treatments/iv-ketamine.md" in TREATMENT_PAGES


@pytest.mark.parametrize("shown_as", TREATMENT_PAGES)
def test_each_treatment_page_passes(shown_as: str) -> None:
    assert problems_of(shown_as, (ROOT / shown_as).read_text(encoding="utf-8")) == []


def test_readers_meet_the_sections_in_order_then_the_references(built_site: Build) -> None:
    html = built_site.page("treatments/iv-ketamine/")
    headings = [
        re.sub(r"<[^>]+>", "", heading).removesuffix("&para;").strip()
        for heading in re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    ]
    assert headings[: len(TREATMENT_SECTIONS)] == list(TREATMENT_SECTIONS)
    assert headings[-1] == "References"
    assert '<div class="care-card care-card--urgent">' in html
    assert '<div class="care-card care-card--emergency">' in html


def test_when_to_get_help_may_be_left_out() -> None:
    text = (ROOT / BLOCKS).read_text(encoding="utf-8")
    assert problems_of(BLOCKS, text[: text.index("## When to get help")]) == []


# --- Mistakes the build stops, all at once, with the file's line -------------------


@FRONT_MATTER_MISTAKES.mistake
def _section_mistakes(project: Path) -> None:
    """In one build with other pages' mistakes (tests/sharedbuilds.py)."""
    edit(project, MEDICINES, "## Who it may help\n", "### Who it may help\n")
    swapped = (project / BLOCKS).read_text(encoding="utf-8")
    swapped = swap(swapped, "What the research shows", "What it involves")
    (project / BLOCKS).write_text(swapped, encoding="utf-8")
    edit(project, SCS, "!!! emergency\n", "!!! non-urgent\n")
    edit(
        project, THERAPY, "## Questions to ask your doctor\n", "## Cost\n\nAsk.\n\n## References\n"
    )


def test_a_missing_or_swapped_section_fails_the_build_naming_each_page(
    shared_builds: SharedBuilds,
) -> None:
    shared = shared_builds.of(_section_mistakes)
    missing, swapped, no_card, extra = (
        shared.text(page) for page in (MEDICINES, BLOCKS, SCS, THERAPY)
    )
    assert_lists(
        shared.result,
        "Pages with problems",
        f"{MEDICINES}:{line_of(missing, '## What the research shows')}: headings: this "
        "treatment page has no 'Who it may help' section (it goes before 'What the research "
        f"shows'); {ORDER}",
        f"{BLOCKS}:{line_of(swapped, '## What the research shows')}: headings: 'What the "
        f"research shows' comes after 'What it involves'; {ORDER}",
        f"{SCS}:{line_of(no_card, '## When to get help')}: care card: the 'When to get help' "
        "section has no emergency card; expected '!!! emergency' in it (STYLE.md, 'When to "
        "get help')",
        f"{THERAPY}:{line_of(extra, '## Cost')}: headings: 'Cost' is not a treatment section "
        f"(make it a '###' heading inside one); {ORDER}",
        f"{THERAPY}:{line_of(extra, '## References')}: headings: 'References' is written by "
        "the build, from the page's citations; expected no References heading in the file",
        f"{THERAPY}:{line_of(extra, '## When to get help')}: headings: this treatment page "
        "has no 'Questions to ask your doctor' section (it goes before 'When to get help'); "
        f"{ORDER}",
    )


# --- The same check, on text (no build) --------------------------------------------

HEAD = "---\ntitle: Test\npage_type: treatment\n---\n\n# Test\n\n"


def page(*sections: str) -> str:
    return HEAD + "".join(f"## {section}\n\nText.\n\n" for section in sections)


def test_a_section_moved_far_up_is_named_once() -> None:
    *rest, last = TREATMENT_SECTIONS[:-1]
    assert problems_of("docs/t.md", page(last, *rest)) == [
        f"docs/t.md:8: headings: 'Questions to ask your doctor' comes before 'What it is'; {ORDER}"
    ]


def test_a_section_written_twice_and_one_left_out() -> None:
    sections = [*TREATMENT_SECTIONS[:3], "What the Research  shows", *TREATMENT_SECTIONS[4:-1]]
    assert problems_of("docs/t.md", page(*sections)) == [
        "docs/t.md:20: headings: 'What the Research  shows' is written twice (first on line "
        f"16); expected each section once; {ORDER}",
        "docs/t.md:24: headings: this treatment page has no 'What it involves' section (it "
        f"goes before 'Side effects and risks'); {ORDER}",
    ]


def test_a_page_with_no_sections_names_each_from_its_page_type() -> None:
    problems = problems_of("docs/t.md", HEAD + "Text.\n")
    assert problems[0] == (
        f"docs/t.md:3: headings: this treatment page has no 'What it is' section; {ORDER}"
    )
    assert len(problems) == len(TREATMENT_SECTIONS) - 1


def test_condition_and_guide_pages_are_not_held_to_the_treatment_sections() -> None:
    text = "---\ntitle: Test\npage_type: guide\n---\n\n# Test\n\n## Anything\n\nText.\n"
    assert problems_of("docs/t.md", text) == []


# --- Translations: a section is known by its id, in any language -------------------

SPANISH_SECTIONS = (
    "Qué es {#what-it-is}",
    "A quién puede ayudar {#who-it-may-help}",
    "Lo que muestra la investigación {#what-the-research-shows}",
    "En qué consiste {#what-it-involves}",
    "Efectos secundarios y riesgos {#side-effects-and-risks}",
    "Preguntas para su médico {#questions-to-ask-your-doctor}",
)


def test_translated_headings_with_the_english_ids_are_the_treatment_sections() -> None:
    assert problems_of("docs/t.es.md", page(*SPANISH_SECTIONS)) == []


def test_a_translated_heading_without_its_id_is_not_a_section() -> None:
    sections = ["Qué es", *SPANISH_SECTIONS[1:]]
    assert problems_of("docs/t.es.md", page(*sections))[0] == (
        f"docs/t.es.md:8: headings: 'Qué es' is not a treatment section (make it a '###' "
        f"heading inside one); {ORDER}"
    )
