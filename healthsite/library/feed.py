"""``api/pages.json``: the library as data, for partners and apps.

What the NHS website's content API and MedlinePlus's XML give partners: for
every page its title, description, type, address, other names, related pages,
reviewer, review dates, the keys of the sources and statistics it cites
(the keys of ``data/sources.yml`` and ``data/statistics.yml``), and the
warning signs its care cards list, with their levels (``data/warning_signs.yml``).
Made from the same front matter, citations and data the pages are built from.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

from healthsite.content.citations import CitedKeys
from healthsite.content.reviewers import PageReview
from healthsite.content.warning_signs import WarningSigns
from healthsite.i18n.alternates import absolute, english_url
from healthsite.i18n.pages import other_language_url
from healthsite.library.model import Library, LibraryPage
from healthsite.pages.frontmatter import FrontMatter, PageMeta
from healthsite.pages.language import DEFAULT_LANGUAGE, SPANISH

FEED_PATH = "api/pages.json"
FEED_VERSION = 1

JsonObject = dict[str, Any]
PageReviewOf = Callable[[object, object], PageReview]


def reviewers(review: PageReview) -> list[JsonObject]:
    """Who reviewed the page, from data/reviewers.yml, as the feed gives it."""
    return [
        {
            "key": reviewer.key,
            "name": reviewer.name,
            "role": reviewer.role,
            "kind": str(reviewer.entry.kind),
            "registered_clinician": reviewer.registered_clinician,
        }
        for reviewer in review.reviewers
    ]


def _related(library: Library, page: LibraryPage) -> list[JsonObject]:
    return [
        {"title": other.title, "url": other.canonical_url, "relation": str(link.relation)}
        for link, other in library.related(page.src_uri)
    ]


def listed_warning_signs(
    keys: list[str], warning_signs: WarningSigns, language: str = DEFAULT_LANGUAGE
) -> list[JsonObject]:
    """The page's warning signs, in the order its cards list them, with their levels."""
    listed = []
    for key in keys:
        sign = warning_signs.signs.get(key)
        if sign is None:
            continue  # the build has already failed on it
        listed.append(
            {
                "key": key,
                "level": str(sign.level),
                "level_from": str(sign.level_from),
                "text": " ".join(_worded(sign, "text", language).split()),
                "for": _worded(sign, "audience", language),
                "sources": list(sign.source),
            }
        )
    return listed


def _worded(sign: Any, name: str, language: str) -> Any:
    """A sign's field in ``language`` (its ``es:`` wording), else as written."""
    wording = getattr(sign, language, None) if language != DEFAULT_LANGUAGE else None
    translated = getattr(wording, name, None) if wording is not None else None
    return translated if translated is not None else getattr(sign, name)


def translations(
    front: FrontMatter, page: LibraryPage, translated: bool, language: str, site_url: str
) -> JsonObject:
    """Which language the entry is in, and its other language's version.

    ``status`` says whether a translation matches the current English page;
    the translation drift check (``make translations``) fills it in: None
    until it does.
    """
    if language == DEFAULT_LANGUAGE:
        if not translated:
            return {"language": language, "translations": {}}
        spanish_path = other_language_url(page.url, language)
        return {
            "language": language,
            "translations": {
                SPANISH: {
                    "url": absolute(site_url, spanish_path) if site_url else "",
                    "path": spanish_path,
                    "status": None,
                }
            },
        }
    english_path = english_url(page.url, language)
    record = front.translation
    return {
        "language": language,
        "translation_of": {
            "url": absolute(site_url, english_path) if site_url else "",
            "path": "" if english_path == "./" else english_path,
        },
        "translation": {
            "translated": record.translated.isoformat() if record else None,
            "translated_by": record.translated_by if record else None,
            "fingerprint": record.fingerprint if record else None,
            "status": None,
        },
    }


def page_entry(
    library: Library,
    page: LibraryPage,
    meta: PageMeta,
    cited: CitedKeys | None,
    review: PageReview,
    warning_signs: WarningSigns,
    language: str = DEFAULT_LANGUAGE,
) -> JsonObject:
    """One page of the feed."""
    return {
        "title": page.title,
        "description": page.description,
        "type": str(page.page_type),
        "url": page.canonical_url,
        "path": page.url,
        "source_file": f"docs/{page.src_uri}",
        "alternative_names": list(page.alternative_names),
        "related_pages": _related(library, page),
        "reviewed_by": reviewers(review),
        "checked_by_clinician": review.checked_by_clinician,
        "last_reviewed": meta.last_reviewed.isoformat(),
        "next_review": meta.next_review_due.isoformat(),
        "sources": list(cited.sources) if cited else [],
        "statistics": list(cited.statistics) if cited else [],
        "warning_signs": (
            listed_warning_signs(cited.warning_signs, warning_signs, language) if cited else []
        ),
    }


def feed(
    library: Library,
    front_matter: Mapping[str, FrontMatter],
    cited_by_page: Mapping[str, CitedKeys],
    page_review: PageReviewOf,
    warning_signs: WarningSigns,
    site_name: str,
    language: str = DEFAULT_LANGUAGE,
    translated: Collection[str] = (),
    site_url: str = "",
) -> JsonObject:
    """The whole feed of one language's site, pages in the order of their addresses.

    The Spanish feed lists the Spanish pages only (not the English pages
    shown untranslated there); each entry says its language and its other
    language's version (``translations``).
    """
    pages = []
    for src_uri, page in sorted(library.pages.items(), key=lambda item: item[1].url):
        front = front_matter.get(src_uri)
        if front is None or front.meta is None:
            continue  # the build has already failed on it
        if front.language != language:
            continue  # an English page in another language's site
        meta = front.meta
        review = page_review(meta.reviewed_by, meta.page_type)
        entry = page_entry(
            library, page, meta, cited_by_page.get(src_uri), review, warning_signs, language
        )
        entry["source_file"] = front.shown_as
        entry.update(translations(front, page, src_uri in translated, language, site_url))
        pages.append(entry)
    return {"version": FEED_VERSION, "site": site_name, "language": language, "pages": pages}


def write_feed(site_dir: Path, document: JsonObject) -> Path:
    target = site_dir / FEED_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    # Compact: json.dumps with an indent runs the encoder in Python, not C, three
    # times slower, in each language's build and every rebuild under `mkdocs serve`
    # (a tenth of a second at 1,000 pages); readers of the feed are programs.
    compact = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    target.write_text(compact + "\n", encoding="utf-8")
    return target


class CitationsSoFar:
    """What each page cited, by ``src_uri``, as of the last build that rendered it.

    ``mkdocs serve --dirty`` renders only the pages that changed; the others
    keep what they cited, so the feed still lists every page's sources. A full
    build renders every page, so only its own citations count.
    """

    def __init__(self) -> None:
        self._by_page: dict[str, CitedKeys] = {}

    def update(
        self, rendered: Mapping[str, CitedKeys], pages: Collection[str]
    ) -> dict[str, CitedKeys]:
        """Add this build's ``rendered`` pages; forget pages no longer in ``pages``."""
        kept = {
            src_uri: keys
            for src_uri, keys in self._by_page.items()
            if src_uri in pages and src_uri not in rendered
        }
        self._by_page = {**kept, **rendered}
        return self._by_page
