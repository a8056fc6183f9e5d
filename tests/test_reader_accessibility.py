"""Every page passes axe-core's WCAG 2.2 A/AA rules and works from the keyboard."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from tests.axecolours import AXE_VERSION, ColourChecks, colour_violations
from tests.browser import (
    DESKTOP,
    PHONE,
    SiteServer,
    put_axe_in,
    wait_until_settled,
    wcag_violations,
)
from tests.pagevisit import PageVisit, violations_in_both_schemes

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_page_has_no_wcag_violations(page_visit: PageVisit, reader_page: str, screen: str) -> None:
    """Every page the build wrote (``reader_page``, see conftest.py), on each
    screen, in both colour schemes: axe runs in the scheme the page opens in,
    then again after the reader's toggle switches it (one load for both; each
    scheme's violations are named). The load is the page's shared visit
    (tests/pagevisit.py), where axe runs first, on the page as it opened."""
    found = page_visit.wcag[screen]
    assert sorted(found) == ["dark", "light"], found
    problems = [
        f"/{reader_page} ({screen}, {scheme}):\n" + "\n".join(violations)
        for scheme, violations in sorted(found.items())
        if violations
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_color_toggle_tooltip_is_readable_when_shown(
    chromium: Browser, site_server: SiteServer, scheme: Literal["light", "dark"]
) -> None:
    """A mouse reader who rests on the color toggle sees its tooltip; fully
    shown, it passes axe's WCAG rules. The test above switches schemes by a
    click event so that axe never reads this tooltip half faded in; this is
    where the tooltip itself is checked."""
    context = chromium.new_context(viewport=DESKTOP, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_server.url("conditions/crps/"))
    page.locator("label[for^='__palette']:visible").first.hover()
    expect(page.get_by_role("tooltip")).to_be_visible()
    wait_until_settled(page)
    violations = wcag_violations(page)
    context.close()
    assert not violations, "\n".join(violations)


# A paragraph a reader can read, then the same one turned pale.
CONTRAST_HTML = """<!doctype html><html lang="en"><head><title>Contrast</title></head>
<body><main><p id="text" style="color: #000; background: #fff">Readable text</p></main></body>
</html>"""


def test_a_second_axe_run_on_one_load_sees_what_changed(chromium: Browser) -> None:
    """axe is put into a page once per load (tests/browser.py), and the scheme
    test above runs it twice on one load: the second run still reads the page
    as it is then, so a problem that appears after the first run is named."""
    page = chromium.new_page()
    page.set_content(CONTRAST_HTML)
    before = wcag_violations(page)
    page.evaluate("() => { document.getElementById('text').style.color = '#eee'; }")
    after = wcag_violations(page)
    page.close()
    assert before == []
    assert len(after) == 1, after
    assert after[0].startswith("color-contrast "), after


# A page with Material's scheme toggle (body's data-md-color-scheme, and a
# label for the palette's radio button) where the dark scheme alone has a
# problem of each kind the scheme can bring: pale text, a picture without a
# text alternative that only the dark scheme shows, and a button whose name
# the toggle takes away.
SCHEMES_HTML = """<!doctype html><html lang="en"><head><title>Schemes</title><style>
  body { margin: 1rem }
  [data-md-color-scheme="default"] { background: #fff; color: #000 }
  [data-md-color-scheme="slate"] { background: #000; color: #fff }
  [data-md-color-scheme="slate"] #pale { color: #222 }
  [data-md-color-scheme="default"] .only-dark { display: none }
</style></head>
<body data-md-color-scheme="default"><main>
  <p id="pale">Readable in the light scheme only</p>
  <img class="only-dark" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">
  <button id="named" aria-label="Print this page" type="button">P</button>
  <input type="radio" name="__palette" id="__palette_1" aria-label="Switch to dark mode">
  <label for="__palette_1">Dark</label>
</main><script>
  document.getElementById('__palette_1').addEventListener('change', () => {
    document.body.setAttribute('data-md-color-scheme', 'slate');
    document.getElementById('named').setAttribute('aria-label', '');
    document.getElementById('named').textContent = '';
  });
</script></body></html>"""


def test_the_second_scheme_s_axe_run_names_what_only_that_scheme_breaks(
    chromium: Browser,
) -> None:
    """The shared visit's second axe run (tests/pagevisit.py) checks only what
    a scheme can change: colours over the whole page, every rule over what
    the switch changed. On a page whose dark scheme alone has pale text, a
    picture with no text alternative and a button left without a name, the
    dark run names all three, and the light run none."""
    page = chromium.new_page()
    page.set_content(SCHEMES_HTML)
    found = violations_in_both_schemes(page, ColourChecks())
    page.close()
    assert found["light"] == [], found
    dark = {line.split(" ", 1)[0] for line in found["dark"]}
    assert {"color-contrast", "image-alt", "button-name"} <= dark, found


# Three colour problems put into a page whose colours have all passed
# before: pale text, a dark box behind a paragraph left as it was, and a
# link told from its text by nothing but a colour too close to the text's.
COLOUR_PROBLEMS_JS = """() => {
  const paragraphs = document.querySelectorAll('article > p:not([class])');
  // Styled through the style object: the site's CSP refuses style attributes.
  const pale = document.createElement('span');
  pale.id = 'pale';
  pale.textContent = 'pale words';
  pale.style.color = '#d8d8d8';
  const link = document.createElement('a');
  link.id = 'same-colour';
  link.href = '#';
  link.textContent = 'a link';
  link.style.color = '#333';
  link.style.textDecoration = 'none';
  paragraphs[0].append(' ', pale, ' ', link);
  const dark = paragraphs[paragraphs.length - 1];
  dark.id = 'dark';
  const box = document.createElement('div');
  dark.before(box);
  box.append(dark);
  box.style.background = '#444';
}"""


def test_a_page_of_colours_already_passed_is_still_checked_for_new_ones(
    chromium: Browser, site_server: SiteServer
) -> None:
    """The visits' axe runs check colours only on elements whose colours (its
    own, and what is painted behind it) have not passed yet on the worker
    (tests/axecolours.py). A page seen a second time is all passed colours,
    and axe looks at few of its elements; put into it pale text, a dark
    box behind a paragraph left as it was, and a link whose colour alone,
    too close to the text's, tells it apart: axe names all three, and
    names them again on the next run (a failure is never remembered as
    passed colours)."""
    page = chromium.new_page(viewport=DESKTOP)
    colours = ColourChecks()
    page.goto(site_server.url("conditions/crps/"))
    assert colour_violations(page, colours) == []
    first = colours.last_checked
    page.goto(site_server.url("conditions/crps/"))
    assert colour_violations(page, colours) == []
    again = colours.last_checked
    page.evaluate(COLOUR_PROBLEMS_JS)
    found = colour_violations(page, colours)
    found_again = colour_violations(page, colours)
    page.close()
    assert 0 <= again < first / 10, (first, again)
    problems = {
        ("color-contrast", "#pale"),
        ("color-contrast", "#dark"),
        ("link-in-text-block", "#same-colour"),
    }
    for lines in (found, found_again):
        named = {(line.split(" ", 1)[0], line.rsplit(": ", 1)[1]) for line in lines}
        assert problems <= named, (found, found_again)


def test_axe_is_the_release_the_colour_signatures_were_written_for(chromium: Browser) -> None:
    """tests/axecolours.py skips an element whose colour signature has passed:
    the signature holds what axe 4.12.1's colour checks read, and is made with
    that release's own functions. The axe put into pages must be that
    release (``axe.version``, as the page reports it), so an upgrade is
    re-checked rather than trusted. Under any other release the colour runs
    check every element, as shown here by giving the page's axe another
    version: the run after one that passed everything checks the whole page."""
    page = chromium.new_page()
    page.set_content(CONTRAST_HTML)
    put_axe_in(page)
    version = page.evaluate("() => axe.version")
    assert version == AXE_VERSION, (
        f"axe-core in the page is {version}; tests/axecolours.py was written against "
        f"{AXE_VERSION}. Until they agree, the visits' colour runs check every element "
        "(slower, still whole). Read the new release's color-contrast and "
        "link-in-text-block checks in axe-core's source (lib/checks/color/*-evaluate.js; "
        "lib/commons/color/: get-background-color.js, get-foreground-color.js, "
        "stacking-context.js, element-is-distinct.js) for anything they read that "
        "COLOUR_RUN_JS's signature leaves out, and check the functions it calls are still "
        "there; compare cut and full runs on every page with a broken link colour "
        "(benchmarks/README.md, branch i21-axe); then set AXE_VERSION."
    )
    colours = ColourChecks()
    assert colour_violations(page, colours) == []
    first = colours.last_checked
    assert colour_violations(page, colours) == []
    again = colours.last_checked
    page.evaluate("(version) => { axe.version = version + '-next'; }", AXE_VERSION)
    assert colour_violations(page, colours) == []
    page.close()
    assert (first, again, colours.last_checked) == (1, 0, -1)


@pytest.fixture(scope="module")
def desktop(chromium: Browser) -> Iterator[BrowserContext]:
    """One browser context for the module: a new one per page costs a second or more.

    Its reader asked for less motion (prefers-reduced-motion): Material's
    stylesheet then turns off every CSS transition, so a focused element, the
    search box or the phone's drawer is at once where it ends up. The focus
    walks picture a stop once the page has settled, so they see what every
    reader sees in the end, without painting the frames in between
    (benchmarks/README.md, issue 21).
    """
    context = chromium.new_context(viewport=DESKTOP, reduced_motion="reduce")
    yield context
    context.close()


@pytest.fixture
def keyboard_page(desktop: BrowserContext) -> Iterator[Page]:
    """A new tab for each test, so focus starts nowhere."""
    page = desktop.new_page()
    yield page
    page.close()


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
    # The jump is a navigation the browser makes after the key press returns.
    expect(page).to_have_url(re.compile(r"#complex-regional-pain-syndrome-crps$"))
    page.keyboard.press("Tab")
    expect(
        page.locator("article :focus"),
        "after the skip link, Tab should move into the article, not back to the menus",
    ).to_have_count(1)


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


# What kind of stop has focus: the element and its ancestors' tags and classes.
# Stops of one kind on one page (say every reference link) share one look.
# null once focus has left the page (after the last stop), or the article
# when only the article is walked.
FOCUS_KIND_JS = """(within) => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  if (within && !element.closest(within)) return null;
  const kinds = [];
  for (let node = element; node && node !== document.body; node = node.parentElement) {
    const classes = [...node.classList].filter((name) => name !== 'focus-visible').sort();
    kinds.push([node.tagName, ...classes].join('.'));
  }
  return kinds.join(' < ');
}"""

# Far more presses than any page needs; the loop ends when focus leaves the page.
MOST_TAB_PRESSES = 1000

# Put into the page by the walk below, to watch the Tab presses it makes.
# Before a press moves focus on, it looks at the stop the last press reached:
# when that stop's kind (FOCUS_KIND_JS) is not yet pictured, or focus has
# left the page (or ``within``), it holds focus there, cancelling the next
# presses, until the walk has looked. The walk then need not ask after every
# press (that round-trip was a fifth of a walk's CPU). A held press is
# cancelled before the page's own handlers see it; the presses it lets
# through are left alone, so focus moves as a reader's Tab moves it.
FOCUS_WALK_JS = f"""([within, seen]) => {{
  const kindOf = {FOCUS_KIND_JS};
  const walk = {{within, seen: new Set(seen), stops: 0, held: null}};
  walk.look = () => {{
    if (!walk.held && walk.stops > 0) {{
      const kind = kindOf(walk.within);
      if (kind === null || !walk.seen.has(kind)) walk.held = {{stop: walk.stops, kind}};
    }}
    return walk.held;
  }};
  if (!window.__focusWalk) {{
    addEventListener('keydown', (event) => {{
      if (event.key !== 'Tab') return;
      if (window.__focusWalk.look()) {{
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
      }}
      window.__focusWalk.stops += 1;
    }}, true);
  }}
  window.__focusWalk = walk;
}}"""
# Presses sent between two looks; a few are cancelled after each new kind.
TABS_PER_LOOK = 8

# Between two pictures the page is see-through: Chromium then paints and
# composites nothing of it, which was a third of a passed-over stop's CPU.
# Opacity changes no Tab stop (a see-through element is still focusable, as
# Chromium decides by display and visibility) and nothing Material reacts
# to; each picture is of the page as a reader sees it, opaque and settled.
SEE_THROUGH_JS = """(seeThrough) => seeThrough
  ? document.documentElement.style.setProperty('opacity', '0', 'important')
  : document.documentElement.style.removeProperty('opacity')"""


def stops_without_visible_focus(
    page: Page,
    within: str | None = None,
    seen_kinds: set[str] | None = None,
    wanted: set[str] | None = None,
) -> list[str]:
    """Tab on from where focus is; the stops whose focus cannot be seen.

    Ends when focus leaves the page (or the element ``within`` selects), or,
    given the ``wanted`` kinds (every kind not yet pictured that the stops
    ahead can have), once each of those has been pictured: the stops after
    are all of pictured kinds, and the walk would picture nothing more. At
    the first stop of each kind (``FOCUS_KIND_JS``), compare a picture of the
    stop focused and unfocused; other stops are passed over without a
    picture, which keeps a long page quick. ``seen_kinds``, when given, holds
    the kinds already pictured (on earlier pages) and gains this page's
    that show focus.
    The page itself holds focus at each such stop (``FOCUS_WALK_JS``).
    Each picture is taken once the page has settled: Material answers focus
    after a timer and then animates (the search box widens as it opens), so a
    box measured or a picture taken at once catches the page mid-change (the
    flaky "stop 5" of issue 13).
    """
    unseen: list[str] = []
    if seen_kinds is None:
        seen_kinds = set()
    page.evaluate(FOCUS_WALK_JS, [within, sorted(seen_kinds)])
    page.evaluate(SEE_THROUGH_JS, True)
    for _ in range(0, MOST_TAB_PRESSES, TABS_PER_LOOK):
        # Tab held down: each repeat moves focus on, as a reader's held
        # Tab does, with one key-up per look instead of one per press.
        for _ in range(TABS_PER_LOOK):
            page.keyboard.down("Tab")
        page.keyboard.up("Tab")
        held = page.evaluate("() => window.__focusWalk.look()")
        if held is None:
            continue
        kind = held["kind"]
        if kind is None:
            page.evaluate(SEE_THROUGH_JS, False)
            return unseen
        page.evaluate(SEE_THROUGH_JS, False)
        if focus_is_visible(page):
            seen_kinds.add(kind)  # an unseen kind fails each page it is on
        else:
            unseen.append(f"stop {held['stop']}: {focused_text(page)!r} ({kind})")
        if wanted is not None:
            wanted.discard(kind)
            if not wanted:
                return unseen
        page.evaluate(
            "(kind) => { window.__focusWalk.seen.add(kind); window.__focusWalk.held = null; }",
            kind,
        )
        page.evaluate(SEE_THROUGH_JS, True)
    pytest.fail(f"focus never left the page after {MOST_TAB_PRESSES} presses of Tab")


def focus_is_visible(page: Page) -> bool:
    """Whether a picture of the focused element differs from one without focus."""
    wait_until_settled(page)
    region = page.evaluate(FOCUS_REGION_JS)
    focused = page.screenshot(clip=region, animations="disabled")
    page.evaluate(
        "() => { window.__lastFocus = document.activeElement; document.activeElement.blur(); }"
    )
    wait_until_settled(page)
    unfocused = page.screenshot(clip=region, animations="disabled")
    page.evaluate("() => window.__lastFocus.focus()")
    wait_until_settled(page)
    return focused != unfocused


# Two links a keyboard reader meets in turn: the browser's own ring on the
# first; the second's focus is styled away, as a careless stylesheet would.
HIDDEN_FOCUS_HTML = """<!doctype html><html lang="en"><body>
<style>.hidden-focus:focus, .hidden-focus:focus-visible { outline: none; }</style>
<p><a class="ringed" href="#one">Ringed link</a></p>
<p><a class="hidden-focus" href="#two">Hidden focus link</a></p>
</body></html>"""


def test_focus_check_names_a_stop_whose_focus_cannot_be_seen(keyboard_page: Page) -> None:
    """The check the next tests rely on can fail: it names the one stop
    whose focus looks the same as no focus, and passes the one with a ring.

    On the site itself, removing the ring from docs/assets/site.css fails
    the next test at the search box (stop 5 on the desktop, 4 on the
    phone); links still show focus without it, in Material's focus color."""
    page = keyboard_page
    page.set_content(HIDDEN_FOCUS_HTML)
    unseen = stops_without_visible_focus(page)
    assert len(unseen) == 1, unseen
    assert "Hidden focus link" in unseen[0], unseen


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_focus_is_visible_at_every_tab_stop(
    chromium: Browser, site_server: SiteServer, viewport: ViewportSize
) -> None:
    """Tab through a whole page: header, menus, article, footer, on both screens.

    The site's frame is much the same on every page, so one page covers it,
    and each page's own article is covered by the next test (on the desktop
    screen; on the phone, this page's article). The page is the diagnosis
    guide: its table of contents nests three deep, so its walk meets every
    kind of frame stop the CRPS page's does and two more (nested contents
    links), in about 165 stops where the CRPS page, with the longest
    article, takes about 340 (issue 21).
    """
    page = chromium.new_page(viewport=viewport, reduced_motion="reduce")  # as `desktop`
    page.goto(site_server.url("guides/diagnosis/"))
    unseen = stops_without_visible_focus(page)
    page.close()
    assert not unseen, "focus not visible at:\n" + "\n".join(unseen)


# Material's skip link, in each language of the site (its partials/languages/*.html).
SKIP_LINK = {"en": "Skip to content", "es": "Saltar a contenido"}


@pytest.fixture(scope="module")
def article_stop_kinds() -> set[str]:
    """The kinds of article stop already pictured, shared by the pages of a worker."""
    return set()


@pytest.fixture(scope="module")
def article_tab(desktop: BrowserContext) -> Iterator[Page]:
    """One tab that loads page after page for the article walks.

    A load starts focus nowhere, as a new tab does; a new tab per page cost
    a renderer process each (about half a second of CPU)."""
    page = desktop.new_page()
    yield page
    page.close()


# The kinds (FOCUS_KIND_JS) of every element of ``within`` that can take
# focus, each focused in turn by script; null when ``within`` holds an element
# with a shadow root of its own or a custom element, whose insides script
# cannot focus one by one. Tab stops only at elements that can take focus,
# and FOCUS_KIND_JS reads the focused element either way, so these kinds
# include the kind of every stop Tab can reach there (and of elements Tab
# passes over, such as tabindex="-1"). Focusing without scrolling or painting
# a frame, a page's sweep costs a few milliseconds; its walk, about 10 ms a
# stop. Focus then goes back to the element that had it (the skip link),
# which is where Tab goes on from.
FOCUSABLE_KINDS_JS = f"""(within) => {{
  const kindOf = {FOCUS_KIND_JS};
  const elements = [...document.querySelector(within).querySelectorAll('*')];
  if (elements.some((element) => element.shadowRoot || element.localName.includes('-'))) {{
    return null;
  }}
  const had = document.activeElement;
  const kinds = new Set();
  for (const element of elements) {{
    element.focus({{preventScroll: true}});
    if (document.activeElement === element) kinds.add(kindOf(within));
  }}
  if (had && had !== document.body) had.focus();
  else document.activeElement?.blur();
  return [...kinds];
}}"""


def reach_skip_link(page: Page, url: str) -> None:
    """Load ``url`` and press Tab once: the skip link, in the page's language, has focus."""
    page.goto(url)
    page.keyboard.press("Tab")
    language = page.locator("html").get_attribute("lang") or ""
    expect(page.locator(":focus")).to_have_text(SKIP_LINK[language])


def follow_skip_link(page: Page) -> None:
    """Enter on the focused skip link: the page jumps into its article."""
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#"))


def test_focus_is_visible_in_every_article(
    article_tab: Page, site_server: SiteServer, reader_page: str, article_stop_kinds: set[str]
) -> None:
    """On every page the build wrote, every kind of stop in the article shows focus.

    The skip link leads into the article, as a keyboard reader would go, and
    the article's stops are walked. A kind of stop is its element and every
    ancestor's tag and classes up to the page's body (``FOCUS_KIND_JS``), and
    one stylesheet serves every page, so a kind looks the same on every page
    it is on: it is pictured on the first page it is found on (each worker
    keeps its own list), and a page with a new kind pictures that one.
    Picturing each kind again on each page cost about 15 s a page.

    A page is walked only when its article has an element that can take
    focus of a kind not yet pictured (``FOCUSABLE_KINDS_JS``): otherwise every
    stop Tab can reach in it is of a kind already pictured, and the walk
    (about 10 ms of CPU a stop, 4,600 stops over the site) would picture
    nothing. The sweep runs while the skip link has focus, and gives focus
    back to it: Enter then jumps into the article from where a reader's
    first Tab left them, so the walk needs no second load (its stops were
    the same, stop by stop, as after a fresh load on all 46 pages;
    benchmarks/README.md, issue 21, branch i21-browser). The walk ends
    once it has pictured every kind the sweep found that was not pictured
    before: the stops after it are of pictured kinds. So, as on a page not
    walked, Tab is not pressed to the article's end; the whole-page walks
    (the diagnosis guide, both screens) press it through every stop.
    """
    page = article_tab
    reach_skip_link(page, site_server.url(reader_page))
    kinds = page.evaluate(FOCUSABLE_KINDS_JS, "article")
    follow_skip_link(page)
    if kinds is not None and article_stop_kinds.issuperset(kinds):
        return
    wanted = None if kinds is None else set(kinds) - article_stop_kinds
    unseen = stops_without_visible_focus(
        page, within="article", seen_kinds=article_stop_kinds, wanted=wanted
    )
    assert not unseen, f"/{reader_page}: focus not visible at:\n" + "\n".join(unseen)


def test_search_works_from_the_keyboard(keyboard_page: Page, site_server: SiteServer) -> None:
    page = keyboard_page
    page.goto(site_server.url())
    page.keyboard.press("/")
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type("causalgia")
    # Material searches at each key: wait for the results of the whole word
    # (its terms are in each link's ?h=), or ArrowDown could pick a result of
    # "caus" that the next results then replace, focus and all (issue 13).
    first = page.locator(".md-search-result__link").first
    expect(first).to_have_attribute("href", re.compile(r"[?&]h=causalgia(&|#|$)"))
    page.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
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
