"""``api/pages.json``: the library as data, for partners and apps.

What the NHS website's content API and MedlinePlus's XML give partners: for
every page its title, description, type, address, other names, related pages,
reviewer, review dates, and the keys of the sources and statistics it cites
(the keys of ``data/sources.yml`` and ``data/statistics.yml``). Made from the
same front matter and citations the pages are built from.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from healthsite.checks.frontmatter import FrontMatter, PageMeta
from healthsite.content.citations import CitedKeys
from healthsite.library.model import Library, LibraryPage

FEED_PATH = "api/pages.json"
FEED_VERSION = 1

JsonObject = dict[str, Any]


def reviewer(meta: PageMeta) -> JsonObject:
    """Who reviewed the page, as the feed gives it.

    The one place to change when ``reviewed_by`` becomes a key of
    data/reviewers.yml.
    """
    reviewed_by = meta.reviewed_by
    return {"name": reviewed_by.name, "role": reviewed_by.role, "kind": str(reviewed_by.kind)}


def _related(library: Library, page: LibraryPage) -> list[JsonObject]:
    return [
        {"title": other.title, "url": other.canonical_url, "relation": str(link.relation)}
        for link, other in library.related(page.src_uri)
    ]


def page_entry(
    library: Library, page: LibraryPage, meta: PageMeta, cited: CitedKeys | None
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
        "reviewed_by": reviewer(meta),
        "last_reviewed": meta.last_reviewed.isoformat(),
        "next_review": meta.next_review_due.isoformat(),
        "sources": list(cited.sources) if cited else [],
        "statistics": list(cited.statistics) if cited else [],
    }


def feed(
    library: Library,
    front_matter: Mapping[str, FrontMatter],
    cited_by_page: Mapping[str, CitedKeys],
    site_name: str,
) -> JsonObject:
    """The whole feed, pages in the order of their addresses."""
    pages = []
    for src_uri, page in sorted(library.pages.items(), key=lambda item: item[1].url):
        front = front_matter.get(src_uri)
        if front is None or front.meta is None:
            continue  # the build has already failed on it
        pages.append(page_entry(library, page, front.meta, cited_by_page.get(src_uri)))
    return {"version": FEED_VERSION, "site": site_name, "pages": pages}


def write_feed(site_dir: Path, document: JsonObject) -> Path:
    target = site_dir / FEED_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target
