"""The library readers browse: related pages, section lists, the A to Z, the home page.

Everything here is made by the build from front matter, so the tests add
pages to a copy of the project and look at the built HTML.
"""

from __future__ import annotations

import html as html_text
import json
import re
from pathlib import Path

import pytest

from healthsite.library.model import SHOWN_BY_NAME
from tests.pagetext import built_pages, front_matter
from tests.sharedbuilds import LIBRARY_MISTAKES, SharedBuilds
from tests.sitebuild import (
    ROOT,
    Build,
    assert_fails_with,
    build,
    builds_site,
    copy_project,
    edit,
    line_of,
)

# The builds below are shared by the tests of this file: one worker runs them all.
pytestmark = pytest.mark.xdist_group("library")

GUIDE = """---
title: Pacing your day
description: How to plan your day so that pain does not stop you doing what matters.
page_type: guide
related_pages:
  - conditions/crps.md
reviewed_by: editorial-team
last_reviewed: 2026-11-20
next_review: 2027-11-20
---

# Pacing your day

Plan your day in small steps. Rest before the pain gets bad, not after.{{ cite('harden2010') }}
"""
CONDITION = """---
title: {title}
description: What {title} is and how it is treated.
page_type: condition
alternative_names:
  - {other_name}
reviewed_by: editorial-team
last_reviewed: 2026-11-20
next_review: 2027-11-20
---

# {title}

It is a kind of pain. A doctor can help you with it.{{{{ cite('harden2010') }}}}

## When to get help

!!! urgent "Get help today from your doctor or an urgent care center if:"

    {{{{ signs('pain_swelling_fast') }}}}

!!! emergency "Call 911 or go to the emergency room if:"

    {{{{ signs('limb_cold_sudden') }}}}
"""
# Five more conditions than the site has (a section still small enough for the
# home page to name every page of it).
EXTRA_CONDITIONS = {
    "arm-pain": ("Arm pain", "sore arm"),
    "back-pain": ("Back pain", "lumbago"),
    "foot-pain": ("Foot pain", "sore foot"),
    "hand-pain": ("Hand pain", "sore hand"),
    "zoster-pain": ("Zoster pain", "1 shingles pain"),
}
RELATED_BLOCK = re.compile(r'<nav aria-labelledby="related-pages"[^>]*>(.*?)</nav>', re.DOTALL)
LINK = re.compile(r'<a href="([^"]+)"[^>]*>(.*?)</a>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def text(html: str) -> str:
    return " ".join(TAG.sub("", html).split())


def related_links(html: str, heading_id: str | None = None) -> list[tuple[str, str]]:
    """(address, text) of each link in the page's "Related pages" block, or only
    under its sub-heading ``heading_id`` (e.g. "related-treatments")."""
    block = RELATED_BLOCK.search(html)
    assert block, "no Related pages block"
    links = block.group(1)
    if heading_id is not None:
        assert f'id="{heading_id}"' in links, f"no {heading_id} heading in Related pages"
        links = links.split(f'id="{heading_id}"', 1)[1].split("<h3", 1)[0]
    return [(href, text(label)) for href, label in LINK.findall(links)]


def add_page(project: Path, src_path: str, markdown: str) -> None:
    path = project / "docs" / src_path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markdown, encoding="utf-8")


@pytest.fixture(scope="module")
@builds_site
def library(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site with a guide and five more conditions, none of them added to the nav."""
    project = copy_project(tmp_path_factory.mktemp("library"))
    add_page(project, "guides/pacing.md", GUIDE)
    for slug, (title, other_name) in EXTRA_CONDITIONS.items():
        add_page(
            project, f"conditions/{slug}.md", CONDITION.format(title=title, other_name=other_name)
        )
    result = build(project)
    assert result.returncode == 0, result.output
    return result


# --- Related pages ---------------------------------------------------------


def test_a_condition_lists_its_treatments_and_each_treatment_its_conditions(
    built_site: Build,
) -> None:
    crps = built_site.page("conditions/crps/")
    ketamine = built_site.page("treatments/iv-ketamine/")
    # In the order the CRPS page types them, each under its own title.
    typed = front_matter("conditions/crps.md")["possible_treatments"]
    assert related_links(crps, "related-treatments") == [
        (f"../../{path.removesuffix('.md')}/", front_matter(path)["title"]) for path in typed
    ]
    assert '<h3 id="related-treatments">Treatment pages' in crps
    # Computed from the CRPS page's possible_treatments: typed on one side only.
    assert "possible_treatments" not in (ROOT / "docs/treatments/iv-ketamine.md").read_text()
    assert related_links(ketamine) == [
        ("../../conditions/crps/", "Complex regional pain syndrome (CRPS)")
    ]
    assert '<h3 id="related-conditions">Conditions this treatment is used for' in ketamine


def test_the_related_block_comes_after_the_article_and_before_the_references(
    built_site: Build,
) -> None:
    html = built_site.page("conditions/crps/")
    when_to_get_help = html.index('id="when-to-get-help"')
    related = html.index('id="related-pages"')
    references = html.index('<h2 id="references">')
    assert when_to_get_help < related < references


SITE = "https://crps-info.github.io/site/"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


# Conditions added beyond SHOWN_BY_NAME, each naming IV ketamine as a treatment.
MORE = 5


@pytest.fixture(scope="module")
@builds_site
def many_conditions(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site with SHOWN_BY_NAME + 4 more conditions, each treated with IV
    ketamine: a section and a "used for" list too long to name in full."""
    project = copy_project(tmp_path_factory.mktemp("many-conditions"))
    more = MORE
    for number in range(1, SHOWN_BY_NAME + more):
        title = f"Condition {number:02}"
        markdown = CONDITION.format(title=title, other_name=f"other name {number}").replace(
            "page_type: condition\n",
            "page_type: condition\npossible_treatments:\n  - treatments/iv-ketamine.md\n",
        )
        if number == SHOWN_BY_NAME + more - 1:
            markdown = markdown.replace(
                f"title: {title}\n", f"title: '{title}: *ache* [left] & (right)'\n"
            )
        add_page(project, f"conditions/condition-{number:02}.md", markdown)
    result = build(project)
    assert result.returncode == 0, result.output
    return result


def test_a_treatment_used_for_many_conditions_lists_ten_and_says_how_many_more(
    many_conditions: Build,
) -> None:
    """However many conditions name a treatment, its page lists the first ten
    by title, says how many more, and leads to the list of every condition."""
    result, more = many_conditions, MORE
    html = result.page("treatments/iv-ketamine/")
    # CRPS and the new ones, by title: "Complex ..." comes before "Condition 01".
    shown = [("../../conditions/crps/", "Complex regional pain syndrome (CRPS)")] + [
        (f"../../conditions/condition-{number:02}/", f"Condition {number:02}")
        for number in range(1, SHOWN_BY_NAME)
    ]
    block = RELATED_BLOCK.search(html)
    assert block
    assert LINK.findall(block.group(1)) == [*shown, ("../../conditions/", "Conditions")]
    assert f"And {more} more conditions. Every condition is listed on the Conditions page." in (
        text(block.group(1))
    )
    # The page's JSON-LD names the same ten, not every condition.
    [document] = [
        found
        for found in map(json.loads, JSON_LD.findall(html))
        if found.get("@type") == "MedicalWebPage"
    ]
    indications = [item["url"] for item in document["about"]["indication"]]
    assert len(indications) == SHOWN_BY_NAME
    assert [url.removeprefix(SITE) for url in document["relatedLink"]] == [
        address.removeprefix("../../") for address, _ in shown
    ]
    # Every condition is still on the Conditions page and in the A to Z, each
    # title shown as typed (the last one's * [ & < are not Markdown or HTML).
    conditions = result.page("conditions/")
    a_to_z = result.page("a-to-z/")
    for number in range(1, SHOWN_BY_NAME + more):
        shown_title = f"Condition {number:02}"
        if number == SHOWN_BY_NAME + more - 1:
            shown_title += ": *ache* [left] &amp; (right)"
        assert f'<a href="condition-{number:02}/">{shown_title}</a>' in conditions
        assert f'<a href="../conditions/condition-{number:02}/">{shown_title}</a>' in a_to_z


def test_related_pages_typed_once_show_on_both_pages(library: Build) -> None:
    guide = library.page("guides/pacing/")
    crps = library.page("conditions/crps/")
    assert related_links(guide) == [
        ("../../conditions/crps/", "Complex regional pain syndrome (CRPS)")
    ]
    assert ("../../guides/pacing/", "Pacing your day") in related_links(crps)
    # Beside the treatments, the guide is under its own heading.
    assert '<h3 id="related-more">More to read' in crps


class Mistakes:
    """A built copy of the project with several mistakes, and the edited pages' texts."""

    def __init__(self, result: Build, texts: dict[str, str]) -> None:
        self.result = result
        self.texts = texts

    def line(self, page: str, line: str) -> int:
        return line_of(self.texts[page], line)


# The pages of the mistakes below, by the names the tests give them.
MISTAKES_PAGES = {
    "diagnosis": "docs/guides/diagnosis.md",
    "guide": "docs/guides/pacing.md",
    "crps": "docs/conditions/crps.md",
    "ketamine": "docs/treatments/iv-ketamine.md",
    "conditions": "docs/conditions/index.md",
    "a-to-z": "docs/a-to-z.md",
}


@LIBRARY_MISTAKES.mistake
def _mistakes(project: Path) -> None:
    """The relation, heading and listing mistakes below, each on its own page or
    its own lines, in one build with other pages' mistakes (tests/sharedbuilds.py):
    the build names every one of them at once."""
    edit(
        project,
        "docs/guides/diagnosis.md",
        "related_pages:\n",
        "related_pages:\n  - guides/resting.md\n",
    )
    add_page(
        project,
        "guides/pacing.md",
        GUIDE.replace(
            "  - conditions/crps.md\n",
            "  - conditions/crps.md\n  - docs/treatments/iv-ketamine.md\n  - guides/pacing.md\n",
        ),
    )
    edit(
        project,
        "docs/conditions/crps.md",
        "  - treatments/iv-ketamine.md\n",
        "  - treatments/iv-ketamine.md\n  - conditions/crps.md\n"
        "related_pages:\n  - guides/pacing.md\n",
    )
    add_page(
        project, "conditions/back-pain.md", CONDITION.format(title="Back pain", other_name="x")
    )
    edit(
        project,
        "docs/conditions/crps.md",
        "  - treatments/iv-ketamine.md\n",
        "  - treatments/iv-ketamine.md\n  - conditions/back-pain.md\n",
    )
    edit(
        project,
        "docs/treatments/iv-ketamine.md",
        "page_type: treatment\n",
        "page_type: treatment\npossible_treatments:\n  - treatments/iv-ketamine.md\n",
    )
    page = project / "docs/treatments/iv-ketamine.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n## Related pages\n\n- [CRPS](../conditions/crps.md)\n",
        encoding="utf-8",
    )
    edit(project, "docs/conditions/index.md", "page_list('condition')", "page_list('illness')")
    edit(project, "docs/a-to-z.md", "{{ a_to_z() }}", "<div>\n{{ a_to_z() }}\n</div>")


@pytest.fixture
def mistakes(shared_builds: SharedBuilds) -> Mistakes:
    shared = shared_builds.of(_mistakes)
    return Mistakes(
        shared.result, {name: shared.text(page) for name, page in MISTAKES_PAGES.items()}
    )


def test_a_related_page_that_does_not_exist_names_the_file_and_line(mistakes: Mistakes) -> None:
    assert_fails_with(
        mistakes.result,
        f"docs/guides/diagnosis.md:{mistakes.line('diagnosis', '  - guides/resting.md')}: "
        "related_pages: 'guides/resting.md' is not a page of the site; expected the path of a "
        "page under docs/, e.g. conditions/crps.md",
    )


def test_relation_mistakes_are_named_with_their_lines(mistakes: Mistakes) -> None:
    guide, crps, ketamine = (
        mistakes.texts["guide"],
        mistakes.texts["crps"],
        mistakes.texts["ketamine"],
    )
    assert_fails_with(
        mistakes.result,
        f"docs/guides/pacing.md:{line_of(guide, '  - docs/treatments/iv-ketamine.md')}: "
        "related_pages: 'docs/treatments/iv-ketamine.md' is not a page of the site; expected "
        "the path of a page under docs/, e.g. conditions/crps.md (without 'docs/': "
        "treatments/iv-ketamine.md)",
        f"docs/guides/pacing.md:{line_of(guide, '  - guides/pacing.md')}: related_pages: "
        "'guides/pacing.md' is this page itself; expected another page",
        f"docs/conditions/crps.md:{line_of(crps, '  - conditions/crps.md')}: "
        "possible_treatments: 'conditions/crps.md' is this page itself; expected another page",
        f"docs/guides/pacing.md:{line_of(guide, '  - conditions/crps.md')}: related_pages: "
        "'conditions/crps.md' already lists this page (docs/conditions/crps.md, line "
        f"{line_of(crps, '  - guides/pacing.md')}), and the build shows a relation on both "
        "pages; expected it typed once: remove this entry",
        f"docs/treatments/iv-ketamine.md:{line_of(ketamine, 'possible_treatments:')}: "
        "possible_treatments: only condition pages list their treatments, and this is a "
        "treatment page; expected related_pages: for the pages it is related to",
    )


def test_a_treatment_of_a_condition_must_be_a_treatment_page(mistakes: Mistakes) -> None:
    assert_fails_with(
        mistakes.result,
        f"docs/conditions/crps.md:{mistakes.line('crps', '  - conditions/back-pain.md')}: "
        "possible_treatments: 'conditions/back-pain.md' is a condition page; expected the path "
        "of a treatment page under docs/, e.g. treatments/iv-ketamine.md",
    )


def test_a_typed_related_pages_heading_fails_with_its_line(mistakes: Mistakes) -> None:
    assert_fails_with(
        mistakes.result,
        f"docs/treatments/iv-ketamine.md:{mistakes.line('ketamine', '## Related pages')}: "
        "heading: '## Related pages' is written by the build from the front matter; expected "
        "no such heading: remove it and its list, and name the pages in related_pages (or "
        "possible_treatments) instead",
    )


def test_an_unknown_section_in_page_list_fails_with_its_line(mistakes: Mistakes) -> None:
    call_line = mistakes.line("conditions", "{{ page_list('illness') }}")
    assert_fails_with(
        mistakes.result,
        f"docs/conditions/index.md:{call_line}: page_list: "
        "'illness' is not the page type of a section; expected one of 'condition', 'treatment', "
        "'guide'",
    )


def test_a_listing_macro_inside_an_html_block_fails_with_its_line(mistakes: Mistakes) -> None:
    """Raw HTML is not Markdown: the A to Z cannot go there, so the build says so
    rather than show a placeholder."""
    assert_fails_with(
        mistakes.result,
        f"docs/a-to-z.md:{mistakes.line('a-to-z', '{{ a_to_z() }}')}: a_to_z: "
        "{{ a_to_z() }} is inside code or an HTML block, where its listing cannot go; "
        "expected the call on a line of its own, outside code and HTML",
    )


# --- Sections and navigation -------------------------------------------------


def test_section_pages_list_every_page_with_its_description(library: Build) -> None:
    conditions = library.page("conditions/")
    titles = [text(label) for _, label in LINK.findall(conditions.split('class="hs-page-list')[1])]
    listed = titles[: len(EXTRA_CONDITIONS) + 1]
    assert listed == sorted(
        ["Complex regional pain syndrome (CRPS)", *(t for t, _ in EXTRA_CONDITIONS.values())],
        key=str.casefold,
    )
    assert front_matter("conditions/crps.md")["description"] in text(conditions)
    assert '<a href="pacing/">Pacing your day</a>' in library.page("guides/")


def primary_sidebar_links(html: str) -> list[tuple[str, str]]:
    """(address, text) of each link in the sidebar, the page's "On this page" links left out."""
    start = html.index("md-nav--primary")
    sidebar = html[start : html.index('<div class="md-sidebar md-sidebar--secondary"', start)]
    return [
        (href, text(label)) for href, label in LINK.findall(sidebar) if not href.startswith("#")
    ]


def test_a_small_sections_pages_are_listed_in_its_sidebar_under_their_section(
    library: Build,
) -> None:
    # Six conditions, at most SHOWN_BY_NAME: every one of them, by title, in
    # the sidebar of each (the page shown links to itself, "./").
    html = library.page("conditions/back-pain/")
    titles = sorted(
        ["Complex regional pain syndrome (CRPS)", *(t for t, _ in EXTRA_CONDITIONS.values())],
        key=str.casefold,
    )
    listed = [(href, label) for href, label in primary_sidebar_links(html) if label in titles]
    assert [label for _, label in listed] == titles
    assert ("../crps/", "Complex regional pain syndrome (CRPS)") in listed
    assert ("./", "Back pain") in listed
    active_tab = re.search(
        r'md-tabs__item--active">\s*<a href="([^"]+)"[^>]*>(.*?)</a>', html, re.S
    )
    assert active_tab, "no active tab"
    assert (active_tab[1], text(active_tab[2])) == ("../", "Conditions")
    breadcrumbs = re.search(
        r'<nav class="md-path" aria-label="Breadcrumb"\s*>(.*?)</nav>', html, re.S
    )
    assert breadcrumbs, "no breadcrumbs"
    assert [text(label) for _, label in LINK.findall(breadcrumbs[1])] == ["Home", "Conditions"]


def test_a_big_sections_sidebar_lists_the_page_shown_and_leads_to_all_of_them(
    many_conditions: Build,
) -> None:
    """Beyond SHOWN_BY_NAME pages, a page's sidebar does not list the section:
    only the page itself, then "All N conditions", so it stays the same size."""
    count = SHOWN_BY_NAME + MORE
    html = many_conditions.page("conditions/condition-05/")
    links = primary_sidebar_links(html)
    conditions = [
        (href, label) for href, label in links if label.startswith(("Condition ", "Complex"))
    ]
    assert conditions == [("./", "Condition 05")], links
    assert ("../", f"All {count} conditions") in links
    # The section's own page, which lists every condition, lists none in its sidebar.
    index_links = primary_sidebar_links(many_conditions.page("conditions/"))
    assert not [label for _, label in index_links if label.startswith("Condition ")]
    # A small section on the same site is still listed in full.
    treatment_links = primary_sidebar_links(many_conditions.page("treatments/iv-ketamine/"))
    assert ("../medicines/", "Medicines for CRPS") in treatment_links


def test_a_page_is_the_same_however_many_pages_the_library_has(
    built_site: Build, library: Build
) -> None:
    # The library build has six more pages, none related to IV ketamine.
    page = "treatments/iv-ketamine/"
    assert library.page(page) == built_site.page(page)


@pytest.fixture(scope="module")
@builds_site
def misplaced(tmp_path_factory: pytest.TempPathFactory) -> Mistakes:
    """Pages out of their sections, a library page in the nav, a section without its index."""
    project = copy_project(tmp_path_factory.mktemp("misplaced"))
    (project / "docs/conditions/crps.md").rename(project / "docs/crps.md")
    texts = {"crps": (project / "docs/crps.md").read_text(encoding="utf-8")}
    texts["ketamine"] = edit(
        project, "docs/treatments/iv-ketamine.md", "page_type: treatment", "page_type: guide"
    )
    texts["mkdocs.yml"] = edit(
        project,
        "mkdocs.yml",
        "      - treatments/index.md\n",
        "      - treatments/index.md\n      - treatments/iv-ketamine.md\n",
    )
    (project / "docs/guides/index.md").unlink()
    return Mistakes(build(project), texts)


def test_a_library_page_out_of_place_fails_with_where_it_belongs(misplaced: Mistakes) -> None:
    config_line = misplaced.line("mkdocs.yml", "      - treatments/iv-ketamine.md")
    assert_fails_with(
        misplaced.result,
        f"docs/crps.md:{misplaced.line('crps', 'page_type: condition')}: page_type: a condition "
        "page must be in docs/conditions/, where the build lists it for readers; expected the "
        "page moved to docs/conditions/",
        f"docs/treatments/iv-ketamine.md:{misplaced.line('ketamine', 'page_type: guide')}: "
        "page_type: a guide page must be in docs/guides/",
        f"mkdocs.yml:{config_line}: nav: treatments/iv-ketamine.md is listed for readers by "
        "the build (in treatments/index.md, the A to Z and the home page); expected no nav line "
        "for it: remove this one",
    )


def test_a_section_without_its_index_page_fails(misplaced: Mistakes) -> None:
    assert_fails_with(
        misplaced.result,
        "docs/guides/index.md: page: is missing, so readers cannot browse the guides; expected "
        "the section's index page, listing them with {{ page_list('guide') }}",
    )


# --- The A to Z ----------------------------------------------------------------


def test_the_a_to_z_lists_every_title_and_every_other_name(library: Build) -> None:
    html = library.page("a-to-z/")
    assert "<title>A to Z - " in html
    assert "A-Z" not in text(html)
    entries = [text(item) for item in re.findall(r"<li>(.*?)</li>", html.split("hs-a-to-z")[1])]
    # The English pages (the Spanish A to Z: tests/test_spanish_site.py).
    pages = sorted(
        path for path in (ROOT / "docs").glob("*/*.md") if not path.name.endswith(".es.md")
    )
    assert pages, "no page found in docs/*/"
    for path in pages:
        meta = front_matter(path.relative_to(ROOT / "docs").as_posix())
        if meta["page_type"] not in ("condition", "treatment", "guide"):
            continue
        assert meta["title"] in entries
        for name in meta.get("alternative_names", []):
            assert f"{name}: see {meta['title']}" in entries
    assert "Pacing your day" in entries
    assert "lumbago: see Back pain" in entries


def test_the_a_to_z_letters_lead_to_their_entries(library: Build) -> None:
    html = library.page("a-to-z/")
    letters = re.search(r'<nav aria-label="Letters" class="hs-az-letters">(.*?)</nav>', html, re.S)
    assert letters, "no letter links"
    linked = dict(re.findall(r'<a href="#(letter-[\w-]+)">([^<]+)</a>', letters[1]))
    assert len(text(letters[1]).split()) >= 26
    for anchor, letter in linked.items():
        heading = re.search(rf'<h2 id="{anchor}">(.*?)</h2>', html)
        assert heading, f"no heading for {letter}"
        assert text(heading[1]).startswith(letter)
    assert {"A", "B", "C", "F", "H", "I", "K", "L", "P", "R", "S", "Z"} <= set(linked.values())
    assert linked["letter-0-9"] == "0 to 9"  # "1 shingles pain"
    # Entries sit under their first letter, in alphabetical order.
    section_c = html.split('id="letter-c"')[1].split("<h2")[0]
    names = [text(item) for item in re.findall(r"<li>(.*?)</li>", section_c)]
    # By the name itself ("CRPS" before "CRPS medication"), not by what follows it.
    assert names == sorted(names, key=lambda entry: entry.split(": see ")[0].casefold())
    assert names[0].startswith("causalgia: see")


def test_the_a_to_z_is_in_the_main_navigation(built_site: Build) -> None:
    html = built_site.page("")
    tabs = html[html.index('class="md-tabs"') : html.index("</nav>", html.index('class="md-tabs"'))]
    assert re.search(r'<a href="a-to-z/" class="md-tabs__link">\s*A to Z\s*</a>', tabs)


# --- The home page -------------------------------------------------------------


def test_the_home_page_leads_to_sections_the_a_to_z_and_help(library: Build) -> None:
    html = library.page("")
    help_line = re.search(r'<p class="hs-get-help">(.*?)</p>', html, re.S)
    assert help_line, "no Get help now line"
    assert text(help_line[1]).startswith("Get help now:")
    assert 'href="tel:911"' in help_line[1]
    assert 'href="tel:988"' in help_line[1]
    cards = html.split('class="grid cards')[1].split("</div>")[0]
    titles = re.findall(r"<strong><a href=\"([^\"]+)\">(.*?)</a></strong>", cards)
    assert titles == [
        ("conditions/", "Conditions"),
        ("treatments/", "Treatments"),
        ("guides/", "Guides"),
        ("a-to-z/", "A to Z"),
    ]
    # Six conditions, a section small enough to name every one of them.
    assert cards.count('href="conditions/') == 1 + 6
    assert "All 6 conditions" not in text(cards)


def home_cards(html: str) -> dict[str, list[tuple[str, str]]]:
    """The home page's cards: each card's heading link -> its other links (address, text)."""
    grid = html.split('class="grid cards')[1].split("</div>")[0]
    cards = {}
    for card in grid.split("<strong>")[1:]:
        [(heading, _), *links] = LINK.findall(card)
        cards[heading] = [(href, html_text.unescape(text(label))) for href, label in links]
    return cards


def assert_home_page_names_each_section(site: Build) -> dict[str, int]:
    """Every library page the build wrote is named on the home page while its
    section holds at most SHOWN_BY_NAME pages; a bigger section's card names
    the first SHOWN_BY_NAME by title, then links to "All N ..." of them.
    Returns how many pages each section has."""
    sections: dict[str, list[tuple[str, str]]] = {}
    for page in built_pages(site):
        if page.meta["page_type"] in ("condition", "treatment", "guide"):
            folder = page.url_path.split("/")[0]
            sections.setdefault(folder, []).append((page.url_path, page.meta["title"]))
    cards = home_cards(site.page(""))
    for folder, pages in sections.items():
        by_title = sorted(pages, key=lambda page: page[1].casefold())
        named = [link for link in cards[f"{folder}/"] if link[0] != f"{folder}/"]
        all_links = [link for link in cards[f"{folder}/"] if link[0] == f"{folder}/"]
        if len(pages) <= SHOWN_BY_NAME:
            assert named == by_title, folder
            assert all_links == [], folder
        else:
            assert named == by_title[:SHOWN_BY_NAME], folder
            assert all_links == [(f"{folder}/", f"All {len(pages)} {folder}")], folder
    return {folder: len(pages) for folder, pages in sections.items()}


def test_the_home_page_names_every_page_of_each_small_section(built_site: Build) -> None:
    sizes = assert_home_page_names_each_section(built_site)
    assert set(sizes) == {"conditions", "treatments", "guides"}
    assert all(size <= SHOWN_BY_NAME for size in sizes.values()), sizes


def test_the_home_page_names_the_first_pages_of_a_big_section_then_all(
    many_conditions: Build,
) -> None:
    sizes = assert_home_page_names_each_section(many_conditions)
    assert sizes["conditions"] > SHOWN_BY_NAME, sizes
