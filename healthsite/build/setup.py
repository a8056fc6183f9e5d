"""``on_config``: the data files checked, then one language's build set up.

Two steps, as macros' own ``on_config`` runs between them (hooks.py): the
data files are read and checked first (healthsite/content/datafiles.py
declares them), and the build is set up after macros made its Jinja
environment, which it then sandboxes, and started its variables afresh, to
which it gives the data files pages' templates see.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs_macros.plugin import MacrosPlugin

from healthsite.build.state import BuildState, CheckedData, Session
from healthsite.checks.sandbox import RenderErrorHandler, sandboxed
from healthsite.checks.unfinished import TemplateWords
from healthsite.content.datafiles import TEMPLATE_NAMES, as_read, data_files, missing_files
from healthsite.content.glossary import load_glossary
from healthsite.content.macrocalls import Macro, MacroCalls
from healthsite.content.registry import load_registry
from healthsite.content.reviewers import reviewers_from
from healthsite.content.warning_signs import SignsMacro, load_warning_signs, log_editors_levels
from healthsite.html.abbr import give_tooltips_to_abbr
from healthsite.html.citation_marks import CitationMarksExtension
from healthsite.html.components import ComponentsExtension
from healthsite.html.link_names import SymbolLinkNamesExtension
from healthsite.html.report_problem import repository
from healthsite.i18n.interface import load_interface
from healthsite.i18n.pages import set_theme_words, start_from_the_same_site_url
from healthsite.library.listing import ListingsExtension
from healthsite.pages.language import DEFAULT_LANGUAGE, build_language
from healthsite.plugins import macros_plugin, search_plugin
from healthsite.problems import raise_if_any
from healthsite.publishing.preview import configure_preview
from healthsite.publishing.versioning import version_selector_only_when_published
from healthsite.search.pagefind import index_no_pages
from healthsite.search.readers_words import SEARCH_TERMS_FILES, full_name_terms, load_search_terms


def project_dir(config: MkDocsConfig) -> Path:
    # resolve(): mike loads the config as plain "mkdocs.yml", a relative path.
    return Path(config.config_file_path).resolve().parent


def check_data_files(config: MkDocsConfig, session: Session) -> CheckedData:
    """Every data file read and checked; the build fails listing every mistake."""
    project = project_dir(config)
    # Read once in this build; parsed through the session's files: once, until
    # a file's bytes change.
    files = data_files(project, session.yaml_files)
    if session.serve.dirty_serve:  # first: which languages (and pages) this rebuild builds
        session.dirty_rebuilds.choose(config, as_read(files))
    start_from_the_same_site_url(config, build_language(config), session.site_url_at_start)
    raise_if_any(missing_files(files), "Missing data files", project)
    registry, problems = load_registry(files["sources"], files["stats"])
    glossary, glossary_problems = load_glossary(files["glossary"])
    repository_url, repository_problems = repository(config)
    reviewers, reviewer_problems = reviewers_from(files["reviewers"])
    warning_signs, sign_problems = load_warning_signs(
        files["warning_signs"], registry.sources, registry.sources_file
    )
    terms, terms_problems = load_search_terms(project, session.yaml_files)
    # The data file's lines come last: a line for the same words is the one the worker reads.
    session.reader_terms = [
        term
        for language in SEARCH_TERMS_FILES
        for term in full_name_terms(language, glossary.full_names(language))
    ] + terms
    interface, interface_problems = load_interface(project, session.yaml_files)
    problems += glossary_problems + repository_problems + reviewer_problems + sign_problems
    problems += terms_problems + interface_problems
    raise_if_any(problems, "Invalid data files", project)
    if build_language(config) == DEFAULT_LANGUAGE:
        log_editors_levels(warning_signs)
    return CheckedData(
        files, registry, glossary, reviewers, warning_signs, repository_url, interface
    )


def template_variables(data: CheckedData) -> dict[str, Any]:
    """What pages' templates see of the data files (``stats.KEY.value``): the
    parsed data itself, shared by every build (the sandbox lets no template change it)."""
    return {name: data.data_files[name].read()[0] for name in TEMPLATE_NAMES}


def _macros(build: BuildState) -> dict[str, Macro]:
    """The site's macros: each finds the page being built through ``build.page``."""
    data = build.data
    citations, findings, library = build.citations, build.findings, build.library_macros
    return {
        "cite": citations.cite,
        "stat": citations.stat,
        "stat_value": citations.stat_value,
        "signs": SignsMacro(data.warning_signs, citations).render,
        "findings": findings.render,
        "glossary_list": lambda: data.glossary.page_list(build.page.wording),
        "reviewers_list": lambda: build.reviewers.page_list(build.page.wording),
        "page_list": library.page_list,
        "a_to_z": library.a_to_z,
        "library_cards": library.library_cards,
    }


def set_up_build(
    config: MkDocsConfig, session: Session, on_render_error: RenderErrorHandler
) -> BuildState:
    """One language's build: its state, its macros, the sandbox pages render
    in, and the Markdown extensions made for it."""
    data = session.checked_data()
    project = project_dir(config)
    language = build_language(config)
    words = data.interface.words(language)
    configure_preview(config)
    if language == DEFAULT_LANGUAGE:
        if not session.serve.dirty_serve:
            session.search_input.clear()  # the site folder starts empty too
        session.site_words.start(session.reader_terms, keep_pages=session.serve.dirty_serve)
    template_words, template_problems = TemplateWords.load(project)
    raise_if_any(template_problems, "Page templates", project)
    macros = macros_plugin(config)
    build = BuildState(
        project,
        Path(config.docs_dir).relative_to(project).as_posix(),
        language,
        words,
        data,
        data.reviewers.in_language(language),
        data.data_files,
        MacroCalls({}, ()),
        template_words,
        session,
    )
    site_macros = _macros(build)
    macros.register_macros(site_macros)
    # After macros' on_config, which starts each build's variables afresh.
    macros.register_variables(template_variables(data))
    env = macros.env
    # Line prefixes (unset here) would make any line template code: then no page is plain.
    jinja_starts = (
        env.variable_start_string,
        env.block_start_string,
        env.comment_start_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
    )
    build.macro_calls = MacroCalls(site_macros, jinja_starts)
    sandbox_macros(macros, on_render_error)
    index_no_pages(search_plugin(config))
    version_selector_only_when_published(config.extra)
    tooltip_problems = give_tooltips_to_abbr(
        config.markdown_extensions,
        config.mdx_configs,
        data.glossary,
        language,
        session.written_glossaries,
    )
    raise_if_any(tooltip_problems, "Glossary tooltips", project)
    use_extensions(config, build)
    # "On this page", the site's 404 page (one, for both languages, at the root).
    set_theme_words(config, language, words)
    return build


def sandbox_macros(macros: MacrosPlugin, on_render_error: RenderErrorHandler) -> None:
    """Pages are untrusted: render them in a sandbox (see healthsite/checks/sandbox.py).

    Hooks run after macros' on_config, which creates the plain environment
    that this replaces. mkdocs-macros 1.5.0 has no public way to set it: its
    ``env`` property (no setter) reads ``_env`` back, which
    tests/test_templates.py checks, so a release that changes this fails there.
    """
    environment = sandboxed(macros.env)
    environment.on_render_error = on_render_error
    macros._env = environment


# Our Markdown extensions: objects made for each build. The Spanish build runs
# on the same config as the English one, so the English build's go first.
OURS = (ComponentsExtension, ListingsExtension, SymbolLinkNamesExtension, CitationMarksExtension)


def use_extensions(config: MkDocsConfig, build: BuildState) -> None:
    config.markdown_extensions[:] = [
        extension for extension in config.markdown_extensions if not isinstance(extension, OURS)
    ]
    # Care cards and key points: admonitions rewritten as the site's components.
    config.markdown_extensions.append(ComponentsExtension(build.words))  # type: ignore[arg-type]
    # Long listings (A to Z, section lists, related pages) put in as elements.
    config.markdown_extensions.append(ListingsExtension(build.library_macros.listings))  # type: ignore[arg-type]
    # Permalinks and footnote back-links named by aria-label, not tooltips.
    config.markdown_extensions.append(SymbolLinkNamesExtension())  # type: ignore[arg-type]
    # A comma between two citation marks side by side, and only there.
    config.markdown_extensions.append(CitationMarksExtension())  # type: ignore[arg-type]
