"""MkDocs hooks: the events of a build, in their order, each calling its step.

The steps live in ``healthsite/build/``; what they share has three owners, by
how long it lives (healthsite/build/state.py): ``_session`` for the process
(this module is loaded once, and ``mkdocs serve`` rebuilds without reloading
it), a ``BuildState`` for each build of each language (mkdocs-static-i18n runs
the Spanish build inside the English one, so every event below runs once per
language), and a ``PageState`` for each page. The checks each event runs are
listed in healthsite/build/checks.py.

Order matters where macros (mkdocs-macros, priority 0 for each event) reads
or renders: the comments beside ``event_priority`` say why each step sits
where it does.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from healthsite.build import pages, setup, site
from healthsite.build.state import Session
from healthsite.i18n.alternates import translated_keys
from healthsite.library.sections import keep_out_of_nav
from healthsite.pages.language import is_untranslated
from healthsite.problems import raise_if_any

_session = Session()


def on_startup(command: str, dirty: bool) -> None:
    _session.serve.start(command, dirty)


def on_shutdown() -> None:
    _session.serve.stop()
    _session.search_input.clear()


# Before every plugin's on_config (priority 0): the site's address each language
# starts from is set before mike reads it, and the data files (which macros no
# longer reads itself) are read and checked before anything else uses them.
@event_priority(100)
def _check_data_files(config: MkDocsConfig) -> MkDocsConfig:
    _session.checked = setup.check_data_files(config, _session)
    return config


# After macros' on_config (same priority, and plugins run before hooks), which
# made the Jinja environment this sandboxes, and started afresh the variables
# the data files are added to (mkdocs-macros' register_variables).
def _set_up_build(config: MkDocsConfig) -> MkDocsConfig:
    build = setup.set_up_build(
        config, _session, lambda message, line: pages.report_render_error(build, message, line)
    )
    _session.start_build(build)
    return config


on_config = CombinedEvent(_check_data_files, _set_up_build)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Condition, treatment and guide pages are listed by the build, not in the sidebar."""
    keep_out_of_nav(files)
    # Before the i18n plugin's on_files (priority -100) keeps this language's files only.
    keys = [file.src_uri for file in files.documentation_pages()]
    _session.build.translated = translated_keys(keys)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Before any page is rendered: every page's front matter, the library, the site checks."""
    site.read_site(_session.build, _session, files, nav, config)
    return nav


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    pages.start_page(_session.build, page)
    return page


# Before macros (priority 0): a page with a template problem is reported
# and not rendered, so macros never runs it (nor exits with its own report).
@event_priority(60)
def _check_templates(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    pages.check_templates(_session.build.page, page, markdown, config)
    return markdown


# After the template check, before macros (priority 0): expand plain calls of
# our own macros without Jinja, which is most of what macros would cost
# (healthsite/content/macrocalls.py). A page that failed the check is left alone.
@event_priority(50)
def _expand_macro_calls(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return pages.expand_macro_calls(_session.build.page, page, markdown)


# After macros (priority 0), before the references: the "Related pages" block.
@event_priority(-45)
def _add_related_pages(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return pages.add_related_pages(_session.build.page, markdown)


# After macros (priority 0): what the macros recorded while rendering the page
# is checked, and the references list is built from the citations among it.
@event_priority(-50)
def _finish_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return pages.finish_markdown(_session.build.page, markdown)


# After the references (-50): glossary terms are tooltips (Markdown
# abbreviations, given to the abbr extension in on_config) on every page but
# the glossary itself, which gets the list that turns them off.
@event_priority(-60)
def _no_tooltips_on_the_glossary(
    markdown: str, page: Page, config: MkDocsConfig, files: Files
) -> str:
    return pages.no_tooltips_on_the_glossary(_session.build.page, markdown)


on_page_markdown = CombinedEvent(
    _check_templates,
    _expand_macro_calls,
    _add_related_pages,
    _finish_markdown,
    _no_tooltips_on_the_glossary,
)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page's HTML checked (headings, tables and code are easy to leave out
    there), then what the build adds to it. The page's state ends here: MkDocs
    reads every page before it writes any (on_page_context, on_post_page)."""
    build = _session.build
    html = pages.finish_content(build.page, page, html, config)
    build.end_page()
    return html


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page has been read: report all editorial problems at once, then
    give the theme's templates what they use."""
    build = _session.build
    raise_if_any(build.problems, "Pages with problems", build.project_dir)
    site.give_templates(env, build, _session, files, config)
    return env


def on_page_context(
    context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    """A section's sidebar lists its pages (or this one) while one of them is rendered."""
    _session.build.the_sidebars.list_while_rendered(page)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _session.build.the_sidebars.unlist_after_render()
    output = site.finish_html(output, _session.build.language)
    # An English page shown untranslated in the Spanish site is searched in English only.
    if not is_untranslated(page.file, _session.build.language):
        article = _session.search_input.add(page.file.dest_uri, output)
        _session.site_words.add(page.file.dest_uri, article)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    site.write_site_data(_session.build, _session, config)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return site.finish_html(output_content, _session.build.language)
