"""Warning signs, written once in data/warning_signs.yml and listed by key in care cards.

The data file's checks and the care card checks are pure functions, tested
here on text; one build checks the wiring (the strict build fails, naming the
page's line), and the built pages show each sign cited at its one level.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from healthsite.checks.components import check_components
from healthsite.content.citations import Citations, PageCitations
from healthsite.content.registry import Checked, DataFile, Registry, Source
from healthsite.content.warning_signs import (
    Level,
    SignsMacro,
    WarningSign,
    WarningSigns,
    editors_levels_note,
    load_warning_signs,
)
from tests.sharedbuilds import DATA_MISTAKES, PAGE_MISTAKES, SharedBuilds
from tests.sitebuild import ROOT, Build, assert_lists, edit, line_of, problems_about

SIGNS_FILE = "data/warning_signs.yml"


def source(checked: Checked = Checked.primary) -> Source:
    return Source(
        title="A page",
        publisher="A health service",
        year=2026,
        url="https://example.org/",  # type: ignore[arg-type]
        accessed=dt.date(2026, 12, 5),
        checked=checked,
    )


SOURCES = {
    "cleveland_limb_ischemia": source(),
    "webmd_cast_care": source(),
    "reported_only": source(Checked.secondary),
}


def sign(text: str, level: Level, *sources: str) -> WarningSign:
    return WarningSign.model_validate({"text": text, "level": level, "source": list(sources)})


CATALOG = WarningSigns(
    {
        "limb_cold_sudden": sign(
            "an arm or leg suddenly turns cold", Level.emergency, "cleveland_limb_ischemia"
        ),
        "cast_too_tight": sign("a cast feels too tight", Level.urgent, "webmd_cast_care"),
        "cast_limb_emergency": sign(
            "a limb in a cast goes numb", Level.emergency, "webmd_cast_care"
        ),
    },
    SIGNS_FILE,
)


def load_file(tmp_path: Path, text: str) -> tuple[WarningSigns, list[str]]:
    path = tmp_path / "warning_signs.yml"
    path.write_text(text, encoding="utf-8")
    signs, problems = load_warning_signs(DataFile(path, SIGNS_FILE), SOURCES, "data/sources.yml")
    return signs, [str(problem) for problem in problems]


def load(tmp_path: Path, text: str) -> list[str]:
    return load_file(tmp_path, text)[1]


# --- The data file -------------------------------------------------------------


def test_a_well_formed_sign_loads_with_one_source_or_several(tmp_path: Path) -> None:
    signs, problems = load_file(
        tmp_path,
        "cold:\n  text: a limb turns cold\n  level: emergency\n"
        "  source: cleveland_limb_ischemia\n  for: anyone\n"
        "cast:\n  text: a cast is tight\n  level: urgent\n"
        "  source: [webmd_cast_care, reported_only]\n",
    )
    assert problems == []
    assert signs.signs["cold"].source == ["cleveland_limb_ischemia"]
    assert signs.signs["cold"].audience == "anyone"
    assert signs.level_of("cast") == Level.urgent


def test_a_sign_without_a_source_or_with_an_unknown_level_fails_naming_the_line(
    tmp_path: Path,
) -> None:
    problems = load(
        tmp_path,
        "cold:\n  text: a limb turns cold\n  level: emergency\n"
        "cast:\n  text: a cast is tight\n  level: soon\n  source: webmd_cast_care\n"
        "chest:\n  text: chest pain\n  level: emergency\n  source: []\n  severity: high\n",
    )
    assert problems == [
        f"{SIGNS_FILE}:1: cold.source: is missing; expected the key in data/sources.yml of "
        "the source that gives this level (or a list of keys, at least one checked: primary)",
        f"{SIGNS_FILE}:6: cast.level: Input should be 'non-urgent', 'urgent' or 'emergency'; "
        "expected 'non-urgent', 'urgent' or 'emergency'",
        f"{SIGNS_FILE}:11: chest.source: lists no source; expected the key in "
        "data/sources.yml of the source that gives this level (or a list of keys, at least "
        "one checked: primary)",
        f"{SIGNS_FILE}:12: chest.severity: is not a known field; use one of: text, level, "
        "source, level_from, for, es",
    ]


def test_a_sign_ending_in_a_number_fails_as_its_citation_marks_would_run_into_it(
    tmp_path: Path,
) -> None:
    problems = load(
        tmp_path,
        "cold:\n  text: a limb turns cold. If you are not sure, call 911\n  level: emergency\n"
        "  source: cleveland_limb_ischemia\n"
        "  es:\n    text: una extremidad se pone fría. Si tiene dudas, llame al 911.\n"
        "fever:\n  text: you have a fever (over 100.4°F)\n  level: urgent\n"
        "  source: cleveland_limb_ischemia\n",
    )
    assert problems == [
        f"{SIGNS_FILE}:2: cold.text: ends in a number, which the citation marks after it "
        "would run into; expected the sign in plain words that finish the card's heading, "
        "starting in lowercase and ending in a word, not a number, e.g. 'you have chest "
        "pain or trouble breathing' or 'call 911 anyway'",
        f"{SIGNS_FILE}:6: cold.es.text: ends in a number, which the citation marks after it "
        "would run into; expected the sign in Spanish, finishing the Spanish card heading "
        "and ending in a word, e.g. 'llame al 911 de todos modos'",
    ]


def test_who_set_a_level_is_the_source_unless_the_entry_says_editors(tmp_path: Path) -> None:
    signs, problems = load_file(
        tmp_path,
        "cold:\n  text: a limb turns cold\n  level: emergency\n"
        "  source: cleveland_limb_ischemia\n"
        "spread:\n  text: CRPS starts in another limb\n  level: urgent\n"
        "  level_from: editors\n  source: webmd_cast_care\n"
        "tight:\n  text: a cast is tight\n  level: urgent\n"
        "  level_from: editors\n  source: webmd_cast_care\n",
    )
    assert problems == []
    assert signs.levels_set_by_editors() == ["spread", "tight"]
    assert editors_levels_note(signs) == (
        "2 warning signs have a level set by editors, not by a source "
        f"({SIGNS_FILE}, level_from: editors; a clinician reviewer checks these first): "
        "spread, tight"
    )


def test_no_log_line_when_every_level_comes_from_a_source() -> None:
    assert editors_levels_note(CATALOG) is None


def test_an_unknown_level_from_fails_naming_the_line(tmp_path: Path) -> None:
    problems = load(
        tmp_path,
        "cold:\n  text: a limb turns cold\n  level: emergency\n"
        "  source: cleveland_limb_ischemia\n  level_from: editorial\n",
    )
    assert problems == [
        f"{SIGNS_FILE}:5: cold.level_from: Input should be 'source' or 'editors'; expected "
        "'source' (the default: a source named in `source` gives this level) or 'editors' "
        "(the sources describe the sign but set no level; a clinician reviewer checks these "
        "levels first)"
    ]


def test_an_unknown_source_fails_with_the_closest_key(tmp_path: Path) -> None:
    problems = load(
        tmp_path,
        "cold:\n  text: a limb turns cold\n  level: emergency\n"
        "  source: [cleveland_limb_ischaemia, nowhere]\n",
    )
    assert problems == [
        f"{SIGNS_FILE}:4: cold.source: 'cleveland_limb_ischaemia' is not a source in "
        "data/sources.yml; did you mean 'cleveland_limb_ischemia'?; expected a key of "
        "data/sources.yml (add the source there first)",
        f"{SIGNS_FILE}:4: cold.source: 'nowhere' is not a source in data/sources.yml; "
        "expected a key of data/sources.yml (add the source there first)",
    ]


def test_a_level_resting_only_on_secondary_sources_fails(tmp_path: Path) -> None:
    problems = load(
        tmp_path, "cold:\n  text: a limb turns cold\n  level: emergency\n  source: reported_only\n"
    )
    assert problems == [
        f"{SIGNS_FILE}:4: cold.source: every source given is marked 'checked: secondary', "
        "read only as reported by others; expected at least one source read first-hand "
        "(checked: primary) that gives this level"
    ]


def test_the_same_words_at_two_levels_fail(tmp_path: Path) -> None:
    problems = load(
        tmp_path,
        "cold:\n  text: a limb turns cold\n  level: emergency\n"
        "  source: cleveland_limb_ischemia\n"
        "cold_again:\n  text: A limb turns  cold\n  level: urgent\n"
        "  source: cleveland_limb_ischemia\n",
    )
    assert problems == [
        f"{SIGNS_FILE}:7: cold_again.level: 'cold_again' has the same words as 'cold' (line "
        "1), which is emergency, not urgent; expected one level for one sign: give both the "
        "level their sources give, or say how the signs differ"
    ]


def test_every_sign_of_the_site_has_a_level_and_a_first_hand_source() -> None:
    registry_sources = yaml.safe_load((ROOT / "data/sources.yml").read_text(encoding="utf-8"))
    sources = {key: Source.model_validate(entry) for key, entry in registry_sources.items()}
    signs, problems = load_warning_signs(
        DataFile(ROOT / SIGNS_FILE, SIGNS_FILE), sources, "data/sources.yml"
    )
    assert problems == []
    assert signs.signs


# --- The signs() macro ---------------------------------------------------------


def test_signs_writes_one_cited_bullet_a_sign_indented_for_the_card() -> None:
    registry = Registry(SOURCES, {}, "data/sources.yml", "data/statistics.yml")
    page = PageCitations("docs/page.md", None)
    citations = Citations(registry, lambda: page)
    markdown = SignsMacro(CATALOG, citations).render("cast_limb_emergency", "limb_cold_sudden")
    assert markdown == (
        "- a limb in a cast goes numb[^webmd_cast_care]\n"
        "    - an arm or leg suddenly turns cold[^cleveland_limb_ischemia]"
    )
    citations.finish(page, markdown)
    listed = citations.keys_by_page["docs/page.md"]
    assert listed.warning_signs == ["cast_limb_emergency", "limb_cold_sudden"]
    assert listed.sources == ["webmd_cast_care", "cleveland_limb_ischemia"]


# --- Care cards: what the check reads and what it refuses ----------------------


def problems_of(body: str) -> list[str]:
    text = f"---\ntitle: Test\n---\n\n# Test\n\n{body}"
    return [str(problem) for problem in check_components("docs/test.md", text, None, CATALOG)]


def test_a_card_listing_signs_of_its_level_passes_even_over_several_lines() -> None:
    body = (
        "!!! urgent\n\n    {{ signs('cast_too_tight') }}\n\n"
        "!!! emergency\n\n    {{ signs('cast_limb_emergency',\n"
        '             "limb_cold_sudden") }}\n\n'
        "```markdown\n!!! urgent\n\n    - a code sample is not read\n```\n"
    )
    assert problems_of(body) == []


def test_a_sign_in_a_card_of_another_level_fails_on_its_own_line() -> None:
    body = "!!! urgent\n\n    {{ signs('cast_too_tight',\n             'limb_cold_sudden') }}\n"
    assert problems_of(body) == [
        f"docs/test.md:10: care card: 'limb_cold_sudden' is an emergency sign in {SIGNS_FILE}, "
        "listed here in an urgent card; expected it in the '!!! emergency' card (a sign has "
        f"one level on every page: to change it, change its level and source in {SIGNS_FILE})"
    ]


def test_an_unknown_sign_fails_with_the_closest_key() -> None:
    assert problems_of("!!! emergency\n\n    {{ signs('limb_cold_sudenn') }}\n") == [
        f"docs/test.md:9: care card: 'limb_cold_sudenn' is not a warning sign in {SIGNS_FILE}; "
        f"did you mean 'limb_cold_sudden'?; expected a key of {SIGNS_FILE}, or add the sign "
        "there with its text, level and source"
    ]


def test_a_bullet_typed_by_hand_in_a_card_fails() -> None:
    body = "!!! emergency\n\n    {{ signs('limb_cold_sudden') }}\n    - my own sign\n"
    assert problems_of(body) == [
        "docs/test.md:10: care card: this bullet is typed by hand in the emergency card; "
        "expected the card's warning signs listed by key, e.g. "
        "{{ signs('limb_cold_sudden') }}, each written once in data/warning_signs.yml with "
        "its level and source (STYLE.md, 'When to get help')"
    ]


def test_a_card_with_six_signs_fails_naming_the_one_too_many() -> None:
    keys = ", ".join(["'cast_too_tight'"] * 6)
    assert problems_of(f"!!! urgent\n\n    {{{{ signs({keys}) }}}}\n") == [
        "docs/test.md:7: care card: this urgent card lists 6 warning signs (one too many from "
        "line 9); expected at most 5: keep the signs readers most need, or split the card"
    ]


def test_an_empty_card_and_signs_outside_a_card_fail() -> None:
    body = (
        "!!! urgent\n\n    Call your doctor.\n\n{{ signs('cast_too_tight') }}\n\n"
        "!!! note\n\n    {{ signs('cast_too_tight') }}\n"
    )
    assert problems_of(body) == [
        "docs/test.md:7: care card: this urgent card lists no warning signs; expected "
        "{{ signs('cast_too_tight') }} with the keys of urgent signs in data/warning_signs.yml",
        "docs/test.md:11: care card: signs() lists warning signs outside a care card; "
        "expected it inside a '!!! non-urgent or !!! urgent or !!! emergency' card, four "
        "spaces in",
        "docs/test.md:15: care card: signs() lists warning signs outside a care card; "
        "expected it inside a '!!! non-urgent or !!! urgent or !!! emergency' card, four "
        "spaces in",
    ]


def test_signs_given_as_anything_but_quoted_keys_fail() -> None:
    assert problems_of("!!! urgent\n\n    {{ signs(cast_too_tight) }}\n") == [
        "docs/test.md:9: care card: signs() holds something other than keys in quotes; "
        "expected only the keys of warning signs in data/warning_signs.yml, in quotes, "
        "separated by commas, e.g. {{ signs('cast_too_tight') }}"
    ]


def test_a_card_with_signs_inside_a_list_fails_as_its_bullets_would_break() -> None:
    body = "- a list item\n\n    !!! urgent\n\n        {{ signs('cast_too_tight') }}\n"
    assert problems_of(body) == [
        "docs/test.md:9: care card: this urgent card is indented inside another block; "
        "expected a care card that lists warning signs to start its '!!!' line at the left "
        "margin"
    ]


# --- The whole site ----------------------------------------------------------


def care_cards(html: str) -> dict[str, list[str]]:
    """Each care card's level and the text of its signs, of a built page."""
    cards: dict[str, list[str]] = {}
    for card in BeautifulSoup(html, "html.parser").select("div.care-card"):
        level = next(c for c in card["class"] if c.startswith("care-card--"))
        items = card.select(".care-card__content > ul > li")
        assert all(item.select_one("a.footnote-ref") for item in items), "a sign without a source"
        cards[level.removeprefix("care-card--")] = [item.get_text() for item in items]
    return cards


@pytest.mark.parametrize(
    "url_path",
    [
        "conditions/crps/",
        "guides/diagnosis/",
        "guides/children-and-teenagers/",
        "guides/preventing-crps-after-a-broken-wrist/",
        "guides/surgery-and-procedures/",
    ],
)
def test_a_limb_in_a_cast_going_numb_is_an_emergency_on_every_page_with_it(
    built_site: Build, url_path: str
) -> None:
    cards = care_cards(built_site.page(url_path))
    assert any("in a cast or splint becomes very painful" in s for s in cards["emergency"])
    assert not any("in a cast or splint becomes very painful" in s for s in cards["urgent"])
    assert any("suddenly turns cold and pale" in s for s in cards["emergency"])


def test_a_swelling_neck_after_a_stellate_block_is_an_emergency(built_site: Build) -> None:
    cards = care_cards(built_site.page("treatments/sympathetic-nerve-blocks/"))
    assert any("your neck swells" in sign for sign in cards["emergency"])
    assert not any("neck" in sign for sign in cards["urgent"] + cards["non-urgent"])


def test_the_build_log_names_the_levels_set_by_editors(built_site: Build) -> None:
    data = yaml.safe_load((ROOT / SIGNS_FILE).read_text(encoding="utf-8"))
    by_editors = [key for key, entry in data.items() if entry.get("level_from") == "editors"]
    assert by_editors, "the site has levels set by editors; the log line is tested on them"
    line = next(line for line in built_site.output.splitlines() if "a level set by editors" in line)
    assert line.startswith("INFO")
    assert f"{len(by_editors)} warning signs have a level set by editors" in line
    assert line.endswith(", ".join(by_editors))


def test_no_page_says_its_cards_follow_the_nhs(built_site: Build) -> None:
    pages = sorted(built_site.site_dir.rglob("index.html"))
    assert pages
    for page in pages:
        assert "follow the advice of" not in page.read_text(encoding="utf-8"), page


CARDS_PAGE = "docs/conditions/crps.md"


@PAGE_MISTAKES.mistake
def _card_mistakes(project: Path) -> None:
    """Mistakes in a page's care cards, in one build with other pages'
    mistakes (tests/sharedbuilds.py)."""
    page = CARDS_PAGE
    edit(
        project,
        page,
        "    {{ signs('pain_swelling_fast', 'crps_spreads', 'cast_too_tight') }}\n",
        "    {{ signs('pain_swelling_fast', 'crps_spreads', 'cast_limb_emergency') }}\n"
        "    - the cast feels tight\n",
    )
    edit(project, page, "'chest_pain_breathing'", "'chest_pain_breath'")


def test_mistakes_in_care_cards_fail_the_build_naming_each_line(
    shared_builds: SharedBuilds,
) -> None:
    shared = shared_builds.of(_card_mistakes)
    page = CARDS_PAGE
    text = shared.text(page)
    urgent = line_of(text, "    - the cast feels tight") - 1
    emergency = next(n for n, line in enumerate(text.splitlines(), 1) if "chest_pain_b" in line)
    assert_lists(
        shared.result,
        "Pages with problems",
        f"{page}:{urgent}: care card: 'cast_limb_emergency' is an emergency sign in "
        f"{SIGNS_FILE}, listed here in an urgent card; expected it in the '!!! emergency' card",
        f"{page}:{urgent + 1}: care card: this bullet is typed by hand in the urgent card; "
        "expected the card's warning signs listed by key",
        f"{page}:{emergency}: care card: 'chest_pain_breath' is not a warning sign in "
        f"{SIGNS_FILE}; did you mean 'chest_pain_breathing'?",
    )


@DATA_MISTAKES.mistake
def _data_mistake(project: Path) -> None:
    """A sign citing a source that is not there, in one build with other data
    files' mistakes (tests/sharedbuilds.py)."""
    edit(
        project,
        SIGNS_FILE,
        "  source: [cleveland_limb_ischemia, harden2010]\n",
        "  source: [cleveland, harden2010]\n",
    )


def test_a_mistake_in_the_data_file_fails_the_build_naming_its_line(
    shared_builds: SharedBuilds,
) -> None:
    shared = shared_builds.of(_data_mistake)
    line = line_of(shared.text(SIGNS_FILE), "  source: [cleveland, harden2010]")
    # The one problem of this file: no other check of the sign speaks of it.
    [problem] = problems_about(shared.result, "Invalid data files", SIGNS_FILE)
    assert problem.startswith(
        f"{SIGNS_FILE}:{line}: limb_cold_sudden.source: 'cleveland' is not a source in "
        "data/sources.yml"
    )
