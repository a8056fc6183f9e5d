"""What each language's build changes in the theme and on its pages.

- Material's own words (search box, dates, the version selector) follow
  ``theme.language``, set here per build, and "On this page" (the ``toc``
  extension's title) from data/interface.yml.
- The header's language link goes to the same page in the other language by a
  relative address, so it works in every version mike publishes and in pull
  request previews. mkdocs-static-i18n's own switcher writes absolute
  addresses (``/es/``), which leave the version (its issue #265), so it is
  off (``reconfigure_material: false``), and ``overrides/partials/alternate.html``
  writes ours.
- An English page with no Spanish translation yet is still in the Spanish site
  (its links and lists stay whole), with a notice in Spanish saying so; its
  text is marked ``lang="en"``, and it is left out of the Spanish search
  index (hooks.py, ``on_post_page``), so a Spanish search finds Spanish pages.
- The site's 404 page is written once, at the site's root, by the English
  build; it speaks both languages (overrides/404.html).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from healthsite.pages.language import DEFAULT_LANGUAGE, ENGLISH, PREFIX, SPANISH

NOT_FOUND_TEMPLATE = "404.html"
# The other language, its name in itself, for the header's link.
OTHER = {ENGLISH: (SPANISH, "Español"), SPANISH: (ENGLISH, "English")}


def start_from_the_same_site_url(
    config: MkDocsConfig, language: str, at_start: dict[int, str | None]
) -> None:
    """Give a later language's build the ``site_url`` the first one started from
    (``at_start``: by the config, kept for the process by healthsite/build/state.py).

    mike's ``on_config`` adds the version to ``site_url`` (``.../latest/``),
    and so does a preview's (healthsite/publishing/preview.py): run again on
    the same config for Spanish, they would add it twice (``latest/latest/``).
    Call before them (priority above 0).
    """
    if language == DEFAULT_LANGUAGE:
        at_start[id(config)] = config.site_url
    elif id(config) in at_start:
        config.site_url = at_start[id(config)]


def set_theme_words(config: MkDocsConfig, language: str, words: Mapping[str, str]) -> None:
    """Material's language, the contents' title and the language link for this build."""
    config.theme["language"] = language
    toc = config.mdx_configs.setdefault("toc", {})
    toc["title"] = words["toc_title"]
    toc["permalink_title"] = words["permalink_title"]
    config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = words["footnote_backlink"]
    # Material shows partials/alternate.html (ours: the language link) in the
    # header when this is true. Not a list: Material would also write a list's
    # entries into every page's <head> as hreflang links, relative and on
    # untranslated copies too; ours are in overrides/main.html.
    config.extra["alternate"] = True
    static_templates = config.theme.static_templates
    if language == DEFAULT_LANGUAGE:
        static_templates.add(NOT_FOUND_TEMPLATE)
    else:
        static_templates.discard(NOT_FOUND_TEMPLATE)


def other_language_url(url: str, language: str) -> str:
    """The site-relative address of the same page in the other language."""
    other, _ = OTHER[language]
    here = url.removeprefix(PREFIX[language]) if PREFIX[language] else url
    if here in ("404.html", "./", "."):
        here = ""
    return f"{PREFIX[other]}{here}" or "./"


def other_language(language: str) -> dict[str, str]:
    """The language the header's link leads to: its code and its name in itself."""
    other, name = OTHER[language]
    return {"lang": other, "name": name}


def language_link_filter(language: str) -> Callable[[Page | None], str]:
    """Template filter ``page | language_link``: where the header's link goes
    (site-relative; the template's ``url`` filter makes it relative to the page)."""

    def language_link(page: Page | None) -> str:
        return other_language_url(page.url if page is not None else "", language)

    return language_link


def mark_untranslated(page_html: str, words: Mapping[str, str]) -> str:
    """An English page in another language's site: a notice in that language
    first, then the English text, marked as English for screen readers and
    browsers (``lang="en"``)."""
    notice = (
        '<aside class="untranslated-notice" role="note">'
        f"<p><strong>{escape(words['untranslated_title'])}</strong></p>"
        f"<p>{escape(words['untranslated_text'])}</p></aside>"
    )
    return f'{notice}<div lang="{ENGLISH}">{page_html}</div>'
