"""The sidebar shows where a library page sits, its section's pages and its "On this page" links.

Library pages are out of mkdocs.yml's nav, so that no page carries the whole
library (healthsite/library/sections.py). While a page is shown, its section's
sidebar lists every page of the section if it is small (at most
SHOWN_BY_NAME), or only the page itself and "All N ..." beyond that
(healthsite/library/sidebar.py; tests/test_library.py builds a big section).
Material puts a page's table of contents under its own menu entry on phones
and tablets, so a reader on a phone needs that entry for "On this page".
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, expect

from healthsite.library.model import SHOWN_BY_NAME
from healthsite.library.sections import section_of
from tests.browser import DESKTOP, PHONE, SiteServer, reader_pages
from tests.pagetext import built_pages
from tests.sitebuild import Build

CRPS = "conditions/crps/"
KETAMINE = "treatments/iv-ketamine/"
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


def section_folder(url_path: str) -> str:
    return url_path.split("/")[0]


def test_each_library_page_is_in_its_sections_menu_with_its_contents_and_the_sections_pages(
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
        # Every section of the site is small: each page's menu lists its
        # section's pages, and no page of another section.
        same_section = {page for page in pages if section_folder(page) == section_folder(url_path)}
        assert len(same_section) <= SHOWN_BY_NAME, same_section
        linked = {
            urljoin(f"{SITE}{url_path}", href).removeprefix(SITE).split("#")[0]
            for href in re.findall(r'href="([^"]+)"', sidebar)
        }
        assert linked & set(pages) == same_section, url_path


@pytest.mark.browser
def test_on_a_desktop_a_treatment_page_lists_every_treatment_in_the_sidebar(
    chromium: Browser, site_server: SiteServer, built_site: Build
) -> None:
    treatments = sorted(
        (
            page.meta["title"]
            for page in built_pages(built_site)
            if page.meta.get("page_type") == "treatment"
        ),
        key=str.casefold,
    )
    assert len(treatments) >= 2, treatments
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_server.url(KETAMINE))
    sidebar = page.locator(".md-sidebar--primary")
    expect(sidebar.get_by_role("link", name="Treatments", exact=True)).to_be_visible()
    for title in treatments:
        expect(sidebar.get_by_role("link", name=title, exact=True)).to_be_visible()
    # In title order, as on the Treatments page, the page shown among them.
    listed = [
        name.strip()
        for name in sidebar.locator("a.md-nav__link").all_inner_texts()
        if name.strip() in treatments
    ]
    assert listed == treatments
    context.close()


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
