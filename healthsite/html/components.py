"""Page components readers learn once: care cards, the key points box, "Also called".

Editors write care cards and key points as admonitions (``!!! urgent``,
``!!! key-points``; STYLE.md, "When to get help"), the syntax Material users
already know. Python-Markdown's ``admonition`` extension parses them; the
tree processor here then rewrites each one into the site's own markup, NHS
care-card style: a real heading (not ``<p class="admonition-title">``) whose
level is spoken first by screen readers, as visually hidden text.

Why a tree processor, not ``on_page_content`` or ``pymdownx.blocks``: the
syntax was fixed as admonitions (which rules out ``blocks``' ``///``); in the
element tree the rewrite needs no second HTML parse and no regular expression
over HTML, and it runs after the ``toc`` extension, so card headings get no
anchor, no permalink and no entry in "On this page" (they are part of their
section, not sections of their own), and before MkDocs reads the HTML for
search and our readability check.

Mistakes in the Markdown (an unknown type, too many bullets, a condition page
without urgent and emergency cards) are found, with their lines, by
``healthsite/checks/components.py``; this module only renders.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from xml.etree import ElementTree as etree  # noqa: N813 (as Python-Markdown names it)

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from healthsite.pages.frontmatter import FrontMatter, PageType


@dataclass(frozen=True)
class CardLevel:
    """One level of care card: its admonition type and what readers get."""

    type: str
    # Spoken first by screen readers, hidden on screen (the color says it there).
    hidden_prefix: str
    # The heading when the editor gives no title: US services, plain words.
    standard_title: str


CARD_LEVELS = (
    CardLevel("non-urgent", "Non-urgent advice: ", "Make an appointment to see your doctor if:"),
    CardLevel(
        "urgent",
        "Urgent advice: ",
        "Get help today from your doctor or an urgent care center if:",
    ),
    CardLevel("emergency", "Emergency: ", "Call 911 or go to the emergency room if:"),
)
CARD_BY_TYPE = {level.type: level for level in CARD_LEVELS}
KEY_POINTS = "key-points"
KEY_POINTS_TITLE = "Key points"
# Material's boxes the site also allows, for asides that are not care advice.
OTHER_ADMONITIONS = ("note", "tip", "warning")
COMPONENT_TYPES = (*CARD_BY_TYPE, KEY_POINTS)
HEADING = re.compile(r"h([1-6])")
SHOWS_ALSO_CALLED = frozenset({PageType.condition, PageType.treatment})


def _default_title(admonition_type: str) -> str:
    """The title Python-Markdown's admonition extension writes when none is given."""
    return admonition_type.capitalize()


def _written_title(box: etree.Element, box_type: str) -> etree.Element | None:
    """Remove the admonition's title paragraph; return it if the editor wrote a title.

    None when there is no title paragraph (``""``) or it holds only the
    type's default title: the component's standard title is used then.
    """
    title = next(
        (child for child in box if "admonition-title" in (child.get("class") or "").split()),
        None,
    )
    if title is None:
        return None
    box.remove(title)
    if not len(title) and (title.text or "").strip() == _default_title(box_type):
        return None
    return title


def _heading(
    level: int, css_class: str, hidden: str, standard_title: str, written: etree.Element | None
) -> etree.Element:
    """``<hN class=...><span class="visually-hidden">hidden</span>title</hN>``."""
    heading = etree.Element(f"h{level}", {"class": css_class})
    text = standard_title if written is None else (written.text or "")
    if hidden:
        prefix = etree.SubElement(heading, "span", {"class": "visually-hidden"})
        prefix.text = hidden
        prefix.tail = text
    else:
        heading.text = text
    if written is not None:
        heading.extend(list(written))
    return heading


def _rebuild(
    box: etree.Element, css_class: str, heading: etree.Element, content_class: str
) -> None:
    """Turn the admonition ``div`` into the component, its body in a content ``div``."""
    body = list(box)
    for child in body:
        box.remove(child)
    box.attrib.clear()
    box.set("class", css_class)
    box.append(heading)
    content = etree.SubElement(box, "div", {"class": content_class})
    content.extend(body)


def card_levels(words: Mapping[str, str] | None) -> dict[str, CardLevel]:
    """Each card level with its words in the page's language (data/interface.yml)."""
    if words is None:
        return dict(CARD_BY_TYPE)
    return {
        level.type: CardLevel(
            level.type,
            words[f"card_{level.type.replace('-', '_')}_prefix"],
            words[f"card_{level.type.replace('-', '_')}_title"],
        )
        for level in CARD_LEVELS
    }


class ComponentsTreeprocessor(Treeprocessor):
    """Rewrites care-card and key-points admonitions into the site's markup."""

    def __init__(self, md: Markdown, words: Mapping[str, str] | None = None) -> None:
        super().__init__(md)
        self.cards = card_levels(words)
        self.key_points_title = words["key_points_title"] if words else KEY_POINTS_TITLE

    def run(self, root: etree.Element) -> None:
        # Document order: each box's heading goes one level below the heading before it.
        last_heading = 1
        boxes: list[tuple[etree.Element, str, int]] = []
        for element in root.iter():
            heading_tag = HEADING.fullmatch(element.tag)
            if heading_tag:
                last_heading = int(heading_tag.group(1))
                continue
            classes = (element.get("class") or "").split()
            is_admonition = element.tag == "div" and classes[:1] == ["admonition"]
            if is_admonition and len(classes) > 1 and classes[1] in COMPONENT_TYPES:
                boxes.append((element, classes[1], min(last_heading + 1, 6)))
        for box, box_type, level in boxes:
            written = _written_title(box, box_type)
            if box_type == KEY_POINTS:
                heading = _heading(level, "key-points__heading", "", self.key_points_title, written)
                _rebuild(box, "key-points", heading, "key-points__content")
                continue
            card = self.cards[box_type]
            heading = _heading(
                level, "care-card__heading", card.hidden_prefix, card.standard_title, written
            )
            _rebuild(box, f"care-card care-card--{box_type}", heading, "care-card__content")


class ComponentsExtension(Extension):
    """Registers the tree processor after ``toc`` (5) and before MkDocs' title (1).

    ``words``: the interface strings of the language being built (English if not given).
    """

    def __init__(self, words: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.words = words

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        processor = ComponentsTreeprocessor(md, self.words)
        md.treeprocessors.register(processor, "healthsite_components", 4)


# --- "Also called", under the title of condition and treatment pages ----------


def _is_word_character(text: str, index: int) -> bool:
    """``text[index]`` is what ``\\w`` matches (no pattern is compiled per name:
    a library has thousands of names, far more than ``re``'s cache holds)."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def _mentioned(name: str, title: str) -> bool:
    """Whether the title already says this name, as whole words, in any case."""
    needle, haystack = name.casefold(), title.casefold()
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        if not _is_word_character(haystack, start - 1) and not _is_word_character(haystack, end):
            return True
        start = haystack.find(needle, start + 1)
    return False


def names_to_show(title: str, alternative_names: list[str]) -> list[str]:
    """Alternative names worth showing under the title, in the editor's order.

    A name the title already says (the "CRPS" of "Complex regional pain
    syndrome (CRPS)") would read as a slip under it, so it is left out, as are
    repeats; search and structured data still use every name.
    """
    shown: list[str] = []
    seen: set[str] = set()
    for name in alternative_names:
        key = " ".join(name.casefold().split())
        if key in seen or _mentioned(name, title):
            continue
        seen.add(key)
        shown.append(name)
    return shown


def add_also_called(page_html: str, front: FrontMatter | None, label: str = "Also called:") -> str:
    """Insert "Also called: ..." right after the ``<h1>`` of a condition or
    treatment page (from its checked front matter); others are unchanged."""
    meta = front.meta if front else None
    if meta is None or meta.page_type not in SHOWS_ALSO_CALLED:
        return page_html
    names = names_to_show(meta.title, meta.alternative_names or [])
    before, end_of_title, after = page_html.partition("</h1>")
    if not names or not end_of_title:
        return page_html
    listed = ", ".join(html.escape(name, quote=False) for name in names)
    # Pagefind leaves ".also-called" out (healthsite/search/pagefind.py): the
    # names are indexed already, boosted, as the page's reader terms
    # (healthsite/search/terms.py); not twice per page.
    line = f'\n<p class="also-called"><strong>{html.escape(label)}</strong> {listed}</p>'
    return f"{before}{end_of_title}{line}{after}"
