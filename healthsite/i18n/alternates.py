"""Which page is which language's: hreflang alternates, canonical links, the sitemap.

A page with a translation names both versions in its ``<head>``
(``<link rel="alternate" hreflang>``, each way, with ``x-default`` the
English one), and the sitemap lists both with the same alternates, as
search engines read them. An English page shown untranslated in the Spanish
site is a copy of the English page: its canonical link names the English page,
it has no alternates and it is not in the sitemap.

The sitemap is written by each language's build (MkDocs writes the theme's
``sitemap.xml`` every time); the last build's holds every language's pages
(``SitemapPages`` keeps them for the process).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from healthsite.i18n.pages import other_language_url
from healthsite.pages.language import (
    DEFAULT_LANGUAGE,
    ENGLISH,
    SPANISH,
    english_src_uri,
    is_untranslated,
    page_key,
    translation_language,
)

X_DEFAULT = "x-default"


@dataclass(frozen=True)
class Alternate:
    """One language's version of a page: ``hreflang`` and its absolute address."""

    hreflang: str
    href: str


def absolute(site_url: str, url: str) -> str:
    """A site-relative address (``es/``, ``./``) on the site's canonical root."""
    root = site_url if site_url.endswith("/") else f"{site_url}/"
    return root + ("" if url in ("./", ".") else url)


def english_url(url: str, language: str) -> str:
    """The English page's site-relative address, from a page of ``language``."""
    return url if language == ENGLISH else other_language_url(url, language)


def alternates(url: str, language: str, translated: bool, site_url: str) -> list[Alternate]:
    """Both versions of a translated page (none for others, or without a site_url)."""
    if not translated or not site_url:
        return []
    english = english_url(url, language)
    spanish = other_language_url(english, ENGLISH)
    english_href = absolute(site_url, english)
    return [
        Alternate(ENGLISH, english_href),
        Alternate(SPANISH, absolute(site_url, spanish)),
        Alternate(X_DEFAULT, english_href),
    ]


@dataclass(frozen=True)
class SitemapPage:
    """One ``<url>`` of the sitemap."""

    loc: str
    lastmod: str | None
    alternates: tuple[Alternate, ...]


@dataclass
class SitemapPages:
    """Every language's pages written so far in this process, by language: a
    language not built again (a dirty rebuild of another language only,
    healthsite/i18n/rebuilds.py) keeps those of its last build."""

    by_language: dict[str, list[SitemapPage]] = field(default_factory=dict)

    def start(self, language: str) -> None:
        self.by_language[language] = []

    def add(self, language: str, page: SitemapPage) -> None:
        self.by_language.setdefault(language, []).append(page)

    def pages(self) -> list[SitemapPage]:
        return [page for pages in self.by_language.values() for page in pages]

    def list_language(
        self, files: Files, language: str, translated: Collection[str], site_url: str
    ) -> None:
        """List this language's pages (on_env, before the theme writes the sitemap);
        an untranslated copy's canonical link names the English page instead."""
        self.start(language)
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            if is_untranslated(file, language):
                if site_url:
                    page.canonical_url = absolute(site_url, english_url(page.url, language))
                continue
            found = page_alternates(page, language, translated, site_url)
            loc = page.canonical_url or page.url
            self.add(language, SitemapPage(loc, page.update_date, tuple(found)))


def has_translation(page: Page, language: str, translated: Collection[str]) -> bool:
    """A translated page, or an English page that has one."""
    return page_key(page.file) in translated and not is_untranslated(page.file, language)


def page_alternates(
    page: Page | None, language: str, translated: Collection[str], site_url: str
) -> list[Alternate]:
    """The page's hreflang alternates (none for a page without a translation)."""
    if page is None or page.file is None:
        return []
    return alternates(page.url, language, has_translation(page, language, translated), site_url)


def translated_keys(src_uris: Collection[str]) -> frozenset[str]:
    """The English pages that have a translation, from every source file's path."""
    return frozenset(
        english_src_uri(uri) for uri in src_uris if translation_language(uri) != DEFAULT_LANGUAGE
    )
