"""Every page ends with "Report a problem with this page", a filled-in GitHub issue form;
and what readers see at the top reads like a health site, not a manual."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from healthsite.i18n.interface import load_interface
from tests.browser import reader_pages
from tests.pagetext import front_matter
from tests.sitebuild import ROOT, Build

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "page-problem.yml"
REPOSITORY = "https://github.com/crps-info/site"
UNRELEASED = "unreleased build (not published with mike)"
# GitHub issue forms: ids of letters, digits, '-' and '_', unique in the form.
FIELD_ID = re.compile(r"[A-Za-z0-9_-]+")


def source_of(url_path: str) -> str:
    """The page's file under docs/: ``about.md``, or a section's ``conditions/index.md``;
    for a page of the Spanish site (``es/...``), its translation if there is one."""
    stem = url_path.strip("/")
    language, _, rest = stem.partition("/")
    if language == "es":
        english = source_of(rest)
        translated = english.removesuffix(".md") + ".es.md"
        return translated if (ROOT / "docs" / translated).is_file() else english
    if not stem:
        return "index.md"
    return f"{stem}.md" if (ROOT / "docs" / f"{stem}.md").is_file() else f"{stem}/index.md"


def report_link(html: str, language: str = "en") -> tuple[str, dict[str, list[str]]]:
    links = BeautifulSoup(html, "html.parser").select("p.report-problem a")
    assert len(links) == 1
    interface, _ = load_interface(ROOT)
    assert links[0].get_text() == interface.word("report_problem", language)
    parts = urlsplit(str(links[0]["href"]))
    return f"{parts.scheme}://{parts.netloc}{parts.path}", parse_qs(parts.query)


def form() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    return loaded


def test_every_page_ends_with_a_report_link_filled_in_for_that_page(built_site: Build) -> None:
    pages = reader_pages(built_site.site_dir)
    assert "conditions/crps/" in pages
    for url_path in pages:
        html = (built_site.site_dir / url_path / "index.html").read_text(encoding="utf-8")
        address, query = report_link(html, "es" if url_path.startswith("es/") else "en")
        assert address == f"{REPOSITORY}/issues/new", url_path
        title = front_matter(source_of(url_path))["title"]
        canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', html)
        assert query == {
            "template": ["page-problem.yml"],
            "title": [f"Problem with page: {title}"],
            "page-title": [title],
            "page-address": canonical,
            "page-version": [UNRELEASED],
        }, url_path
        # At the end: nothing of the page's own content comes after it.
        end = html.index("report-problem")
        assert "safety-note" not in html[end:]
        assert "md-content__inner" not in html[end:]


def test_link_fills_fields_the_issue_form_has(built_site: Build) -> None:
    _, query = report_link(built_site.page("conditions/crps/"))
    filled = set(query) - {"template", "title"}
    body = form()["body"]
    ids = [field["id"] for field in body if "id" in field]
    assert len(ids) == len(set(ids))
    assert all(FIELD_ID.fullmatch(field_id) for field_id in ids)
    inputs = {field["id"]: field["type"] for field in body if "id" in field}
    assert filled == {"page-title", "page-address", "page-version"}
    assert {inputs[field_id] for field_id in filled} == {"input"}
    assert form()["name"]
    assert form()["description"]
    assert (FORM.parent / query["template"][0]) == FORM


def test_issue_form_warns_that_it_is_public_and_not_for_emergencies() -> None:
    intro = form()["body"][0]
    assert intro["type"] == "markdown"
    text = intro["attributes"]["value"]
    assert "This form is public" in text
    assert "911" in text
    assert "988" in text


# --- The top of every page reads like a health site ------------------------------


@pytest.mark.parametrize("url_path", ["", "conditions/crps/"])
def test_no_repository_link_and_contents_are_on_this_page(built_site: Build, url_path: str) -> None:
    page = BeautifulSoup(built_site.page(url_path), "html.parser")
    header = page.select_one("header.md-header")
    assert header is not None
    assert not header.select("a[href*='github.com']")
    assert not page.select(".md-source, .md-header__source, .md-nav__source")
    assert "Table of contents" not in page.get_text()
    assert "Table of contents" not in str(page.select("[aria-label]"))
    if url_path:
        toc = page.select_one("nav.md-nav--secondary")
        assert toc is not None
        assert toc["aria-label"] == "On this page"
        label = toc.select_one("label.md-nav__title")
        assert label is not None
        assert label.get_text(strip=True) == "On this page"
