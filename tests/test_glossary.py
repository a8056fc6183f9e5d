"""One glossary file: the glossary page and the tooltips on other pages."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from tests.sharedbuilds import DATA_MISTAKES, PAGE_EDITS, SharedBuilds
from tests.sitebuild import ROOT, Build, assert_fails_with, assert_lists, build

GLOSSARY_DATA = ROOT / "data" / "glossary.yml"


def _definition(term: str, data_file: Path = GLOSSARY_DATA) -> str:
    entry = yaml.safe_load(data_file.read_text(encoding="utf-8"))[term]
    return " ".join(entry["definition"].split())


def _tooltips(page_html: str) -> dict[str, str]:
    """Each abbreviation's text and its tooltip (the title attribute)."""
    return {
        text: html.unescape(title)
        for title, text in re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', page_html)
    }


def _glossary_entries(page_html: str) -> dict[str, str]:
    """The glossary's definition list: the page's first (the review dates come later)."""
    first_list = page_html[page_html.index("<dl>") : page_html.index("</dl>")]
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd>\s*(?:<p>)?(.*?)(?:</p>)?\s*</dd>", first_list, re.S)
    return {html.unescape(term): html.unescape(" ".join(text.split())) for term, text in pairs}


def test_nmda_on_the_ketamine_page_shows_its_glossary_definition(built_site: Build) -> None:
    tooltips = _tooltips(built_site.page("treatments/iv-ketamine/"))
    assert tooltips["NMDA receptor"] == _definition("NMDA receptor")
    assert tooltips["central sensitization"] == _definition("Central sensitization")


def test_the_glossary_page_lists_exactly_the_data_file(built_site: Build) -> None:
    data = yaml.safe_load(GLOSSARY_DATA.read_text(encoding="utf-8"))
    entries = _glossary_entries(built_site.page("glossary/"))
    assert entries == {term: _definition(term) for term in data}
    assert list(entries) == sorted(data, key=str.casefold)


@PAGE_EDITS.edit
def _edited_term(project: Path) -> str:
    """In one passing build with other modules' edits (tests/sharedbuilds.py)."""
    data_file = project / "data" / "glossary.yml"
    new = "A part of a nerve cell that ketamine blocks (edited in one place)."
    text = data_file.read_text(encoding="utf-8")
    start = text.index("NMDA receptor:")
    end = text.index("matches:", start)
    data_file.write_text(
        f"{text[:start]}NMDA receptor:\n  definition: {new}\n  {text[end:]}", encoding="utf-8"
    )
    return new


def test_one_edit_to_the_data_changes_glossary_and_tooltips(shared_builds: SharedBuilds) -> None:
    shared = shared_builds.of(_edited_term)
    result, new = shared.result, shared.made
    assert result.returncode == 0, result.output
    assert _tooltips(result.page("treatments/iv-ketamine/"))["NMDA receptor"] == new
    assert _glossary_entries(result.page("glossary/"))["NMDA receptor"] == new


@DATA_MISTAKES.mistake
def _data_mistakes(project: Path) -> None:
    """A term without its definition, and a word matched by two terms, in one
    build with other data files' mistakes (tests/sharedbuilds.py)."""
    data_file = project / "data" / "glossary.yml"
    text = data_file.read_text(encoding="utf-8")
    assert "Fracture:\n  definition: A broken bone.\n" in text
    assert "matches: [tremor]" in text
    text = text.replace("Fracture:\n  definition: A broken bone.\n", "Fracture:\n")
    text = text.replace("matches: [tremor]", "matches: [IV]")
    data_file.write_text(text, encoding="utf-8")


@pytest.fixture
def data_mistakes(shared_builds: SharedBuilds) -> tuple[Build, str]:
    shared = shared_builds.of(_data_mistakes)
    return shared.result, shared.text("data/glossary.yml")


def test_glossary_entry_without_definition_fails_naming_line(
    data_mistakes: tuple[Build, str],
) -> None:
    result, text = data_mistakes
    line = text.splitlines().index("Fracture:") + 1
    assert_lists(
        result,
        "Invalid data files",
        f"data/glossary.yml:{line}: Fracture.definition: is missing; expected a "
        "plain-language meaning",
    )


def test_a_word_matched_by_two_terms_fails(data_mistakes: tuple[Build, str]) -> None:
    result, text = data_mistakes
    line = text.splitlines().index("  matches: [IV]", text.splitlines().index("Tremor:")) + 1
    assert_lists(
        result,
        "Invalid data files",
        f"data/glossary.yml:{line}: Tremor.matches: 'IV' is already a match of "
        "'IV (intravenous)'; a word can show only one definition",
    )


def test_without_the_abbr_extension_the_build_says_what_to_add(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - abbr\n", "", 1), encoding="utf-8"
    )
    assert_fails_with(
        build(project),
        "mkdocs.yml: markdown_extensions: the glossary's tooltips need the 'abbr' extension; "
        "add '- abbr'",
    )
