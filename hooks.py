"""MkDocs hooks: one function per event, each dispatching to small helpers.

The helpers live in ``healthsite/`` beside this file. State for one build is
kept in ``_build``, created anew in ``on_config`` (``mkdocs serve`` reloads the
config, but not this module, on every rebuild).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from healthsite.checks.components import check_components
from healthsite.checks.readability import EXEMPT_PAGES, check_page
from healthsite.checks.sandbox import (
    PageSource,
    TemplateChecker,
    first_body_line,
    sandboxed,
    site_names,
)
from healthsite.checks.sitepages import check_site_pages
from healthsite.checks.spanish_readability import check_spanish_page
from healthsite.checks.unfinished import TemplateWords, draft_banner, unfinished_problems
from healthsite.content.citations import Citations, CitedKeys
from healthsite.content.findings import Findings
from healthsite.content.glossary import (
    GLOSSARY_PAGE,
    Glossary,
    load_glossary,
)
from healthsite.content.macrocalls import Macro, MacroCalls
from healthsite.content.registry import DataFile, Registry, Source, load_registry
from healthsite.content.reviewers import (
    REVIEWERS_FILE,
    Reviewers,
    check_reviewers,
    load_reviewers,
    reviewers_page_url,
    translation_problems,
)
from healthsite.content.warning_signs import (
    SignsMacro,
    WarningSigns,
    load_warning_signs,
    log_editors_levels,
)
from healthsite.content.wording import PageWording
from healthsite.dates import human_date
from healthsite.html.abbr import give_tooltips_to_abbr
from healthsite.html.citation_marks import CitationMarksExtension
from healthsite.html.components import ComponentsExtension, add_also_called
from healthsite.html.csp import fill_script_hashes
from healthsite.html.link_names import SymbolLinkNamesExtension
from healthsite.html.report_problem import report_url_filter, repository
from healthsite.html.structured_data import json_ld_filter
from healthsite.html.tables import align_cells_by_class
from healthsite.html.validhtml import repair_material_html
from healthsite.i18n.alternates import (
    Alternate,
    SitemapPages,
    page_alternates,
    translated_keys,
)
from healthsite.i18n.interface import Interface, load_interface
from healthsite.i18n.pages import (
    language_link_filter,
    mark_untranslated,
    other_language,
    other_language_url,
    set_theme_words,
    start_from_the_same_site_url,
)
from healthsite.library.feed import FEED_PATH, CitationsSoFar, feed, write_feed
from healthsite.library.listing import ListingsExtension
from healthsite.library.macros import LibraryMacros
from healthsite.library.model import Library, build_library
from healthsite.library.related import with_related_pages
from healthsite.library.sections import keep_out_of_nav, place_in_sections
from healthsite.library.sidebar import SectionSidebars
from healthsite.pages.index import SitePages
from healthsite.pages.language import (
    DEFAULT_LANGUAGE,
    PREFIX,
    SPANISH,
    build_language,
    english_src_uri,
    is_last_language,
    is_untranslated,
    page_key,
    translation_language,
)
from healthsite.plugins import macros_plugin, search_plugin
from healthsite.problems import Problem, log, raise_if_any
from healthsite.publishing.preview import configure_preview
from healthsite.publishing.versioning import version_selector_only_when_published
from healthsite.search.pagefind import (
    PagefindInput,
    build_index,
    index_no_pages,
    use_pagefind_worker,
)
from healthsite.search.readers_words import (
    ReaderTerm,
    SiteWords,
    load_search_terms,
    write_search_data,
)
from healthsite.search.terms import add_search_element
from healthsite.serving import ServeSession
from healthsite.translations.build import BuildTranslations, with_statuses
from healthsite.translations.editing import untranslated_line
from healthsite.translations.notice import OutOfDateNotice, out_of_date_notice


@dataclass
class BuildState:
    """What the hooks share during one build."""

    project_dir: Path
    docs_dir_name: str
    # The language this build writes (healthsite/i18n/language.py) and its
    # interface strings (data/interface.yml).
    language: str
    words: dict[str, str]
    interface: Interface
    # The language of the page being rendered, for what its macros write.
    wording: PageWording
    citations: Citations
    findings: Findings
    warning_signs: WarningSigns
    glossary: Glossary
    reviewers: Reviewers
    macro_calls: MacroCalls
    library_macros: LibraryMacros
    repository_url: str
    template_words: TemplateWords
    problems: list[Problem] = field(default_factory=list)
    # The English pages that have a translation (by their English path).
    translated: frozenset[str] = frozenset()
    # The canonical root of this build (mike's `latest`), for absolute addresses.
    site_url: str = ""
    pages: SitePages = field(default_factory=SitePages)
    library: Library | None = None
    sidebars: SectionSidebars | None = None

    page_source: PageSource | None = None
    # The page being built: its name in messages and its file's text, read once.
    page_shown_as: str = ""
    page_file_text: str = ""
    # Pages whose templates failed: not rendered, so not scored for readability.
    template_failures: set[str] = field(default_factory=set)
    # Pages with no template code but plain calls of our macros: nothing to check,
    # and nothing left for Jinja once the calls are expanded.
    plain_pages: set[str] = field(default_factory=set)
    template_checker: TemplateChecker | None = None


_build: BuildState | None = None


def _state() -> BuildState:
    if _build is None:
        raise RuntimeError("hooks.py: on_config has not run")
    return _build


# The data files the build reads itself, by their namespace in mkdocs.yml.
DATA_FILES = {
    "stats": "data/statistics.yml",
    "sources": "data/sources.yml",
    "glossary": "data/glossary.yml",
    "warning_signs": "data/warning_signs.yml",
}


def _data_files(config: MkDocsConfig, project_dir: Path) -> dict[str, DataFile]:
    """The namespaced data files of mkdocs.yml; fail if one does not exist."""
    entries = macros_plugin(config).config["include_yaml"]
    data_files: dict[str, DataFile] = {}
    problems: list[Problem] = []
    named = {namespace for entry in entries for namespace in entry}
    problems.extend(
        Problem(
            "mkdocs.yml",
            None,
            "macros.include_yaml",
            f"'{namespace}' is not listed; expected '- {namespace}: {relative}' under "
            "include_yaml, as the build reads that file",
        )
        for namespace, relative in DATA_FILES.items()
        if namespace not in named
    )
    for entry in entries:
        [(namespace, relative)] = entry.items()
        path = project_dir / relative
        data_files[namespace] = DataFile(path, relative)
        if not path.is_file():
            problems.append(
                Problem(
                    "mkdocs.yml",
                    None,
                    f"macros.include_yaml.{namespace}",
                    f"data file '{relative}' does not exist; create it or fix the path",
                )
            )
    raise_if_any(problems, "Missing data files", project_dir)
    return data_files


# This process: a build, or `mkdocs serve`, maybe --dirty (healthsite/serving.py).
# Each runs one build per language (mkdocs-static-i18n; healthsite/i18n/language.py):
# what follows gathers every language's pages, by their written path (es/...
# for Spanish), and is emptied only when the default language's build starts.
# What Pagefind indexes: each page's article, written as the page is written;
# Pagefind makes one index per <html lang> from it, after the last language.
_search_input = PagefindInput()
# The words of every page, for data/search_terms.yml's check and the search's
# misspellings (healthsite/search/readers_words.py), in every language.
_site_words = SiteWords()
_reader_terms: list[ReaderTerm] = []
_session = ServeSession(
    lambda site_dir, background: build_index(site_dir, _search_input.path, background=background)
)


def on_startup(command: str, dirty: bool) -> None:
    _session.start(command, dirty)


def on_shutdown() -> None:
    _session.stop()
    _search_input.clear()


_checked_data: tuple[Registry, Glossary, Reviewers, WarningSigns, str, Interface] | None = None


def _project_dir(config: MkDocsConfig) -> Path:
    # resolve(): mike loads the config as plain "mkdocs.yml", a relative path.
    return Path(config.config_file_path).resolve().parent


# Before macros (priority 0) reads the data files itself: with a YAML mistake
# in one, macros would stop the build with a Python traceback (issue 13).
@event_priority(100)
def _check_data_files(config: MkDocsConfig) -> MkDocsConfig:
    global _checked_data
    start_from_the_same_site_url(config, build_language(config))
    project_dir = _project_dir(config)
    data_files = _data_files(config, project_dir)
    registry, problems = load_registry(data_files["sources"], data_files["stats"])
    glossary, glossary_problems = load_glossary(data_files["glossary"])
    repository_url, repository_problems = repository(config)
    reviewers, reviewer_problems = load_reviewers(project_dir)
    warning_signs, sign_problems = load_warning_signs(
        data_files["warning_signs"], registry.sources, registry.sources_file
    )
    global _reader_terms
    _reader_terms, terms_problems = load_search_terms(project_dir)
    interface, interface_problems = load_interface(project_dir)
    problems += glossary_problems + repository_problems + reviewer_problems + sign_problems
    problems += terms_problems + interface_problems
    raise_if_any(problems, "Invalid data files", project_dir)
    if build_language(config) == DEFAULT_LANGUAGE:
        log_editors_levels(warning_signs)
    _checked_data = (registry, glossary, reviewers, warning_signs, repository_url, interface)
    return config


def _set_up_build(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    if _checked_data is None:
        raise RuntimeError("hooks.py: the data files were not checked")
    registry, glossary, reviewers, warning_signs, repository_url, interface = _checked_data
    project_dir = _project_dir(config)
    language = build_language(config)
    reviewers = reviewers.in_language(language)
    words = interface.words(language)
    configure_preview(config)
    if language == DEFAULT_LANGUAGE:
        if not _session.dirty_serve:
            _search_input.clear()  # the site folder starts empty too
        _site_words.start(_reader_terms, keep_pages=_session.dirty_serve)
    reviewers_file = DataFile(project_dir / REVIEWERS_FILE, REVIEWERS_FILE)
    wording = PageWording(words, {**_data_files(config, project_dir), "reviewers": reviewers_file})
    citations = Citations(registry, wording)
    findings = Findings(citations)
    library_macros = LibraryMacros()
    macros: dict[str, Macro] = {
        "cite": citations.cite,
        "stat": citations.stat,
        "stat_value": citations.stat_value,
        "signs": SignsMacro(warning_signs, citations).render,
        "findings": findings.render,
        "glossary_list": lambda: glossary.page_list(wording),
        "reviewers_list": lambda: reviewers.page_list(wording),
        "page_list": library_macros.page_list,
        "a_to_z": library_macros.a_to_z,
        "library_cards": library_macros.library_cards,
    }
    macros_in_use = macros_plugin(config)
    macros_in_use.register_macros(macros)
    env = macros_in_use.env
    # Line prefixes (unset here) would make any line template code: then no page is plain.
    jinja_starts = (
        env.variable_start_string,
        env.block_start_string,
        env.comment_start_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
    )
    docs_dir_name = Path(config.docs_dir).relative_to(project_dir).as_posix()
    macro_calls = MacroCalls(macros, jinja_starts)
    template_words, template_problems = TemplateWords.load(project_dir)
    raise_if_any(template_problems, "Page templates", project_dir)
    _build = BuildState(
        project_dir,
        docs_dir_name,
        language,
        words,
        interface,
        wording,
        citations,
        findings,
        warning_signs,
        glossary,
        reviewers,
        macro_calls,
        library_macros,
        repository_url,
        template_words,
    )
    _sandbox_macros(config)
    index_no_pages(search_plugin(config))
    version_selector_only_when_published(config.extra)
    tooltip_problems = give_tooltips_to_abbr(
        config.markdown_extensions, config.mdx_configs, glossary, language
    )
    raise_if_any(tooltip_problems, "Glossary tooltips", project_dir)
    # The extensions below are objects made for this build: the Spanish build
    # runs on the same config as the English one, so the English build's go first.
    ours = (
        ComponentsExtension,
        ListingsExtension,
        SymbolLinkNamesExtension,
        CitationMarksExtension,
    )
    config.markdown_extensions[:] = [
        extension for extension in config.markdown_extensions if not isinstance(extension, ours)
    ]
    # Care cards and key points: admonitions rewritten as the site's components.
    config.markdown_extensions.append(ComponentsExtension(words))  # type: ignore[arg-type]
    # Long listings (A to Z, section lists, related pages) put in as elements.
    config.markdown_extensions.append(ListingsExtension(library_macros.listings))  # type: ignore[arg-type]
    # Permalinks and footnote back-links named by aria-label, not tooltips.
    config.markdown_extensions.append(SymbolLinkNamesExtension())  # type: ignore[arg-type]
    # A comma between two citation marks side by side, and only there.
    config.markdown_extensions.append(CitationMarksExtension())  # type: ignore[arg-type]
    # "On this page", the site's 404 page (one, for both languages, at the root).
    set_theme_words(config, language, words)
    return config


on_config = CombinedEvent(_check_data_files, _set_up_build)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Condition, treatment and guide pages are listed by the build, not in the sidebar."""
    keep_out_of_nav(files)
    # Before the i18n plugin's on_files (priority -100) keeps this language's files only.
    _state().translated = translated_keys([file.src_uri for file in files.documentation_pages()])
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Before any page is rendered: front matter, shared names, navigation, reviews,
    findings, and the library (relations, sections) that lists and links are made from."""
    state = _state()
    config_file = Path(config.config_file_path)
    state.pages = check_site_pages(files, nav, state.docs_dir_name, config_file, state.language)
    state.problems.extend(state.pages.problems)
    pages = list(state.pages.front_matter.values())
    if state.language == DEFAULT_LANGUAGE:
        state.problems.extend(check_reviewers(files, pages, state.reviewers, state.docs_dir_name))
    state.problems.extend(translation_problems(pages, state.reviewers))
    # Translation drift (healthsite/translations/): checked once, by the first
    # build (its api/pages.json gives each translation's status); its problems
    # are reported by the last, with the Spanish pages' other problems, which
    # a failed English build would never reach.
    if state.language == DEFAULT_LANGUAGE:
        _translations.check(state.project_dir, state.docs_dir_name)
    if is_last_language(config, state.language):
        state.problems.extend(_translations.problems(drafts_allowed=_session.serving))
    state.library = build_library(state.pages.front_matter, files)
    state.problems.extend(state.library.relations.problems)
    state.library_macros.library = state.library
    place_in_sections(nav, files)
    words = state.words if state.language != DEFAULT_LANGUAGE else None
    state.sidebars = SectionSidebars(state.library, words)
    state.problems.extend(state.findings.load(state.pages.front_matter.values()))
    return nav


def _library() -> Library:
    library = _state().library
    if library is None:
        raise RuntimeError("hooks.py: on_nav has not run")
    return library


def _sidebars() -> SectionSidebars:
    sidebars = _state().sidebars
    if sidebars is None:
        raise RuntimeError("hooks.py: on_nav has not run")
    return sidebars


def _sandbox_macros(config: MkDocsConfig) -> None:
    """Pages are untrusted: render them in a sandbox (see healthsite/checks/sandbox.py).

    Hooks run after macros' on_config, which creates the plain environment
    that this replaces; macros reads it back through its ``env`` property.
    """
    macros = macros_plugin(config)
    environment = sandboxed(macros.env)
    environment.on_render_error = _report_render_error
    macros._env = environment


def _report_render_error(message: str, template_line: int | None) -> None:
    state = _state()
    source = state.page_source
    if source is None:
        raise RuntimeError("hooks.py: a template rendered outside a page")
    state.problems.append(
        Problem(source.shown_as, source.file_line(template_line), "template", message)
    )
    state.template_failures.add(source.shown_as)


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    state = _state()
    state.page_shown_as = f"{state.docs_dir_name}/{page.file.src_path}"
    state.page_file_text = page.file.content_string
    source = page.file.abs_src_path
    # An English page shown untranslated in another language's site stays English.
    page_language = translation_language(page.file.src_uri)
    words = state.interface.words(page_language)
    state.wording.start_page(page_language, words, state.page_shown_as)
    state.citations.start_page(state.page_shown_as, Path(source) if source else None)
    state.library_macros.start_page(
        page_key(page.file),
        state.page_shown_as,
        state.page_file_text,
        page_language,
        words if page_language != DEFAULT_LANGUAGE else None,
    )
    state.findings.start_page(state.page_shown_as, state.page_file_text)
    return page


# Before macros (priority 0): a page with a template problem is reported
# and not rendered, so macros never runs it (nor exits with its own report).
@event_priority(60)
def _check_templates(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _state()
    shown_as = state.page_shown_as
    if page_key(page.file) in state.pages.oversized_front_matter:
        # Reported already (it fails the build). Not rendered, and its front
        # matter not kept: macros writes a page's whole front matter into its
        # debug log, and with YAML aliases nine deep that takes hours (issue 13).
        page.meta = {"render_macros": False}
        state.template_failures.add(shown_as)
        return markdown
    front = state.pages.front_matter.get(page_key(page.file))
    if front is not None and front.translation is not None and front.meta is not None:
        # A translation's own front matter holds only its words: the page
        # (templates, structured data, macros) sees the English page's with them.
        page.meta = dict(front.written)
    if "title" in page.meta and not isinstance(page.meta["title"], str):
        # Reported with its line by the front matter check (it fails the
        # build). MkDocs and macros expect text (YAML can give bytes or a
        # list), so until then the page is titled by its heading.
        del page.meta["title"]
    source = PageSource(
        shown_as, markdown, first_body_line(state.page_file_text, markdown), frozenset(page.meta)
    )
    state.page_source = source
    if state.macro_calls.plain(markdown):
        state.plain_pages.add(shown_as)
        return markdown
    problems = _template_checker(config).check(source)
    if problems:
        page.meta["render_macros"] = False
        state.problems.extend(problems)
        state.template_failures.add(shown_as)
    return markdown


def _template_checker(config: MkDocsConfig) -> TemplateChecker:
    """One checker per build, made once the macros plugin knows every macro."""
    state = _state()
    if state.template_checker is None:
        macros = macros_plugin(config)
        namespaces = [next(iter(entry)) for entry in macros.config["include_yaml"]]
        names = site_names(macros.macros, namespaces)
        state.template_checker = TemplateChecker(macros.env, names)
    return state.template_checker


# After the template check, before macros (priority 0): expand plain calls of
# our own macros without Jinja, which is most of what macros would cost
# (healthsite/content/macrocalls.py). A page that failed the check is left alone.
@event_priority(50)
def _expand_macro_calls(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.meta.get("render_macros") is False:
        return markdown
    state = _state()
    expanded = state.macro_calls.expand(markdown)
    shown_as = state.page_shown_as
    # Once a plain page is expanded, only what our macros wrote is left for Jinja,
    # and that is not template code: macros need not compile it again.
    if shown_as in state.plain_pages and not state.macro_calls.has_template_code(page.title):
        page.meta["render_macros"] = False
    return markdown if expanded is None else expanded


# After macros (priority 0), before the references: the "Related pages" block.
@event_priority(-45)
def _add_related_pages(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _state()
    state.problems.extend(state.library_macros.finish_page())
    markdown, problems = with_related_pages(
        markdown,
        _library(),
        page_key(page.file),
        state.page_shown_as,
        state.page_file_text,
        state.library_macros.listings,
        state.wording.words if state.wording.translated else None,
        state.wording.language,
    )
    state.problems.extend(problems)
    return markdown


# After macros (priority 0): the references list is built from the
# citations that the macros recorded while rendering the page.
@event_priority(-50)
def _finish_citations(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _state()
    rendered = state.page_shown_as not in state.template_failures
    state.problems.extend(state.findings.finish_page(rendered))
    markdown, problems = state.citations.finish_page(markdown)
    state.problems.extend(problems)
    state.problems.extend(state.wording.finish_page())
    return markdown


# Glossary terms are tooltips (Markdown abbreviations, given to the abbr
# extension in on_config) on every page but the glossary itself.
@event_priority(-60)
def _no_tooltips_on_the_glossary(
    markdown: str, page: Page, config: MkDocsConfig, files: Files
) -> str:
    if page_key(page.file) != GLOSSARY_PAGE:
        return markdown
    state = _state()
    return f"{markdown.rstrip()}\n\n{state.glossary.no_tooltips_in(state.language)}\n"


on_page_markdown = CombinedEvent(
    _check_templates,
    _expand_macro_calls,
    _add_related_pages,
    _finish_citations,
    _no_tooltips_on_the_glossary,
)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Check the page's components, score its prose (HTML makes headings, tables
    and code easy to leave out), add "Also called" under its title, then align
    table cells by class (CSP) and give the search index the page's description
    and readers' words for it."""
    state = _state()
    front = state.pages.front_matter.get(page_key(page.file))
    state.problems.extend(
        check_components(state.page_shown_as, state.page_file_text, front, state.warning_signs)
    )
    state.problems.extend(state.library_macros.unplaced_listings())
    scored = (
        page_key(page.file) not in EXEMPT_PAGES
        and state.page_shown_as not in state.template_failures
    )
    # Each language's formulas score its own pages (an English page shown
    # untranslated in the Spanish site was scored in the English build).
    if scored and state.language == DEFAULT_LANGUAGE:
        _, problems = check_page(html, state.page_shown_as, page.meta, state.page_file_text)
        state.problems.extend(problems)
    elif (
        scored
        and translation_language(page.file.src_uri) == SPANISH
        # A translation just started holds English still (healthsite/translations/).
        and untranslated_line(state.page_file_text) is None
    ):
        _, problems = check_spanish_page(html, state.page_shown_as, state.page_file_text)
        state.problems.extend(problems)
    meta = front.meta if front else None
    description = (meta and meta.description) or config.site_description or ""
    # The hidden search element goes after the title first, so that "Also
    # called" (added after the title too) is what sighted readers meet first.
    html = add_search_element(align_cells_by_class(html), meta, description)
    page_type = front.text_field("page_type") if front else None
    # In the page's own language: an untranslated page's English is marked lang="en".
    html = add_also_called(html, front, state.wording.words["also_called"])
    if is_untranslated(page.file, state.language):
        html = mark_untranslated(html, state.words)
    return _mark_if_unfinished(html, page_type)


def _mark_if_unfinished(html: str, page_type: str | None) -> str:
    """Template words left in the page, or a library page citing nothing
    (healthsite/checks/unfinished.py): the build fails on them; `mkdocs serve`
    shows the page with a "Draft" banner listing them, so an editor can
    preview a page as they write it."""
    state = _state()
    problems = unfinished_problems(
        state.template_words, state.page_shown_as, state.page_file_text, page_type
    )
    if not problems:
        return html
    if not _session.serving:
        state.problems.extend(problems)
        return html
    for problem in problems:
        log.info("draft (the build refuses it): %s", problem)
    return draft_banner(problems) + html


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page has been read: report all editorial problems at once."""
    state = _state()
    raise_if_any(state.problems, "Pages with problems", state.project_dir)
    env.filters["human_date"] = lambda value: human_date(value, state.language)
    env.globals["front_matter"] = state.pages.front_matter
    env.globals["page_key"] = page_key
    env.globals["t"] = state.words
    env.globals["t_es"] = state.interface.words(SPANISH)
    env.globals["site_prefix"] = PREFIX[state.language]
    env.globals["site_language"] = state.language
    env.filters["language_link"] = language_link_filter(state.language)
    env.globals["other_language"] = other_language(state.language)
    env.globals["page_alternates"] = _page_alternates
    _list_in_sitemap(files, config.site_url or "")
    env.globals["sitemap_pages"] = _sitemap.pages()
    env.globals["page_review"] = state.reviewers.page_review
    env.globals["translation_notice"] = _translation_notice
    env.globals["reviewers_page_url"] = reviewers_page_url(files)
    env.filters["medical_web_page"] = json_ld_filter(
        _cited_sources, state.reviewers.page_review, _library()
    )
    env.filters["report_problem_url"] = report_url_filter(state.repository_url, config)
    if _session.serving:
        env.bytecode_cache = _session.templates
    return env


def _page_alternates(page: Page | None) -> list[Alternate]:
    """Template global: the page's hreflang alternates (none for most pages)."""
    state = _state()
    return page_alternates(page, state.language, state.translated, state.site_url)


# Every language's pages for the sitemap (the last build writes it whole).
_sitemap = SitemapPages()


def _list_in_sitemap(files: Files, site_url: str) -> None:
    state = _state()
    state.site_url = site_url
    _sitemap.list_language(files, state.language, state.translated, site_url)


# Whether each translation matches its English page (healthsite/translations/).
_translations = BuildTranslations()


def _translation_notice(page: Page | None) -> OutOfDateNotice | None:
    """Template global: the notice an out-of-date translation shows (none on other pages)."""
    if page is None or translation_language(page.file.src_uri) == DEFAULT_LANGUAGE:
        return None
    state = _state()
    status = _translations.status_of(f"{state.docs_dir_name}/{page_key(page.file)}")
    english_url = other_language_url(page.url, state.language)
    return out_of_date_notice(status, english_url, state.words, state.language)


def _cited_sources(page: Page) -> list[Source]:
    state = _state()
    return state.citations.cited_by_page.get(f"{state.docs_dir_name}/{page.file.src_path}", [])


def on_page_context(
    context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    """A section's sidebar lists its pages (or this one) while one of them is rendered."""
    _sidebars().list_while_rendered(page)
    return context


def _finish_html(output: str) -> str:
    """Every written HTML file: Material's HTML mended, CSP hashes, our search worker
    (told the language of the pages it searches)."""
    language = _state().language
    return use_pagefind_worker(fill_script_hashes(repair_material_html(output)), language)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _sidebars().unlist_after_render()
    output = _finish_html(output)
    # An English page shown untranslated in the Spanish site is searched in English only.
    if not is_untranslated(page.file, _state().language):
        _site_words.add(page.file.dest_uri, _search_input.add(page.file.dest_uri, output))
    return output


def on_post_build(config: MkDocsConfig) -> None:
    """Every page is written: the library as data, api/pages.json
    (healthsite/library/feed.py), and Pagefind's index for the search box."""
    state = _state()
    document = feed(
        _library(),
        state.pages.front_matter,
        _cited_keys(state),
        state.reviewers.page_review,
        state.warning_signs,
        config.site_name,
        state.language,
        state.translated,
        state.site_url,
    )
    document = with_statuses(document, _translations)
    site_dir = Path(config.site_dir)
    # Each language's own, in its folder: api/pages.json, es/api/pages.json.
    language_dir = site_dir / PREFIX[state.language]
    if not _session.unchanged(language_dir / FEED_PATH, document):
        write_feed(language_dir, document)
    if not is_last_language(config, state.language):
        return  # the search covers every language: made once the last is written
    raise_if_any(_site_words.unused(_reader_terms), "Search terms", state.project_dir)
    write_search_data(site_dir, _reader_terms, _site_words.vocabulary(), _site_words.names())
    _session.index(site_dir)


# Per language: under `mkdocs serve --dirty`, what each language's pages not
# rebuilt cited.
_citations_so_far: dict[str, CitationsSoFar] = {}


def _cited_keys(state: BuildState) -> dict[str, CitedKeys]:
    prefix = f"{state.docs_dir_name}/"
    rendered = {
        english_src_uri(shown_as.removeprefix(prefix)): keys
        for shown_as, keys in state.citations.keys_by_page.items()
    }
    so_far = _citations_so_far.setdefault(state.language, CitationsSoFar())
    return so_far.update(rendered, state.pages.front_matter)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return _finish_html(output_content)
