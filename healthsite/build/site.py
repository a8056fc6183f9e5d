"""The steps over the whole site: reading every page (``on_nav``), what the
theme's templates are given (``on_env``), and what is written from every page
once they are all written (``on_post_build``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from healthsite.build.checks import SITE_CHECKS, run
from healthsite.build.state import BuildState, Session
from healthsite.checks.sitepages import check_site_pages
from healthsite.content.citations import CitedKeys
from healthsite.content.registry import Source
from healthsite.content.reviewers import reviewers_page_url
from healthsite.dates import human_date
from healthsite.html.csp import fill_script_hashes
from healthsite.html.report_problem import report_url_filter
from healthsite.html.scripts import minify_own_scripts
from healthsite.html.structured_data import json_ld_filter
from healthsite.html.validhtml import repair_material_html
from healthsite.i18n.alternates import Alternate, page_alternates
from healthsite.i18n.pages import language_link_filter, other_language, other_language_url
from healthsite.library.feed import FEED_PATH, CitationsSoFar, feed, write_feed
from healthsite.library.model import build_library
from healthsite.library.sections import place_in_sections
from healthsite.library.sidebar import SectionSidebars
from healthsite.pages.language import (
    DEFAULT_LANGUAGE,
    PREFIX,
    SPANISH,
    english_src_uri,
    is_first_language,
    is_last_language,
    page_key,
    translation_language,
)
from healthsite.problems import raise_if_any
from healthsite.search.pagefind import use_pagefind_worker
from healthsite.search.readers_words import write_search_data
from healthsite.translations.build import with_statuses
from healthsite.translations.notice import OutOfDateNotice, out_of_date_notice


def read_site(
    build: BuildState, session: Session, files: Files, nav: Navigation, config: MkDocsConfig
) -> None:
    """Before any page is rendered: every page's front matter, the library
    (relations, sections) that lists and links are made from, then the site checks."""
    build.files = files
    build.last_language = is_last_language(config, build.language)
    config_file = Path(config.config_file_path)
    build.pages = check_site_pages(
        files,
        nav,
        build.docs_dir_name,
        config_file,
        build.language,
        session.front_matter,
    )
    # Translation drift (healthsite/translations/): checked once, by the first
    # build (the Spanish one when a dirty rebuild builds only it:
    # healthsite/i18n/rebuilds.py); its api/pages.json gives each translation's status.
    if is_first_language(config, build.language):
        build.translations.check(build.project_dir, build.docs_dir_name, build.history)
    build.library = build_library(build.pages.front_matter, files)
    build.library_macros.library = build.library
    place_in_sections(nav, files)
    words = build.words if build.language != DEFAULT_LANGUAGE else None
    build.sidebars = SectionSidebars(build.library, words)
    build.problems.extend(run(SITE_CHECKS, build))


def give_templates(
    env: Environment, build: BuildState, session: Session, files: Files, config: MkDocsConfig
) -> None:
    """What the theme's templates use: our filters and globals, in the build's language."""
    language = build.language
    env.filters["human_date"] = lambda value: human_date(value, language)
    env.globals["front_matter"] = build.pages.front_matter
    env.globals["page_key"] = page_key
    env.globals["t"] = build.words
    env.globals["t_es"] = build.data.interface.words(SPANISH)
    env.globals["site_prefix"] = PREFIX[language]
    env.globals["site_language"] = language
    env.filters["language_link"] = language_link_filter(language)
    env.globals["other_language"] = other_language(language)
    env.globals["page_alternates"] = lambda page: _page_alternates(build, page)
    build.site_url = config.site_url or ""
    session.sitemap.list_language(files, language, build.translated, build.site_url)
    env.globals["sitemap_pages"] = session.sitemap.pages()
    env.globals["page_review"] = build.reviewers.page_review
    env.globals["changed_after_review"] = lambda page: _changed_after_review(build, page)
    env.globals["translation_notice"] = lambda page: _translation_notice(build, page)
    env.globals["reviewers_page_url"] = reviewers_page_url(files)
    env.filters["medical_web_page"] = json_ld_filter(
        lambda page: _cited_sources(build, page),
        build.reviewers.page_review,
        build.the_library,
        lambda page: _changed_after_review(build, page),
    )
    env.filters["report_problem_url"] = report_url_filter(build.data.repository_url, config)
    env.bytecode_cache = session.templates


def _page_alternates(build: BuildState, page: Page | None) -> list[Alternate]:
    """Template global: the page's hreflang alternates (none for most pages)."""
    return page_alternates(page, build.language, build.translated, build.site_url)


def _translation_notice(build: BuildState, page: Page | None) -> OutOfDateNotice | None:
    """Template global: the notice an out-of-date translation shows (none on other pages)."""
    if page is None or translation_language(page.file.src_uri) == DEFAULT_LANGUAGE:
        return None
    status = build.translations.status_of(build.shown_as(page_key(page.file)))
    english_url = other_language_url(page.url, build.language)
    return out_of_date_notice(status, english_url, build.words, build.language)


def _changed_after_review(build: BuildState, page: Page | None) -> dt.date | None:
    """The day the page's own file last changed in git, if that came after its
    last review: the reader sees that what they read has not been reviewed."""
    if page is None or page.file is None:
        return None
    front = build.pages.front_matter.get(page_key(page.file))
    if front is None or front.meta is None:
        return None
    changed = build.last_changed.get(f"{build.docs_dir_name}/{page.file.src_uri}")
    return changed if changed is not None and changed > front.meta.last_reviewed else None


def _cited_sources(build: BuildState, page: Page) -> list[Source]:
    return build.citations.cited_by_page.get(build.shown_as(page.file.src_path), [])


def finish_html(output: str, language: str) -> str:
    """Every written HTML file: Material's HTML mended, CSP hashes, our search worker
    (told the language of the pages it searches)."""
    return use_pagefind_worker(fill_script_hashes(repair_material_html(output)), language)


def write_site_data(build: BuildState, session: Session, config: MkDocsConfig) -> None:
    """Every page is written: our scripts minified (healthsite/html/scripts.py),
    the library as data, api/pages.json (healthsite/library/feed.py), and,
    after the last language, the search's data and Pagefind's index for the
    search box."""
    minify_own_scripts(Path(config.theme.custom_dir or ""), Path(config.site_dir))
    document = feed(
        build.the_library,
        build.pages.front_matter,
        _cited_keys(build, session),
        build.reviewers.page_review,
        build.warning_signs,
        config.site_name,
        build.language,
        build.translated,
        build.site_url,
    )
    document = with_statuses(document, build.translations)
    site_dir = Path(config.site_dir)
    # Each language's own, in its folder: api/pages.json, es/api/pages.json.
    language_dir = site_dir / PREFIX[build.language]
    if not session.serve.unchanged(language_dir / FEED_PATH, document):
        write_feed(language_dir, document)
    if not is_last_language(config, build.language):
        return  # the search covers every language: made once the last is written
    words = session.site_words
    raise_if_any(words.unused(session.reader_terms), "Search terms", build.project_dir)
    write_search_data(site_dir, session.reader_terms, words.vocabulary())
    session.serve.index(site_dir)


def _cited_keys(build: BuildState, session: Session) -> dict[str, CitedKeys]:
    prefix = f"{build.docs_dir_name}/"
    rendered = {
        english_src_uri(shown_as.removeprefix(prefix)): keys
        for shown_as, keys in build.citations.keys_by_page.items()
    }
    so_far = session.citations_so_far.setdefault(build.language, CitationsSoFar())
    return so_far.update(rendered, build.pages.front_matter)
