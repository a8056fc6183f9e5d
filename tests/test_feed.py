"""``api/pages.json`` says what every page's front matter and citations say.

Pages are found from docs/, not from a list kept here, so a new page is
checked without an edit.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
import yaml

from healthsite.pages.frontmatter import add_months
from tests.pagetext import front_matter
from tests.sitebuild import ROOT, Build

SITE_URL = "https://crps-info.github.io/site/"
# The English pages: api/pages.json is the English site's (es/api/pages.json the
# Spanish one's, tests/test_languages.py).
PAGES = sorted(
    path.relative_to(ROOT / "docs").as_posix()
    for path in (ROOT / "docs").rglob("*.md")
    if not path.name.endswith(".es.md")
)
STAT_CALL = re.compile(r"\{\{\s*stat(?:_value)?\(\s*['\"](\w+)['\"]\s*\)\s*\}\}")
FINDING_FIGURE = re.compile(r"\{(\w+)\}")
FIELDS = {
    "title",
    "description",
    "type",
    "url",
    "path",
    "source_file",
    "alternative_names",
    "related_pages",
    "reviewed_by",
    "checked_by_clinician",
    "last_reviewed",
    "next_review",
    "sources",
    "statistics",
    "warning_signs",
    "language",
    "translations",
}


@pytest.fixture(scope="module")
def feed(built_site: Build) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(
        (built_site.site_dir / "api/pages.json").read_text(encoding="utf-8")
    )
    return document


def entry_of(feed: dict[str, Any], src_path: str) -> dict[str, Any]:
    [entry] = [page for page in feed["pages"] if page["source_file"] == f"docs/{src_path}"]
    found: dict[str, Any] = entry
    return found


def address(src_path: str) -> str:
    path = src_path.removesuffix(".md").removesuffix("index")
    return f"{SITE_URL}{path}/" if path and not path.endswith("/") else f"{SITE_URL}{path}"


def test_the_feed_has_every_page_once(feed: dict[str, Any]) -> None:
    assert feed["version"] == 1
    assert sorted(page["source_file"] for page in feed["pages"]) == [f"docs/{p}" for p in PAGES]
    assert all(set(page) == FIELDS for page in feed["pages"])


@pytest.mark.parametrize("src_path", PAGES)
def test_each_entry_says_what_the_front_matter_says(feed: dict[str, Any], src_path: str) -> None:
    meta = front_matter(src_path)
    entry = entry_of(feed, src_path)
    assert entry["title"] == meta["title"]
    assert entry["description"] == " ".join(meta["description"].split())
    assert entry["type"] == meta["page_type"]
    assert entry["url"] == address(src_path)
    assert entry["alternative_names"] == meta.get("alternative_names", [])
    keys = meta["reviewed_by"] if isinstance(meta["reviewed_by"], list) else [meta["reviewed_by"]]
    registry = yaml.safe_load((ROOT / "data/reviewers.yml").read_text(encoding="utf-8"))
    assert [reviewer["key"] for reviewer in entry["reviewed_by"]] == keys
    for reviewer in entry["reviewed_by"]:
        written = registry[reviewer["key"]]
        assert reviewer["name"] == written["name"]
        assert reviewer["role"] == written["role"]
        assert reviewer["registered_clinician"] == ("registration" in written)
    # No page is signed off by a clinician until the registry names one.
    assert entry["checked_by_clinician"] == any(
        r["registered_clinician"] for r in entry["reviewed_by"]
    )
    last = meta["last_reviewed"]
    assert entry["last_reviewed"] == str(last)
    due = meta.get("next_review") or add_months(
        dt.date.fromisoformat(str(last)), int(meta["review_interval_months"])
    )
    assert entry["next_review"] == str(due)


@pytest.mark.parametrize("src_path", PAGES)
def test_each_entry_has_the_keys_the_page_cites(
    feed: dict[str, Any], built_site: Build, src_path: str
) -> None:
    entry = entry_of(feed, src_path)
    html = built_site.page(entry["path"])
    # The references list, in order: one footnote per cited source key.
    assert entry["sources"] == re.findall(r'<li id="fn:(\w+)"', html)
    source = (ROOT / "docs" / src_path).read_text(encoding="utf-8")
    assert entry["statistics"] == statistics_in_order(src_path, source)


def statistics_in_order(src_path: str, source: str) -> list[str]:
    """The statistic keys a page uses, in order: its stat() calls, and where it
    shows its findings, the figures those findings name: {key} in their words,
    then their statistics lists."""
    body = source.split("\n---\n", 1)[1]
    findings = front_matter(src_path).get("findings") or []
    named = [
        key
        for finding in findings
        for key in [*FINDING_FIGURE.findall(finding["finding"]), *finding.get("statistics", [])]
    ]
    before, _, after = body.partition("{{ findings() }}")
    keys = STAT_CALL.findall(before) + (named if findings else []) + STAT_CALL.findall(after)
    return list(dict.fromkeys(keys))


def test_related_pages_are_in_the_feed_on_both_sides(feed: dict[str, Any]) -> None:
    checked = 0
    for src_path in PAGES:
        meta = front_matter(src_path)
        typed = [*meta.get("possible_treatments", []), *meta.get("related_pages", [])]
        for target in typed:
            here, there = entry_of(feed, src_path), entry_of(feed, target)
            assert there["url"] in [page["url"] for page in here["related_pages"]]
            assert here["url"] in [page["url"] for page in there["related_pages"]]
            checked += 1
    assert checked >= 1
    crps = entry_of(feed, "conditions/crps.md")
    first_treatment = front_matter("conditions/crps.md")["possible_treatments"][0]
    assert {"title": front_matter(first_treatment)["title"], "relation": "treatment"}.items() <= (
        crps["related_pages"][0].items()
    )


SIGNS_CALL = re.compile(r"\{\{\s*signs\((.*?)\)\s*\}\}", re.DOTALL)


@pytest.mark.parametrize("src_path", PAGES)
def test_each_entry_lists_the_warning_signs_its_cards_list_with_their_levels(
    feed: dict[str, Any], src_path: str
) -> None:
    text = (ROOT / "docs" / src_path).read_text(encoding="utf-8")
    listed = [key for call in SIGNS_CALL.findall(text) for key in re.findall(r"'(\w+)'", call)]
    data = yaml.safe_load((ROOT / "data/warning_signs.yml").read_text(encoding="utf-8"))
    assert entry_of(feed, src_path)["warning_signs"] == [
        {
            "key": key,
            "level": data[key]["level"],
            "level_from": data[key].get("level_from", "source"),
            "text": " ".join(data[key]["text"].split()),
            "for": data[key].get("for"),
            "sources": data[key]["source"]
            if isinstance(data[key]["source"], list)
            else [data[key]["source"]],
        }
        for key in dict.fromkeys(listed)
    ]
