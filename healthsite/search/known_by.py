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

A page's id is read from the start of its fragment (its URL comes first):
the whole fragments, decompressed and parsed for their titles and names,
took 0.2 s of CPU at 1,000 pages, their URLs 0.03 s.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Mapping
from pathlib import Path

from healthsite.search.readers_words import normalize

KNOWN_BY_FOLDER = "search/known-by"
# Pagefind's fragments: gzip, then this signature before the page's JSON, which starts with its URL.
FRAGMENT_SIGNATURE = b"pagefind_dcd"
_GZIP = 16 + zlib.MAX_WBITS
_URL = re.compile(rb'\{\s*"url"\s*:\s*("(?:[^"\\]|\\.)*")')
# Enough of a fragment for its URL.
_URL_BYTES = 2048


def read_fragment(path: Path) -> dict[str, object]:
    """One of Pagefind's page fragments (``pagefind/fragment/<page id>.pf_fragment``)."""
    data = zlib.decompress(path.read_bytes(), _GZIP)
    return dict(json.loads(data.removeprefix(FRAGMENT_SIGNATURE)))


def fragment_url(path: Path) -> str | None:
    """The URL of a fragment's page, read from its start alone."""
    start = zlib.decompressobj(_GZIP).decompress(path.read_bytes(), _URL_BYTES)
    found = _URL.match(start, len(FRAGMENT_SIGNATURE))
    return str(json.loads(found.group(1))) if found else None


def named_words(meta: object) -> list[str]:
    """The normalized words of a fragment's title and names, as the worker read them."""
    if not isinstance(meta, dict):
        return []
    return normalize(f"{meta.get('title') or ''} {meta.get('names') or ''}").split()


def pages_by_word(
    pagefind_dir: Path, words_by_page: Mapping[str, list[str]]
) -> dict[str, dict[str, list[str]]]:
    """For each language, each word of a page's title or names (``words_by_page``,
    by URL path: ``conditions/crps/``): the ids of the pages (Pagefind's,
    ``en_0508010``) whose title or names hold it, in id order."""
    by_language: dict[str, dict[str, list[str]]] = {}
    for fragment in sorted((pagefind_dir / "fragment").glob("*.pf_fragment")):
        url = fragment_url(fragment)
        if url is None:
            continue
        page_id = fragment.name.removesuffix(".pf_fragment")
        words = by_language.setdefault(page_id.split("_", 1)[0], {})
        for word in dict.fromkeys(words_by_page.get(url.lstrip("/"), ())):
            words.setdefault(word, []).append(page_id)
    return by_language


def write_known_by(site_dir: Path, words_by_page: Mapping[str, list[str]]) -> None:
    """Write ``search/known-by/<language>/<letter>.json`` for the site's Pagefind index:
    ``{word: [page ids]}`` for the words starting with the letter."""
    for language, words in pages_by_word(site_dir / "pagefind", words_by_page).items():
        by_letter: dict[str, dict[str, list[str]]] = {}
        for word, pages in sorted(words.items()):
            by_letter.setdefault(word[0], {})[word] = pages
        folder = site_dir / KNOWN_BY_FOLDER / language
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.json"):
            if stale.stem not in by_letter:
                stale.unlink()
        for letter, pages_by_name in by_letter.items():
            text = json.dumps(pages_by_name, separators=(",", ":"))
            (folder / f"{letter}.json").write_text(text, encoding="utf-8")
