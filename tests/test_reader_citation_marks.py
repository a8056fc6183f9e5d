"""Citation marks read as a reader sees them: "weak.2", never "weak.,2"; two side by side "1,2".

The comma between two marks is drawn by CSS (``::before``), so it is not in
the HTML: the browser tests read each mark as Chromium renders it, generated
content included. The build decides which marks are side by side
(``healthsite/html/citation_marks.py``); the tree processor is tested here on
its own too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TypedDict

import markdown
import pytest
from playwright.sync_api import Browser, Page, expect

from healthsite.html.citation_marks import NEXT_MARK_CLASS, CitationMarksExtension
from tests.browser import DESKTOP, SiteServer

CRPS = "conditions/crps/"

# Each citation mark of the page as rendered: what stands before it in its
# parent (the text of the siblings before it, generated content included, at
# most the last 40 characters), the mark itself, the content CSS adds between
# the words before it and its number (the ::after of an element just before
# it, the ::before and ::after in the mark), and whether the node just before
# it is another mark.
MARKS_JS = """() => {
  const generated = (element, which) => {
    const content = getComputedStyle(element, which).content;
    const quoted = content.match(/^"(.*)"$/);
    return quoted ? quoted[1] : "";
  };
  const rendered = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType !== Node.ELEMENT_NODE) return "";
    return generated(node, "::before")
      + [...node.childNodes].map(rendered).join("")
      + generated(node, "::after");
  };
  const addedByCss = (mark) => {
    const previous = mark.previousSibling;
    const elements = [mark, ...mark.querySelectorAll("*")];
    return (previous?.nodeType === Node.ELEMENT_NODE ? generated(previous, "::after") : "")
      + elements.map((element) =>
          generated(element, "::before") + generated(element, "::after")).join("");
  };
  const isMark = (node) => node?.nodeType === Node.ELEMENT_NODE
    && node.matches('sup[id^="fnref"]');
  return [...document.querySelectorAll('article sup[id^="fnref"]')].map((mark) => {
    const siblings = [...mark.parentNode.childNodes];
    const before = siblings.slice(0, siblings.indexOf(mark)).map(rendered).join("");
    return {
      id: mark.id,
      before: before.slice(-40),
      mark: rendered(mark),
      addedByCss: addedByCss(mark),
      afterMark: isMark(mark.previousSibling),
    };
  });
}"""


class RenderedMark(TypedDict):
    id: str
    before: str
    mark: str
    addedByCss: str
    afterMark: bool


@pytest.fixture(scope="module")
def screen(chromium: Browser) -> Iterator[Page]:
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


def rendered_marks(screen: Page, site_server: SiteServer, path: str) -> list[RenderedMark]:
    screen.goto(site_server.url(path))
    expect(screen.locator("article")).to_be_visible()
    marks: list[RenderedMark] = screen.evaluate(MARKS_JS)
    return marks


@pytest.mark.browser
def test_no_comma_between_words_and_a_citation_mark(
    screen: Page, site_server: SiteServer, reader_page: str
) -> None:
    """Every page the build wrote (``reader_page``, see conftest.py).

    A comma typed in the text before a mark stays ("do not agree,5" is how
    medical writing places a mark after a comma); what must not be there is a
    comma the stylesheet draws after words ("weak.,2")."""
    marks = rendered_marks(screen, site_server, reader_page)
    stray = [
        f"{mark['id']}: …{mark['before'][-25:]}{mark['mark']}"
        for mark in marks
        if not mark["afterMark"] and "," in mark["addedByCss"]
    ]
    assert not stray, f"/{reader_page}: a comma before a citation mark:\n" + "\n".join(stray)


@pytest.mark.browser
def test_two_marks_side_by_side_read_with_a_comma(screen: Page, site_server: SiteServer) -> None:
    marks = rendered_marks(screen, site_server, CRPS)
    # Marks side by side, as the reader reads them: "1,2", or "1,2,3" for three.
    runs: list[str] = []
    for mark in marks:
        if mark["afterMark"] and runs:
            runs[-1] += mark["mark"]
        else:
            runs.append(mark["mark"])
    together = [run for run in runs if not re.fullmatch(r"\d+", run)]
    # The CRPS page cites two trials together (cite('kemler2000', 'kemler2008')).
    assert together, f"/{CRPS}: expected citation marks side by side"
    unseparated = [run for run in together if not re.fullmatch(r"\d+(,\d+)+", run)]
    assert not unseparated, f"/{CRPS}: expected marks side by side to read '1,2': {unseparated}"
    single = [mark["mark"] for mark in marks if not mark["afterMark"]]
    assert all(re.fullmatch(r"\d+", mark) for mark in single), single


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["footnotes", CitationMarksExtension()])


NOTES = "\n\n[^a]: Source A.\n[^b]: Source B.\n"


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Pain.[^a][^b]", 1),
        ("Pain.[^a] [^b]", 1),  # a space alone still leaves them side by side
        ("Pain is common.[^a] Swelling too.[^b]", 0),
        ("Pain.[^a] **Swelling**[^b]", 0),
        ("Pain.[^a]\n\nSwelling.[^b]", 0),
    ],
)
def test_only_the_second_of_two_adjacent_marks_gets_the_comma_class(text: str, marked: int) -> None:
    html = to_html(text + NOTES)
    assert html.count(NEXT_MARK_CLASS) == marked, html


def test_a_space_between_two_adjacent_marks_is_dropped() -> None:
    html = to_html("Pain.[^a] [^b]" + NOTES)
    assert "</sup> <sup" not in html
    assert re.search(rf'</sup><sup class="{NEXT_MARK_CLASS}" id="fnref:b">', html), html
