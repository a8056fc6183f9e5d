"""The steps of one page, from ``on_pre_page`` to ``on_page_content``.

Each takes the page's state (healthsite/build/state.py), made once in
``start_page``; hooks.py calls them in their order, and the checks between
them come from the registry (healthsite/build/checks.py).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from healthsite.build.checks import BEFORE_RENDERING, DRAFTS, HTML, RENDERED, run
from healthsite.build.state import BuildState, PageState
from healthsite.checks.sandbox import PageSource, TemplateChecker, first_body_line, site_names
from healthsite.checks.unfinished import draft_banner
from healthsite.content.citations import PageCitations
from healthsite.content.datafiles import TEMPLATE_NAMES
from healthsite.content.glossary import GLOSSARY_PAGE
from healthsite.content.wording import PageWording
from healthsite.html.components import add_also_called
from healthsite.html.tables import align_cells_by_class
from healthsite.i18n.pages import mark_untranslated
from healthsite.library.macros import LibraryPage
from healthsite.library.related import with_related_pages
from healthsite.pages.language import (
    DEFAULT_LANGUAGE,
    is_untranslated,
    page_key,
    translation_language,
)
from healthsite.plugins import macros_plugin
from healthsite.problems import Problem, log
from healthsite.search.terms import add_search_element


def start_page(build: BuildState, page: Page) -> PageState:
    """The page's state, made once, and made the build's page."""
    key = page_key(page.file)
    shown_as = build.shown_as(page.file.src_path)
    file_text = page.file.content_string
    source = page.file.abs_src_path
    # An English page shown untranslated in another language's site stays English.
    language = translation_language(page.file.src_uri)
    words = build.data.interface.words(language)
    wording = PageWording(words, build.wording_files, language, shown_as)
    state = PageState(
        build,
        key,
        page.file.src_uri,
        shown_as,
        file_text,
        language,
        words,
        build.pages.front_matter.get(key),
        wording,
        PageCitations(shown_as, file_text if source else None, wording),
        build.findings.for_page(shown_as, file_text),
        LibraryPage(
            key,
            shown_as,
            file_text,
            language,
            words if language != DEFAULT_LANGUAGE else None,
        ),
    )
    build.start_page(state)
    return state


def report_render_error(build: BuildState, message: str, template_line: int | None) -> None:
    """A page's template failed while macros rendered it (healthsite/checks/sandbox.py)."""
    page = build.page
    if page.source is None:
        raise RuntimeError("hooks.py: a template rendered outside a page")
    build.problems.append(
        Problem(page.shown_as, page.source.file_line(template_line), "template", message)
    )
    page.template_failed = True


def check_templates(state: PageState, page: Page, markdown: str, config: MkDocsConfig) -> None:
    """Before macros: a page with a template problem is reported and not rendered."""
    build = state.build
    if state.key in build.pages.oversized_front_matter:
        # Reported already (it fails the build). Not rendered, and its front
        # matter not kept: macros writes a page's whole front matter into its
        # debug log, and with YAML aliases nine deep that takes hours (issue 13).
        page.meta = {"render_macros": False}
        state.template_failed = True
        return
    front = state.front
    if front is not None and front.translation is not None and front.meta is not None:
        # A translation's own front matter holds only its words: the page
        # (templates, structured data, macros) sees the English page's with them.
        page.meta = dict(front.written)
    if "title" in page.meta and not isinstance(page.meta["title"], str):
        # Reported with its line by the front matter check (it fails the
        # build). MkDocs and macros expect text (YAML can give bytes or a
        # list), so until then the page is titled by its heading.
        del page.meta["title"]
    state.source = PageSource(
        state.shown_as,
        markdown,
        first_body_line(state.file_text, markdown),
        frozenset(page.meta),
    )
    if build.macro_calls.plain(markdown):
        state.plain = True
        return
    if build.template_checker is None:
        # One per build, made once the macros plugin knows every macro.
        macros = macros_plugin(config)
        names = site_names(macros.macros, TEMPLATE_NAMES)
        build.template_checker = TemplateChecker(macros.env, names)
    problems = run(BEFORE_RENDERING, state)
    if problems:
        page.meta["render_macros"] = False
        build.problems.extend(problems)
        state.template_failed = True


def expand_macro_calls(state: PageState, page: Page, markdown: str) -> str:
    """Plain calls of our macros, expanded without Jinja (healthsite/content/macrocalls.py)."""
    if page.meta.get("render_macros") is False:
        return markdown
    calls = state.build.macro_calls
    expanded = calls.expand(markdown)
    # Once a plain page is expanded, only what our macros wrote is left for Jinja,
    # and that is not template code: macros need not compile it again.
    if state.plain and not calls.has_template_code(page.title):
        page.meta["render_macros"] = False
    return markdown if expanded is None else expanded


def add_related_pages(state: PageState, markdown: str) -> str:
    """The "Related pages" block, from the library."""
    state.rendered = markdown
    build = state.build
    return with_related_pages(
        markdown,
        build.the_library,
        state.key,
        build.library_macros.listings,
        state.words if state.wording.translated else None,
        state.language,
    )


def finish_markdown(state: PageState, markdown: str) -> str:
    """What the macros recorded, checked; the references list appended."""
    state.build.problems.extend(run(RENDERED, state))
    return state.build.citations.finish(state.citations, markdown)


def no_tooltips_on_the_glossary(state: PageState, markdown: str) -> str:
    if state.key != GLOSSARY_PAGE:
        return markdown
    build = state.build
    return f"{markdown.rstrip()}\n\n{build.data.glossary.no_tooltips_in(build.language)}\n"


def finish_content(state: PageState, page: Page, html: str, config: MkDocsConfig) -> str:
    """Check the page's HTML, then add the search element, "Also called" under
    its title, the untranslated mark, and a draft's banner under `mkdocs serve`."""
    build = state.build
    state.html, state.meta = html, page.meta
    build.problems.extend(run(HTML, state))
    meta = state.front.meta if state.front else None
    description = (meta and meta.description) or config.site_description or ""
    # The hidden search element goes after the title first, so that "Also
    # called" (added after the title too) is what sighted readers meet first.
    html = add_search_element(align_cells_by_class(html), meta, description)
    # In the page's own language: an untranslated page's English is marked lang="en".
    html = add_also_called(html, state.front, state.words["also_called"])
    if is_untranslated(page.file, build.language):
        html = mark_untranslated(html, build.words)
    drafts = run(DRAFTS, state)
    if not drafts:
        return html
    if not build.serving:
        build.problems.extend(drafts)
        return html
    for problem in drafts:
        log.info("draft (the build refuses it): %s", problem)
    return draft_banner(drafts) + html
