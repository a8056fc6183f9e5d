"""Our linear walk for glossary tooltips writes what the abbr extension writes.

The site build covers it on real pages (tests/test_glossary.py); here both
tree processors convert the same Markdown: long lists, nested elements,
abbreviations in text and in tails, a page's own definitions and a removed one.
"""

from __future__ import annotations

import markdown

from healthsite.html.abbr import EXTENSION_NAME

GLOSSARY = {"IV": "Into a vein.", "CRPS": "Long-lasting pain.", "MRI": "A scan.", "ok": ""}
ITEMS = "\n".join(f"- [IV ketamine {n}](page-{n}.md) and *CRPS* then MRI, IV" for n in range(300))
TEXT = f"""\
# IV and CRPS {{#top}}

IV *ketamine* for CRPS, then **an MRI** scan: IV. A word ok, and IVs, not IV-like.

<div markdown>
CRPS in a *div* then IV
</div>

{ITEMS}

> A quote: *IV* and [an MRI](x.md "MRI title") then CRPS.

| IV | CRPS |
|---|---|
| MRI | `IV` |

*[HTML]: Hypertext
*[CRPS]: ""
"""
EXTENSIONS = ["abbr", "attr_list", "md_in_html", "tables", "toc"]


def _convert(extensions: list[str]) -> str:
    return markdown.Markdown(
        extensions=extensions, extension_configs={"abbr": {"glossary": GLOSSARY}}
    ).convert(TEXT + "\nAn HTML page.\n")


def test_linear_walk_writes_the_same_html_as_the_abbr_extension() -> None:
    theirs = _convert(EXTENSIONS)
    ours = _convert([*EXTENSIONS, EXTENSION_NAME])
    assert ours == theirs
    # Not vacuous: tooltips were given, in lists and tails, and one was removed.
    assert ours.count('<abbr title="Into a vein.">IV</abbr>') > 600
    assert '<abbr title="Hypertext">HTML</abbr>' in ours
    assert "Long-lasting pain." not in ours


def test_the_linear_walk_replaces_the_extensions_processor() -> None:
    md = markdown.Markdown(extensions=[*EXTENSIONS, EXTENSION_NAME])
    assert type(md.treeprocessors["abbr"]).__name__ == "LinearAbbrTreeprocessor"


def test_blocks_and_glossary_words_not_on_the_page_are_skipped_with_the_same_html() -> None:
    """The walk skips blocks without any abbreviation's words, and leaves words
    not on the page out of its pattern; the HTML is still the extension's."""
    glossary = {**GLOSSARY, "EEG": "A test of the brain.", "nerve block": "An injection."}
    text = (
        "# A heading without any\n\nA paragraph with *none of them* at all.\n\n"
        "- a list\n    - nested, *with none*\n\n"
        "A nerve *block* split, a nerve block whole, and *I*V apart; IV*s* and "
        "**CRPS**ish.\n\n- deep\n    - deeper: [MRI](x.md)\n"
    )

    def convert(extensions: list[str]) -> str:
        return markdown.Markdown(
            extensions=extensions, extension_configs={"abbr": {"glossary": glossary}}
        ).convert(text)

    ours = convert([*EXTENSIONS, EXTENSION_NAME])
    assert ours == convert(EXTENSIONS)
    assert '<abbr title="An injection.">nerve block</abbr>' in ours
    assert '<abbr title="A scan.">MRI</abbr>' in ours
    assert "A test of the brain." not in ours
