"""Page components in the built HTML, and the editor mistakes the build stops.

Care cards ("When to get help"), the key points box and "Also called" under
the title (healthsite/html/components.py); the checks of what editors write
(healthsite/checks/components.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from healthsite.checks.components import check_components
from healthsite.pages.frontmatter import read_front_matter
from tests.pagetext import front_matter
from tests.sharedbuilds import LIBRARY_MISTAKES, PAGE_EDITS, SharedBuilds
from tests.sitebuild import ROOT, Build, assert_lists, line_of

SIGNS_CALL = re.compile(r"\{\{ signs\((.*?)\) \}\}", re.DOTALL)
CRPS = "conditions/crps/"
CRPS_FILE = "docs/conditions/crps.md"
KETAMINE = "treatments/iv-ketamine/"


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def article(built_site: Build, url_path: str) -> Tag:
    found = soup(built_site.page(url_path)).select_one("article.md-content__inner")
    assert found is not None
    return found


def crps_text() -> str:
    return (ROOT / CRPS_FILE).read_text(encoding="utf-8")


# --- Care cards in the built page --------------------------------------------


def test_crps_when_to_get_help_is_three_cards_with_real_headings(built_site: Build) -> None:
    page = article(built_site, CRPS)
    section = page.find("h2", id="when-to-get-help")
    assert isinstance(section, Tag)
    cards = section.find_next_siblings("div", class_="care-card")
    assert [card["class"] for card in cards] == [
        ["care-card", "care-card--non-urgent"],
        ["care-card", "care-card--urgent"],
        ["care-card", "care-card--emergency"],
    ]
    headings = [card.find(["h2", "h3", "h4"]) for card in cards]
    # One level under "When to get help" (h2), and no admonition title left.
    assert [heading.name for heading in headings if heading] == ["h3", "h3", "h3"]
    assert not page.select(".admonition, .admonition-title")
    assert [heading.get_text() for heading in headings if heading] == [
        "Non-urgent advice: Make an appointment to see your doctor if:",
        "Urgent advice: Get help today from your doctor, an urgent care center "
        "or a nurse advice line if:",
        "Emergency: Call 911 or go to the emergency room if:",
    ]
    hidden = [heading.select_one(".visually-hidden") for heading in headings if heading]
    assert [span.get_text() if span else None for span in hidden] == [
        "Non-urgent advice: ",
        "Urgent advice: ",
        "Emergency: ",
    ]
    # The signs the file lists by key, each cited to its own source.
    keys = [re.findall(r"'(\w+)'", call) for call in SIGNS_CALL.findall(crps_text())]
    signs = [card.select(".care-card__content > ul > li") for card in cards]
    assert [len(listed) for listed in signs] == [len(card_keys) for card_keys in keys]
    assert all(sign.select_one("a.footnote-ref") for listed in signs for sign in listed)
    assert "you are thinking about harming yourself" in cards[2].get_text()


def test_card_headings_are_not_sections_in_on_this_page(built_site: Build) -> None:
    toc = soup(built_site.page(CRPS)).select_one("nav.md-nav--secondary")
    assert toc is not None
    assert "When to get help" in toc.get_text()
    assert "Emergency" not in toc.get_text()
    assert "Key points" not in toc.get_text()


# --- Key points ----------------------------------------------------------------


def test_crps_key_points_follow_the_opening_and_every_point_is_cited(built_site: Build) -> None:
    page = article(built_site, CRPS)
    box = page.select_one("div.key-points")
    assert box is not None
    heading = box.find("h2", class_="key-points__heading")
    assert heading is not None
    assert heading.get_text() == "Key points"
    points = box.select(".key-points__content > ul > li")
    assert 3 <= len(points) <= 5
    assert all(point.select_one("a.footnote-ref") for point in points)
    # After the opening paragraphs, before the first section.
    assert [p.name for p in box.find_previous_siblings()][:2] == ["p", "p"]
    first_section = box.find_next_sibling("h2")
    assert first_section is not None
    assert first_section.get("id") == "symptoms"


# --- "Also called" ---------------------------------------------------------------


def also_called(built_site: Build, url_path: str) -> str | None:
    line = article(built_site, url_path).select_one("h1 + p.also-called")
    return line.get_text() if line else None


def test_also_called_under_the_title_skips_the_abbreviation_the_title_has(
    built_site: Build,
) -> None:
    names = front_matter("conditions/crps.md")["alternative_names"]
    assert names[0] == "CRPS"
    assert also_called(built_site, CRPS) == "Also called: " + ", ".join(names[1:])


def test_also_called_on_a_treatment_page_lists_every_name(built_site: Build) -> None:
    names = front_matter("treatments/iv-ketamine.md")["alternative_names"]
    assert also_called(built_site, KETAMINE) == "Also called: " + ", ".join(names)


@pytest.mark.parametrize("url_path", ["", "glossary/", "about/"])
def test_pages_that_are_not_conditions_or_treatments_have_no_also_called(
    built_site: Build, url_path: str
) -> None:
    assert also_called(built_site, url_path) is None


@PAGE_EDITS.edit
def _other_name(project: Path) -> None:
    """In one passing build with other modules' edits (tests/sharedbuilds.py)."""
    page = project / CRPS_FILE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("  - causalgia\n", "  - causalgia\n  - RSD type 1\n"))


def test_also_called_follows_the_front_matter(shared_builds: SharedBuilds) -> None:
    result = shared_builds.of(_other_name).result
    assert result.returncode == 0, result.output
    line = soup(result.page(CRPS)).select_one("p.also-called")
    assert line is not None
    assert "causalgia, RSD type 1, Sudeck's atrophy" in line.get_text()


# --- Mistakes the build stops, with the file's line ----------------------------


@LIBRARY_MISTAKES.mistake
def _unknown_box_type(project: Path) -> None:
    """In one build with other pages' mistakes (tests/sharedbuilds.py)."""
    page = project / CRPS_FILE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("!!! urgent ", "!!! urgnet "), encoding="utf-8")


def test_unknown_box_type_fails_naming_the_line_and_the_likely_type(
    shared_builds: SharedBuilds,
) -> None:
    shared = shared_builds.of(_unknown_box_type)
    text = shared.text(CRPS_FILE)
    line = next(n for n, lin in enumerate(text.splitlines(), 1) if lin.startswith("!!! urgnet "))
    help_line = line_of(text, "## When to get help")
    assert_lists(
        shared.result,
        "Pages with problems",
        f"{CRPS_FILE}:{line}: admonition: 'urgnet' is not a box type of this site; "
        "expected non-urgent, urgent, emergency (care cards), key-points, or note, tip, "
        "warning; did you mean 'urgent'?",
        # ...so the section has no urgent card left.
        f"{CRPS_FILE}:{help_line}: care card: the 'When to get help' section has no urgent "
        "card; expected '!!! urgent' in it (STYLE.md, 'When to get help')",
    )


def crps_problems(text: str) -> list[str]:
    """In-process: the component problems of the CRPS page as ``text`` has it, as the build
    words them (the test above shows a component problem fails the build)."""
    front, _ = read_front_matter(text, CRPS_FILE)
    return [str(problem) for problem in check_components(CRPS_FILE, text, front)]


def test_card_with_six_signs_fails_naming_its_line_and_the_extra_sign() -> None:
    text = crps_text()
    last = "'self_harm') }}\n"
    more = "'self_harm',\n             'tricyclic_overdose', 'gabapentinoid_breathing') }}\n"
    assert last in text
    card = line_of(text, "!!! emergency")
    sixth = next(n for n, line in enumerate(text.splitlines(), 1) if "'self_harm'" in line) + 1
    assert crps_problems(text.replace(last, more)) == [
        f"{CRPS_FILE}:{card}: care card: this emergency card lists 6 warning signs (one too "
        f"many from line {sixth}); expected at most 5: keep the signs readers most need, "
        "or split the card"
    ]


def test_key_points_outside_3_to_5_bullets_fail() -> None:
    text = crps_text()
    start = text.index("!!! key-points")
    end = text.index("## Symptoms")
    two_points = "!!! key-points\n\n    - CRPS is a long pain.\n    - It can get better.\n\n"
    box = line_of(text, "!!! key-points")
    assert crps_problems(text[:start] + two_points + text[end:]) == [
        f"{CRPS_FILE}:{box}: key points: the key points box has 2 bullet points; expected 3 to 5"
    ]


def test_condition_page_without_when_to_get_help_fails() -> None:
    text = crps_text()
    page_type = line_of(text, "page_type: condition")
    assert crps_problems(text[: text.index("## When to get help")]) == [
        f"{CRPS_FILE}:{page_type}: care card: this condition page has no 'When to get help' "
        "section; expected '## When to get help' with at least an urgent and an emergency "
        "card (STYLE.md, 'When to get help')"
    ]


# --- The same checks, on text (no build): what they read and what they skip ----

PAGE = """---
title: Test
page_type: condition
---

# Test

!!! note "A code sample is not a box:"

    ```markdown
    !!! urgnet
    ```

## When to get help

!!! urgent

    {{ signs('one',
             'two') }}

!!! emergency "Call 911 if:"

    {{ signs('three') }}

```markdown
!!! emergency

    - a sample of eight bullets is not checked
```
"""


def test_checks_skip_code_samples() -> None:
    assert check_components("docs/test.md", PAGE, None) == []


def test_a_folded_card_or_a_bad_box_line_fails() -> None:
    text = '# Test\n\n??? urgent\n\n    - one\n\n!!! "No type"\n\n!!! tip\n\n    text\n'
    problems = [str(problem) for problem in check_components("docs/test.md", text, None)]
    assert problems == [
        "docs/test.md:3: admonition: '??? urgent' folds the box away, where readers can "
        "miss it; expected '!!! urgent', always open",
        "docs/test.md:7: admonition: this '!!!' line is not a box; expected '!!! type' or "
        "'!!! type \"Title\"', the type in lowercase letters and dashes",
    ]


def test_a_second_key_points_box_fails() -> None:
    points = "!!! key-points\n\n    - a\n    - b\n    - c\n\n"
    problems = check_components("docs/test.md", f"# Test\n\n{points}{points}", None)
    assert [str(problem) for problem in problems] == [
        "docs/test.md:9: key points: a second key points box (the first is on line 3); "
        "expected one per page, near the top"
    ]
