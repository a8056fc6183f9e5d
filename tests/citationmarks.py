"""Citation marks as Chromium renders them, generated content included.

Read by tests/test_reader_citation_marks.py, on the CRPS page and, for every
page, from the shared visit (tests/pagevisit.py).
"""

from __future__ import annotations

from typing import TypedDict

from playwright.sync_api import Page

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


def rendered_marks(page: Page) -> list[RenderedMark]:
    """Every citation mark of the open page's article (``MARKS_JS``)."""
    marks: list[RenderedMark] = page.evaluate(MARKS_JS)
    return marks
