"""The three lifetimes of the hooks' state: the process, one build, one page.

- ``Session``: the process (``mkdocs build``, or ``mkdocs serve`` across its
  rebuilds, maybe --dirty). What gathers every language's pages (the search
  input, the sitemap, readers' words), what is kept between rebuilds (front
  matter read before, what each language's pages cited), and the build in progress.
- ``BuildState``: one build of one language. mkdocs-static-i18n runs the
  Spanish build inside the English one, so every hook runs once per language
  and each language gets a ``BuildState`` of its own, made in ``on_config``.
- ``PageState``: one page, made once in ``on_pre_page`` and handed to each
  step and check. The macros (which Jinja calls with their own arguments
  only) find their part of it through ``BuildState.page``: no other object
  keeps a "current page".
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files

from healthsite.checks.readability import ScoresByHtml, score
from healthsite.checks.sandbox import PageSource, TemplateChecker
from healthsite.checks.spanish_readability import spanish_score
from healthsite.checks.unfinished import TemplateWords
from healthsite.content.citations import Citations, PageCitations
from healthsite.content.findings import Findings, FindingsOnPage
from healthsite.content.glossary import Glossary
from healthsite.content.macrocalls import MacroCalls
from healthsite.content.registry import DataFile, Registry
from healthsite.content.reviewers import Reviewers
from healthsite.content.warning_signs import WarningSigns
from healthsite.content.wording import PageWording
from healthsite.i18n.alternates import SitemapPages
from healthsite.i18n.interface import Interface
from healthsite.i18n.rebuilds import DirtyRebuilds
from healthsite.library.feed import CitationsSoFar
from healthsite.library.macros import LibraryMacros, LibraryPage
from healthsite.library.model import Library
from healthsite.library.sidebar import SectionSidebars
from healthsite.pages.frontmatter import FrontMatter
from healthsite.pages.index import FrontMatterRead, SitePages
from healthsite.problems import Problem
from healthsite.search.known_by import write_known_by
from healthsite.search.pagefind import PagefindInput, build_index
from healthsite.search.readers_words import ReaderTerm, SiteWords
from healthsite.serving import ServeSession, compiled_templates
from healthsite.translations.build import BuildTranslations
from healthsite.translations.history import GitHistory
from healthsite.yamlfile import YamlFiles


@dataclass(frozen=True)
class CheckedData:
    """The data files, read and checked (``on_config``, first step), by their
    names in healthsite/content/datafiles.py."""

    data_files: dict[str, DataFile]
    registry: Registry
    glossary: Glossary
    reviewers: Reviewers
    warning_signs: WarningSigns
    repository_url: str
    interface: Interface


class Session:
    """What lives for the process: every language's build, and every rebuild of `mkdocs serve`."""

    def __init__(self) -> None:
        # What Pagefind indexes: each page's article, written as the page is written;
        # Pagefind makes one index per <html lang> from it, after the last language.
        self.search_input = PagefindInput()
        self.serve = ServeSession(self._index_search)
        # The words of every page, for data/search_terms.yml's check and the search's
        # misspellings (healthsite/search/readers_words.py), in every language.
        self.site_words = SiteWords()
        self.reader_terms: list[ReaderTerm] = []
        # Every language's pages for the sitemap (the last build writes it whole).
        self.sitemap = SitemapPages()
        # Per language: under `mkdocs serve --dirty`, what each language's pages
        # not rebuilt cited.
        self.citations_so_far: dict[str, CitationsSoFar] = {}
        # Pages' front matter, by text: a rebuild parses only the pages that changed.
        self.front_matter = FrontMatterRead()
        # The same config serves each language's build in turn: what its first
        # build started from, by the config (healthsite/i18n/pages.py,
        # healthsite/content/glossary.py).
        self.site_url_at_start: dict[int, str | None] = {}
        self.written_glossaries: dict[int, dict[str, str]] = {}
        # The data files, each parsed once until its bytes change: every build
        # (both languages, every rebuild) reads them through this.
        self.yaml_files = YamlFiles()
        # Whether each translation matches its English page (healthsite/translations/).
        self.translations = BuildTranslations(self.yaml_files)
        # Readability scores by the page's HTML: a rebuild scores only what changed.
        self.english_scores = ScoresByHtml(score)
        self.spanish_scores = ScoresByHtml(spanish_score)
        # Between on_config's two steps (before and after macros' own on_config).
        self.checked: CheckedData | None = None
        # Under `mkdocs serve --dirty`: the languages each rebuild builds.
        self.dirty_rebuilds = DirtyRebuilds()
        # The theme's templates, compiled by the first build that needs each:
        # the other language's build and every rebuild reuse them.
        self.templates = compiled_templates()
        self._build: BuildState | None = None

    def start_build(self, build: BuildState) -> None:
        self._build = build

    def _index_search(self, site_dir: Path, background: bool) -> None:
        """Pagefind's index of the pages, then the pages' title and names words by
        Pagefind's page ids (healthsite/search/known_by.py): each run writes both,
        so they match under ``mkdocs serve --dirty`` too."""
        build_index(site_dir, self.search_input.path, background=background)
        write_known_by(site_dir, self.site_words.known_by(), self.site_words.names())

    @property
    def build(self) -> BuildState:
        if self._build is None:
            raise RuntimeError("hooks.py: on_config has not run")
        return self._build

    def checked_data(self) -> CheckedData:
        if self.checked is None:
            raise RuntimeError("hooks.py: the data files were not checked")
        return self.checked


@dataclass
class PageState:
    """One page, from ``on_pre_page`` to ``on_page_content``: what each step needs
    of it, and what its macros recorded while it was rendered."""

    build: BuildState
    # The page's English source path (its key in the front matter index).
    key: str
    src_uri: str
    # The page as problems name it (docs/...), and its file's text, read once.
    shown_as: str
    file_text: str
    # The page's own language: an English page shown untranslated stays English.
    language: str
    words: Mapping[str, str]
    front: FrontMatter | None
    wording: PageWording
    citations: PageCitations
    findings: FindingsOnPage
    library: LibraryPage
    # The Markdown body as macros left it (before "Related pages" and references).
    rendered: str = ""
    # The page's HTML and its front matter as MkDocs holds it (on_page_content).
    html: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)
    source: PageSource | None = None
    # Its template failed: not rendered, so not scored for readability.
    template_failed: bool = False
    # No template code but plain calls of our macros: nothing to check, and
    # nothing left for Jinja once the calls are expanded.
    plain: bool = False


@dataclass
class BuildState:
    """What lives for one build of one language."""

    project_dir: Path
    docs_dir_name: str
    # The language this build writes (healthsite/i18n/language.py) and its
    # interface strings (data/interface.yml).
    language: str
    words: Mapping[str, str]
    data: CheckedData
    reviewers: Reviewers
    # The data files entries come from, by name, for pages' missing wording.
    wording_files: Mapping[str, DataFile]
    macro_calls: MacroCalls
    template_words: TemplateWords
    # The process this build runs in.
    session: Session
    citations: Citations = field(init=False)
    findings: Findings = field(init=False)
    library_macros: LibraryMacros = field(init=False)
    problems: list[Problem] = field(default_factory=list)
    files: Files = field(default_factory=lambda: Files([]))
    # The English pages that have a translation (by their English path).
    translated: frozenset[str] = frozenset()
    # The canonical root of this build (mike's `latest`), for absolute addresses.
    site_url: str = ""
    pages: SitePages = field(default_factory=SitePages)
    # Whether no other language's build follows this one (set in on_nav).
    last_language: bool = True
    library: Library | None = None
    sidebars: SectionSidebars | None = None
    template_checker: TemplateChecker | None = None
    # The project's git history, read by each build: the commit checked out can
    # change while `mkdocs serve` runs.
    history: GitHistory = field(init=False)
    _page: PageState | None = None

    def __post_init__(self) -> None:
        self.history = GitHistory(self.project_dir)
        self.citations = Citations(self.data.registry, lambda: self.page.citations)
        self.findings = Findings(self.citations, lambda: self.page.findings)
        self.library_macros = LibraryMacros(lambda: self.page.library)

    @functools.cached_property
    def last_changed(self) -> dict[str, dt.date]:
        """The day each page's file last changed in git, by its path in the
        project (docs/...): one ``git log`` per build, only if a page asks."""
        return self.history.last_changed(self.docs_dir_name)

    @property
    def page(self) -> PageState:
        """The page being built (the one owner of "the current page")."""
        if self._page is None:
            raise RuntimeError("a page's macro or step ran outside a page")
        return self._page

    def start_page(self, page: PageState) -> None:
        self._page = page

    def end_page(self) -> None:
        self._page = None

    @property
    def serving(self) -> bool:
        """Whether this process is `mkdocs serve` (a draft is shown, not refused)."""
        return self.session.serve.serving

    @property
    def translations(self) -> BuildTranslations:
        """Each translation against its English page (checked by the first language)."""
        return self.session.translations

    @property
    def warning_signs(self) -> WarningSigns:
        return self.data.warning_signs

    def shown_as(self, src_path: str) -> str:
        return f"{self.docs_dir_name}/{src_path}"

    @property
    def the_library(self) -> Library:
        if self.library is None:
            raise RuntimeError("hooks.py: on_nav has not run")
        return self.library

    @property
    def the_sidebars(self) -> SectionSidebars:
        if self.sidebars is None:
            raise RuntimeError("hooks.py: on_nav has not run")
        return self.sidebars
