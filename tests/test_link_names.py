"""Section and footnote links are named by their words; glossary terms keep their tooltips.

The permalinks' and footnote back-links' words are their ``aria-label``, not a
``title`` that Material would turn into a tooltip at page load
(``healthsite/html/link_names.py``, a Markdown tree processor).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import markdown
import pytest
from playwright.sync_api import Browser, Page, expect

from healthsite.html.link_names import SymbolLinkNamesExtension
from tests.browser import PHONE, SiteServer
from tests.sitebuild import Build

CRPS = "conditions/crps/"
SYMBOL_LINK = re.compile(r'<a [^>]*class="(?:headerlink|footnote-backref)"[^>]*>')


def test_permalinks_and_back_links_get_their_words_as_names() -> None:
    named = markdown.markdown(
        "## Symptoms\n\nPain.[^1]\n\n[^1]: A source.",
        extensions=["footnotes", "toc", SymbolLinkNamesExtension()],
        extension_configs={"toc": {"permalink": True, "permalink_title": "Link to this section"}},
    )
    assert 'aria-label="Link to this section"' in named
    assert 'aria-label="Jump back to footnote 1 in the text"' in named
    assert not [link for link in SYMBOL_LINK.findall(named) if "title=" in link]


def test_every_built_permalink_and_back_link_is_named_without_a_title(built_site: Build) -> None:
    links = [
        (str(path.relative_to(built_site.site_dir)), link)
        for path in sorted(built_site.site_dir.rglob("*.html"))
        for link in SYMBOL_LINK.findall(path.read_text(encoding="utf-8"))
    ]
    assert any("footnote-backref" in link for _, link in links)
    unnamed = [f"{page}: {link}" for page, link in links if "aria-label=" not in link]
    titled = [f"{page}: {link}" for page, link in links if " title=" in link]
    assert not unnamed, "links without a name:\n" + "\n".join(unnamed)
    assert not titled, "links with a title (a tooltip at page load):\n" + "\n".join(titled)


@pytest.fixture
def crps_on_a_phone(chromium: Browser, site_server: SiteServer) -> Iterator[Page]:
    context = chromium.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site_server.url(CRPS))
    yield page
    context.close()


@pytest.mark.browser
def test_a_reader_on_a_phone_taps_a_glossary_term_to_see_its_meaning(
    crps_on_a_phone: Page,
) -> None:
    page = crps_on_a_phone
    term = page.locator("article abbr", has_text="allodynia").first
    meaning = "Pain caused by something that should not hurt, such as a light touch."
    tooltip = page.locator(".md-tooltip2--active", has_text=meaning)
    expect(tooltip).to_have_count(0)
    term.tap()
    expect(tooltip).to_be_visible()


@pytest.mark.browser
def test_screen_readers_hear_what_the_symbol_links_do(crps_on_a_phone: Page) -> None:
    page = crps_on_a_phone
    expect(page.get_by_role("link", name="Link to this section").first).to_be_attached()
    back = page.get_by_role("link", name="Jump back to footnote 1 in the text")
    expect(back.first).to_be_attached()
