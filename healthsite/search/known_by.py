"""The words of each page's title and names, by page, for the search worker.

Pagefind matches a word as the start of a longer one, in a page's title and
names too ("arm" named the pages called "armoires"), so the worker
(``overrides/assets/javascripts/search-readers.js``, ``checkKnownBy``) checks
each page Pagefind says a reader's word names against the words of its title
and names. It read them from each page's fragment, a fetch per page after the
reader's last key: 9 to 44 fetches on a phone at 1,000 pages, most of the time
to the first result (benchmarks/README.md, "Search on a phone profile").

So the build writes the words of each page's title and names (its first h1,
and the names and symptoms of its front matter: what Pagefind's ``title`` and
``names`` meta hold, ``SiteWords.known_by``), each with the pages whose title
or names hold it, by Pagefind's page ids (as its results name them), in one
file per language and first letter: ``search/known-by/<language>/<letter>.json``.
The worker fetches a letter's file with the first word typed that starts
with it, before the last key.

The rest of the ranking runs before any fragment is fetched too, so that
the worker can show the best pages as soon as their own fragments are in,
before the others' (benchmarks/README.md, "first answer early"): the pages'
names (front matter's names and symptoms), each with the ids of the pages it
names exactly, in ``search/names/<letter>.json``; and where each page's
headings start, in Pagefind's word positions, in
``search/sections/<language>.json`` (``{page id: [positions]}``), from which
the worker tells which of a page's sections hold the reader's words, as
Pagefind's sub-results would (``together``); and the ids of the library's
condition pages, in ``search/conditions/<language>.json``, which the worker
prefers when a reader describes signs in the body (``describesSigns``).
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from healthsite.library.sections import SECTION_BY_TYPE
from healthsite.pages.frontmatter import PageType
from healthsite.search.readers_words import normalize

KNOWN_BY_FOLDER = "search/known-by"
NAMES_FOLDER = "search/names"
SECTIONS_FOLDER = "search/sections"
CONDITIONS_FOLDER = "search/conditions"
# Pagefind's fragments: gzip, then this signature before the page's JSON, which starts with its URL.
FRAGMENT_SIGNATURE = b"pagefind_dcd"
_GZIP = 16 + zlib.MAX_WBITS
# The anchors Pagefind makes sub-results of (calculate_sub_results in pagefind.js).
_HEADING = re.compile(r"h\d", re.IGNORECASE)


def read_fragment(path: Path) -> dict[str, object]:
    """One of Pagefind's page fragments (``pagefind/fragment/<page id>.pf_fragment``)."""
    data = zlib.decompress(path.read_bytes(), _GZIP)
    return dict(json.loads(data.removeprefix(FRAGMENT_SIGNATURE)))


def named_words(meta: object) -> list[str]:
    """The normalized words of a fragment's title and names, as the worker read them."""
    if not isinstance(meta, dict):
        return []
    return normalize(f"{meta.get('title') or ''} {meta.get('names') or ''}").split()


@dataclass(frozen=True)
class IndexedPage:
    """What the worker's ranking needs of a page Pagefind indexed."""

    page_id: str  # Pagefind's: en_0508010
    path: str  # the URL path: conditions/crps/
    sections: list[int]  # where its headings start, in Pagefind's word positions


def heading_positions(fragment: Mapping[str, object]) -> list[int]:
    """Where the page's headings start, as Pagefind splits its sub-results: the
    anchors of h1 to h6 elements with text, by position."""
    anchors = fragment.get("anchors")
    if not isinstance(anchors, list):
        return []
    return sorted(
        int(anchor["location"])
        for anchor in anchors
        if _HEADING.search(str(anchor.get("element", ""))) and str(anchor.get("text") or "").strip()
    )


def indexed_pages(pagefind_dir: Path) -> list[IndexedPage]:
    """Every page of Pagefind's index, in id order."""
    pages = []
    for path in sorted((pagefind_dir / "fragment").glob("*.pf_fragment")):
        fragment = read_fragment(path)
        url = fragment.get("url")
        if isinstance(url, str):
            page_id = path.name.removesuffix(".pf_fragment")
            pages.append(IndexedPage(page_id, url.lstrip("/"), heading_positions(fragment)))
    return pages


def pages_by_word(
    pages: list[IndexedPage], words_by_page: Mapping[str, list[str]]
) -> dict[str, dict[str, list[str]]]:
    """For each language, each word of a page's title or names (``words_by_page``,
    by URL path: ``conditions/crps/``): the ids of the pages (Pagefind's,
    ``en_0508010``) whose title or names hold it, in id order."""
    by_language: dict[str, dict[str, list[str]]] = {}
    for page in pages:
        words = by_language.setdefault(page.page_id.split("_", 1)[0], {})
        for word in dict.fromkeys(words_by_page.get(page.path, ())):
            words.setdefault(word, []).append(page.page_id)
    return by_language


def condition_pages(pages: list[IndexedPage]) -> dict[str, list[str]]:
    """For each language, the ids of the pages in the library's conditions
    section (its folder, not its index page), in id order: the pages the
    worker prefers when a reader describes signs (``describesSigns``)."""
    folder = SECTION_BY_TYPE[PageType.condition].folder + "/"
    by_language: dict[str, list[str]] = {}
    for page in pages:
        language = page.page_id.split("_", 1)[0]
        path = page.path.removeprefix(f"{language}/")
        in_section = path.startswith(folder) and path != folder
        by_language.setdefault(language, []).extend([page.page_id] if in_section else [])
    return by_language


def _write_by_letter(folder: Path, by_word: Mapping[str, list[str]]) -> None:
    """``{word: [...]}`` in one file per first letter; a letter no word starts with is removed."""
    by_letter: dict[str, dict[str, list[str]]] = {}
    for word, pages in sorted(by_word.items()):
        by_letter.setdefault(word[0], {})[word] = pages
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.json"):
        if stale.stem not in by_letter:
            stale.unlink()
    for letter, pages_by_name in by_letter.items():
        text = json.dumps(pages_by_name, separators=(",", ":"))
        (folder / f"{letter}.json").write_text(text, encoding="utf-8")


def write_known_by(
    site_dir: Path,
    words_by_page: Mapping[str, list[str]],
    names: Mapping[str, list[str]],
) -> None:
    """Write, for the site's Pagefind index, by its page ids: the words of the
    pages' titles and names (``search/known-by/<language>/<letter>.json``:
    ``{word: [page ids]}``), the pages each name names (``names``, by URL path;
    ``search/names/<letter>.json``: ``{name: [page ids]}``), and where each
    page's headings start (``search/sections/<language>.json``), and the
    library's condition pages (``search/conditions/<language>.json``)."""
    pages = indexed_pages(site_dir / "pagefind")
    for language, words in pages_by_word(pages, words_by_page).items():
        _write_by_letter(site_dir / KNOWN_BY_FOLDER / language, words)
    ids_by_path: dict[str, list[str]] = {}
    for page in pages:
        ids_by_path.setdefault(page.path, []).append(page.page_id)
    _write_by_letter(
        site_dir / NAMES_FOLDER,
        {
            name: ids
            for name, paths in names.items()
            if (ids := [page_id for path in paths for page_id in ids_by_path.get(path, ())])
        },
    )
    sections: dict[str, dict[str, list[int]]] = {}
    for page in pages:
        sections.setdefault(page.page_id.split("_", 1)[0], {})[page.page_id] = page.sections
    folder = site_dir / SECTIONS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for language, positions in sections.items():
        text = json.dumps(positions, separators=(",", ":"))
        (folder / f"{language}.json").write_text(text, encoding="utf-8")
    folder = site_dir / CONDITIONS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for language, ids in condition_pages(pages).items():
        text = json.dumps(ids, separators=(",", ":"))
        (folder / f"{language}.json").write_text(text, encoding="utf-8")
