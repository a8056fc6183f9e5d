"""Care cards, the key points box and "Also called", as Chromium shows them.

Contrast is measured from Chromium's computed colours, in both palettes, at
WCAG 2.2 AA: text 4.5:1 against what is behind it, and each component's
boundary (a card's border, the key points bar) 3:1 against the page. axe
(tests/test_reader_accessibility.py) checks text too, but not boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser import DESKTOP, PHONE, SiteServer

pytestmark = pytest.mark.browser

CRPS = "conditions/crps/"
SCHEME_ATTRIBUTE = {"light": "default", "dark": "slate"}
TEXT_CONTRAST = 4.5
BOUNDARY_CONTRAST = 3.0

# Computed colours of an element: its text, and the backgrounds from it up to
# the first opaque one (Chromium writes them as rgb() or rgba()).
COLOURS_JS = """(element) => {
  const alpha = (colour) => {
    const rgba = colour.match(/rgba\\(([^)]+)\\)/);
    return rgba ? parseFloat(rgba[1].split(",")[3]) : 1;
  };
  const backgrounds = [];
  for (let node = element; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    backgrounds.push(colour);
    if (alpha(colour) >= 1) break;
  }
  const style = getComputedStyle(element);
  return {
    text: style.color,
    backgrounds: backgrounds,
    borderTop: style.borderTopColor,
    borderLeft: style.borderLeftColor,
  };
}"""

Colour = tuple[float, float, float, float]


def parse(css: str) -> Colour:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    red, green, blue = numbers[:3]
    return red, green, blue, numbers[3] if len(numbers) > 3 else 1.0


def over(top: Colour, below: Colour) -> Colour:
    """``top`` painted over the opaque ``below``."""
    alpha = top[3]
    mixed = [top[i] * alpha + below[i] * (1 - alpha) for i in range(3)]
    return mixed[0], mixed[1], mixed[2], 1.0


def flatten(layers: list[str]) -> Colour:
    """The colour seen through the background layers (element first, page last)."""
    seen: Colour = (255.0, 255.0, 255.0, 1.0)
    for layer in reversed(layers):
        seen = over(parse(layer), seen)
    return seen


def luminance(colour: Colour) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in colour[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: Colour, second: Colour) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def colours(page: Page, selector: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.locator(selector).evaluate_all(
        f"(elements) => elements.map({COLOURS_JS})"
    )
    assert found, f"nothing matches {selector}"
    return found


def text_contrasts(page: Page, selector: str) -> list[float]:
    """Contrast of each matching element's text with what is behind it."""
    result = []
    for seen in colours(page, selector):
        behind = flatten(seen["backgrounds"])
        result.append(contrast(over(parse(seen["text"]), behind), behind))
    return result


def page_background(page: Page) -> Colour:
    return flatten([page.evaluate("() => getComputedStyle(document.body).backgroundColor")])


Scheme = Literal["light", "dark"]


@pytest.fixture(scope="module", params=["light", "dark"])
def scheme(request: pytest.FixtureRequest) -> Scheme:
    chosen: Scheme = request.param
    return chosen


@pytest.fixture(scope="module", params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def crps(
    chromium: Browser, site_server: SiteServer, scheme: Scheme, request: pytest.FixtureRequest
) -> Iterator[Page]:
    """The CRPS page in the reader's palette and screen size."""
    context = chromium.new_context(viewport=request.param, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_server.url(CRPS))
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEME_ATTRIBUTE[scheme])
    yield page
    context.close()


@pytest.mark.parametrize(
    "selector",
    [
        ".care-card__heading",
        ".care-card__content li",
        ".key-points__heading",
        ".key-points li",
        ".key-points a",
        ".also-called",
    ],
)
def test_text_meets_aa_contrast(crps: Page, scheme: str, selector: str) -> None:
    low = [round(ratio, 2) for ratio in text_contrasts(crps, selector) if ratio < TEXT_CONTRAST]
    assert not low, f"{selector} ({scheme}): contrast {low}, expected at least {TEXT_CONTRAST}"


def test_card_and_key_points_boundaries_stand_out_from_the_page(crps: Page, scheme: str) -> None:
    page = page_background(crps)
    borders = {
        "care card": [parse(seen["borderTop"]) for seen in colours(crps, ".care-card")],
        "key points": [parse(seen["borderLeft"]) for seen in colours(crps, ".key-points")],
    }
    for name, found in borders.items():
        ratios = [round(contrast(over(colour, page), page), 2) for colour in found]
        assert min(ratios) >= BOUNDARY_CONTRAST, f"{name} border ({scheme}): {ratios}"


def test_cards_have_their_own_colour_and_icon(crps: Page) -> None:
    """Levels differ in colour, and not by colour alone: each has its own icon."""
    looks = crps.locator(".care-card__heading").evaluate_all(
        """(headings) => headings.map((heading) => {
          const icon = getComputedStyle(heading, "::before");
          return {
            background: getComputedStyle(heading).backgroundColor,
            icon: icon.getPropertyValue("mask-image")
              || icon.getPropertyValue("-webkit-mask-image"),
            iconWidth: parseFloat(icon.width),
          };
        })"""
    )
    assert len(looks) == 3
    assert all(look["icon"].startswith("url(") and look["iconWidth"] > 0 for look in looks)
    assert len({look["icon"] for look in looks}) == 3
    assert looks[0]["background"] != looks[1]["background"]
    # Emergency: the urgent red over a dark body, as on the NHS website.
    body = colours(crps, ".care-card__content")
    assert flatten(body[2]["backgrounds"]) != flatten(body[1]["backgrounds"])


@pytest.mark.parametrize(
    "name",
    [
        "Non-urgent advice: Make an appointment to see your doctor if:",
        "Urgent advice: Get help today from your doctor, an urgent care center or a "
        "nurse advice line if:",
        "Emergency: Call 911 or go to the emergency room if:",
    ],
)
def test_screen_readers_hear_the_level_first_but_it_is_not_shown(crps: Page, name: str) -> None:
    heading = crps.get_by_role("heading", name=name, exact=True, level=3)
    expect(heading).to_be_visible()
    level = name.split(": ")[0] + ": "
    hidden = heading.locator(".visually-hidden")
    expect(hidden).to_have_text(level)
    box = hidden.bounding_box()
    assert box is not None
    assert box["width"] <= 1
    assert box["height"] <= 1


def test_key_points_and_also_called_are_seen_near_the_top(crps: Page) -> None:
    expect(crps.get_by_role("heading", name="Key points", exact=True, level=2)).to_be_visible()
    expect(crps.locator("h1 + .also-called")).to_contain_text("Also called: RSD")
    title = crps.locator("h1").bounding_box()
    names = crps.locator(".also-called").bounding_box()
    assert title is not None
    assert names is not None
    assert 0 <= names["y"] - (title["y"] + title["height"]) < 40
