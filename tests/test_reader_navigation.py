"""On a phone, the menu shows where a library page sits and its "On this page" links.

Library pages are kept out of the sidebar so that it stays small however many
pages the library holds (healthsite/library/sections.py); each is listed under
its section only while it is the page shown. Material puts a page's table of
contents under its own menu entry on phones and tablets, so without that
entry a reader on a phone had no "On this page" links at all.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, expect

from healthsite.library.sections import section_of
from tests.browser import PHONE, SiteServer, reader_pages
from tests.sitebuild import Build

CRPS = "conditions/crps/"
SITE = "https://example.org/"


def library_pages(site: Build) -> list[str]:
    """Every condition, treatment and guide page of the build (not the section index pages)."""
    return [
        url_path
        for url_path in reader_pages(site.site_dir)
        if section_of(f"{url_path.rstrip('/')}.md") is not None
    ]


def primary_sidebar(html: str) -> str:
    start = html.index('<nav class="md-nav md-nav--primary')
    return html[start : html.index('<div class="md-sidebar md-sidebar--secondary"', start)]


def test_each_library_page_is_in_its_sections_menu_alone_with_its_contents(
    built_site: Build,
) -> None:
    pages = library_pages(built_site)
    assert CRPS in pages, pages
    assert len(pages) >= 5, pages
    for url_path in pages:
        sidebar = primary_sidebar(built_site.page(url_path))
        own_link = re.findall(r'<a href="\./" class="md-nav__link md-nav__link--active"', sidebar)
        assert len(own_link) == 1, url_path
        assert 'aria-label="On this page"' in sidebar, url_path
        # No other library page is listed: the menu does not grow with the library.
        linked = {
            urljoin(f"{SITE}{url_path}", href).removeprefix(SITE).split("#")[0]
            for href in re.findall(r'href="([^"]+)"', sidebar)
        }
        assert linked & set(pages) == {url_path}, url_path


@pytest.mark.browser
def test_on_a_phone_the_menu_leads_to_a_part_of_the_page(
    chromium: Browser, site_server: SiteServer
) -> None:
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_server.url(CRPS))
    page.locator('label.md-header__button[for="__drawer"]').click()
    drawer = page.locator(".md-sidebar--primary")
    this_page = drawer.locator('label.md-nav__link--active[for="__toc"]')
    expect(this_page).to_be_visible()
    expect(this_page).to_contain_text("Complex regional pain syndrome")
    this_page.click()
    contents = drawer.get_by_role("navigation", name="On this page")
    link = contents.get_by_role("link", name="When to get help", exact=True)
    expect(link).to_be_visible()
    link.click()
    page.wait_for_url(re.compile(r"#when-to-get-help$"))
    expect(page.locator("#when-to-get-help")).to_be_in_viewport()
    context.close()
