"""Under ``mkdocs serve --dirty``: rebuild only the languages whose pages changed.

mkdocs-static-i18n builds the English site, then the Spanish one inside it
(healthsite/pages/language.py), on every rebuild. A dirty rebuild renders only
the pages whose source is newer than what was written from it, but each
language's build still reads every page of its language and runs the checks
across pages, so an editor who saved one English page waited for the Spanish
site's fixed costs too (benchmarks/README.md, "Two languages at 1,000 pages").

Before the first build of a rebuild starts, ``languages_to_rebuild`` looks at
the site on disk the way MkDocs' dirty build does (a page's source newer than
its output, or no output yet) and names the languages that have such a page:

- a Spanish page (``PATH.es.md``) is in the Spanish site;
- an English page is in the English site, and also in the Spanish site when
  it has no translation (the Spanish site shows it in English, with a notice);
- any other change (a page removed, an asset, a data file, mkdocs.yml, the
  theme's templates: nothing stale among the pages) rebuilds every language,
  as before.

``build_only`` then tells the i18n plugin to build only those, through its own
per-language ``build`` option, so the first of them is the build that starts.
The other language's site stays as it is on disk, as the pages a dirty build
does not render do.

A saved data file (mkdocs.yml watches ``data/``) changes no page's source, so
a dirty build would render none: a statistic, a source or a glossary term may
be shown on any page. So when a data file differs from the last rebuild's, as
the build reads it (its ``DataFile``: read once per build, and parsed anew only
when its bytes changed, ``YamlFiles``), every page's output is first made
older than its source (``stale_every_page``), and every page of every
language is rendered again with the data the build reads.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from healthsite.i18n.interface import LANGUAGE_NAMES
from healthsite.pages.language import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    PREFIX,
    english_src_uri,
    translated_src_uri,
    translation_language,
)
from healthsite.problems import log
from healthsite.yamlfile import ParsedYaml

MARKDOWN = ".md"


def _files_under(docs_dir: Path) -> Iterator[tuple[str, float]]:
    """Every file of the docs folder: its path there (``/``-separated) and its
    modification time."""
    folders = [docs_dir]
    while folders:
        folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir():
                    folders.append(Path(entry.path))
                elif entry.is_file():
                    relative = Path(entry.path).relative_to(docs_dir).as_posix()
                    yield relative, entry.stat().st_mtime


def _written_at(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return None


@dataclass
class DocsFolder:
    """The docs folder as a rebuild starts: each file's modification time."""

    modified: dict[str, float] = field(default_factory=dict)

    @classmethod
    def read(cls, docs_dir: Path) -> DocsFolder:
        return cls(dict(_files_under(docs_dir)))

    def pages(self) -> frozenset[str]:
        return frozenset(name for name in self.modified if name.endswith(MARKDOWN))


def page_output(src_uri: str, language: str, site_dir: Path, use_directory_urls: bool) -> Path:
    """Where ``language``'s site writes the page of ``src_uri`` (an English or a
    translated source): ``es/conditions/crps/index.html`` for ``conditions/crps.es.md``."""
    english = File(english_src_uri(src_uri), None, "", use_directory_urls)
    return site_dir / PREFIX[language] / english.dest_uri


def sites_showing(src_uri: str, pages: frozenset[str]) -> tuple[str, ...]:
    """The languages whose site shows the page written in ``src_uri``."""
    language = translation_language(src_uri)
    if language != DEFAULT_LANGUAGE:
        return (language,)
    # An English page with no translation is shown, in English, in the other sites too.
    untranslated_in = (
        other
        for other in LANGUAGES
        if other != DEFAULT_LANGUAGE and translated_src_uri(src_uri, other) not in pages
    )
    return (DEFAULT_LANGUAGE, *untranslated_in)


def languages_to_rebuild(
    docs: DocsFolder,
    pages_before: frozenset[str] | None,
    site_dir: Path,
    use_directory_urls: bool,
) -> tuple[str, ...]:
    """The languages whose site has a page to render again, in build order;
    every language when a page was removed since the last rebuild
    (``pages_before``), or when no page changed (so what changed is something
    every page may use)."""
    pages = docs.pages()
    if pages_before is None or not pages_before <= pages:
        return LANGUAGES
    stale: set[str] = set()
    for src_uri in pages:
        for language in sites_showing(src_uri, pages):
            if language in stale:
                continue
            written = _written_at(page_output(src_uri, language, site_dir, use_directory_urls))
            if written is None or docs.modified[src_uri] > written:
                stale.add(language)
        if len(stale) == len(LANGUAGES):
            break
    if not stale:
        return LANGUAGES
    return tuple(language for language in LANGUAGES if language in stale)


def stale_every_page(docs: DocsFolder, site_dir: Path, use_directory_urls: bool) -> None:
    """Make every page's output, in each site that shows it, older than any
    source: MkDocs' dirty build renders a page whose source is newer than its
    output (``File.is_modified``), so the next build renders every page."""
    pages = docs.pages()
    for src_uri in pages:
        for language in sites_showing(src_uri, pages):
            output = page_output(src_uri, language, site_dir, use_directory_urls)
            with contextlib.suppress(FileNotFoundError):  # not written yet: rendered anyway
                os.utime(output, ns=(0, 0))


def build_only(config: MkDocsConfig, languages: tuple[str, ...]) -> None:
    """Have the i18n plugin build ``languages`` only, the first of them first.

    Call in the first ``on_config`` of a build, before the plugin's own (it
    runs last, at priority -100): the plugin starts from its
    ``current_language`` when set, and builds the other languages whose
    ``build`` option is on from its ``on_post_build``.
    """
    plugin: Any = config.plugins.get("i18n")
    if plugin is None or set(languages) == set(LANGUAGES):
        return
    for language in plugin.config.languages:
        language.build = language.locale in languages
    plugin.current_language = languages[0]


class DirtyRebuilds:
    """The languages each rebuild of one ``mkdocs serve --dirty`` process builds."""

    def __init__(self) -> None:
        self._pages: frozenset[str] | None = None
        self._data: dict[str, ParsedYaml | None] | None = None

    def choose(
        self, config: MkDocsConfig, data: Mapping[str, ParsedYaml | None] | None = None
    ) -> tuple[str, ...]:
        """Before a rebuild: limit it to the languages with a page to render
        again (all of them on the server's first build); say which it built.

        ``data`` is each data file as this build reads it (None: missing,
        healthsite/content/datafiles.py ``as_read``); when one differs from
        the last rebuild's, every page is rendered again, in every language."""
        plugin: Any = config.plugins.get("i18n")
        if plugin is None or plugin.current_language is not None:
            return LANGUAGES  # a later language's build of the same rebuild
        docs = DocsFolder.read(Path(config.docs_dir))
        data_before, self._data = self._data, dict(data or {})
        if data_before is not None and self._data != data_before:
            stale_every_page(docs, Path(config.site_dir), config.use_directory_urls)
            log.info("mkdocs serve --dirty: a data file changed; rebuilding every page")
        languages = languages_to_rebuild(
            docs, self._pages, Path(config.site_dir), config.use_directory_urls
        )
        self._pages = docs.pages()
        build_only(config, languages)
        if languages != LANGUAGES:
            log.info(
                "mkdocs serve --dirty: rebuilding the %s site only, where the pages saved "
                "are; the other language's pages stay as they were",
                " and ".join(LANGUAGE_NAMES[language] for language in languages),
            )
        return languages
