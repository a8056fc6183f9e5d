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

import markdown
import pytest
from playwright.sync_api import Browser, Page, expect

from healthsite.html.citation_marks import NEXT_MARK_CLASS, CitationMarksExtension
from tests.browser import DESKTOP, SiteServer
from tests.citationmarks import RenderedMark, rendered_marks
from tests.pagevisit import PageVisit

CRPS = "conditions/crps/"


@pytest.fixture(scope="module")
def screen(chromium: Browser) -> Iterator[Page]:
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


def marks_of(screen: Page, site_server: SiteServer, path: str) -> list[RenderedMark]:
    screen.goto(site_server.url(path))
    expect(screen.locator("article")).to_be_visible()
    return rendered_marks(screen)


@pytest.mark.browser
def test_no_comma_between_words_and_a_citation_mark(
    page_visit: PageVisit, reader_page: str
) -> None:
    """Every page the build wrote (``reader_page``, see conftest.py), read
    on the desktop screen of its shared visit (tests/pagevisit.py).

    A comma typed in the text before a mark stays ("do not agree,5" is how
    medical writing places a mark after a comma); what must not be there is a
    comma the stylesheet draws after words ("weak.,2")."""
    stray = [
        f"{mark['id']}: …{mark['before'][-25:]}{mark['mark']}"
        for mark in page_visit.marks
        if not mark["afterMark"] and "," in mark["addedByCss"]
    ]
    assert not stray, f"/{reader_page}: a comma before a citation mark:\n" + "\n".join(stray)


@pytest.mark.browser
def test_two_marks_side_by_side_read_with_a_comma(screen: Page, site_server: SiteServer) -> None:
    marks = marks_of(screen, site_server, CRPS)
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
