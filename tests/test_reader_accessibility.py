"""Every page passes axe-core's WCAG 2.2 A/AA rules and works from the keyboard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from tests.browser import DESKTOP, PHONE, READER_PAGES, SiteServer, wcag_violations

pytestmark = pytest.mark.browser

SCHEME_ATTRIBUTE = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module", params=["light", "dark"])
def scheme(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module", params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def screen(chromium: Browser, scheme: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page in the reader's colour scheme and screen size, reused per module."""
    viewport: ViewportSize = request.param
    context = chromium.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", READER_PAGES, ids=lambda path: f"/{path}")
def test_page_has_no_wcag_violations(
    screen: Page, scheme: str, site_server: SiteServer, path: str
) -> None:
    screen.goto(site_server.url(path))
    expect(screen.locator("body")).to_have_attribute(
        "data-md-color-scheme", SCHEME_ATTRIBUTE[scheme]
    )
    violations = wcag_violations(screen)
    assert not violations, f"/{path} ({scheme}):\n" + "\n".join(violations)


@pytest.fixture
def keyboard_page(chromium: Browser) -> Iterator[Page]:
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


def focused_text(page: Page) -> str:
    return page.evaluate(
        "() => (document.activeElement.innerText"
        " || document.activeElement.getAttribute('aria-label') || '').trim()"
    )


def test_skip_link_is_first_visible_and_jumps_to_the_content(
    keyboard_page: Page, site_server: SiteServer
) -> None:
    page = keyboard_page
    page.goto(site_server.url("conditions/crps/"))
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Skip to content")
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.url.endswith("#complex-regional-pain-syndrome-crps")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('article') !== null"), (
        "after the skip link, Tab should move into the article, not back to the menus"
    )


# A region around the focused element, so a ring drawn outside it is included.
FOCUS_REGION_JS = """() => {
  const area = (element) => {
    const box = element.getBoundingClientRect();
    return box.width * box.height;
  };
  let element = document.activeElement;
  while (element && area(element) === 0) element = element.parentElement;
  const box = element.getBoundingClientRect();
  return {x: Math.max(box.x - 6, 0), y: Math.max(box.y - 6, 0),
          width: box.width + 12, height: box.height + 12};
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_focus_is_visible_at_every_tab_stop(
    chromium: Browser, site_server: SiteServer, viewport: ViewportSize
) -> None:
    """Tab through the page: each stop looks different focused and unfocused."""
    page = chromium.new_page(viewport=viewport)
    page.goto(site_server.url("conditions/crps/"))
    unseen = []
    for stop in range(30):
        page.keyboard.press("Tab")
        region = page.evaluate(FOCUS_REGION_JS)
        focused = page.screenshot(clip=region, animations="disabled")
        label = focused_text(page)
        page.evaluate("() => { window.__lastFocus = document.activeElement; }")
        page.evaluate("() => document.activeElement.blur()")
        unfocused = page.screenshot(clip=region, animations="disabled")
        page.evaluate("() => window.__lastFocus.focus()")
        if focused == unfocused:
            unseen.append(f"stop {stop + 1}: {label!r}")
    page.close()
    assert not unseen, "focus not visible at:\n" + "\n".join(unseen)


def test_search_works_from_the_keyboard(keyboard_page: Page, site_server: SiteServer) -> None:
    page = keyboard_page
    page.goto(site_server.url())
    page.keyboard.press("/")
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type("causalgia")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/conditions/crps/**")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_navigation_works_from_the_keyboard(
    chromium: Browser, site_server: SiteServer, viewport: ViewportSize
) -> None:
    """Tab to the Treatments section's link; it is on screen when focused; Enter opens it."""
    page = chromium.new_page(viewport=viewport)
    page.goto(site_server.url())
    for _ in range(40):
        page.keyboard.press("Tab")
        href = page.evaluate("() => document.activeElement.getAttribute('href') || ''")
        if href.endswith("treatments/iv-ketamine/"):
            break
    else:
        pytest.fail("no link to the treatments section is reachable with Tab from the home page")
    expect(page.locator(":focus")).to_be_in_viewport()
    page.keyboard.press("Enter")
    page.wait_for_url("**/treatments/iv-ketamine/")
    expect(page.locator("h1")).to_contain_text("IV ketamine for CRPS")
    page.close()
