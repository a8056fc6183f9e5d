"""The editor's preview at library scale: ``mkdocs serve --dirty`` (``make serve-fast``).

A full rebuild of a 1,000-page library takes most of a minute; ``mkdocs serve
--dirty`` rebuilds only the pages whose files changed since they were last
written, so the page an editor saves is back in the browser within a couple of
seconds (benchmarks/README.md, "Editor's wait"). What stays true in that mode:

- Every check still runs on the saved page (front matter, templates,
  citations, findings, components, readability, MkDocs' own link checks,
  strict), and the checks across pages (shared names, related pages, reviews)
  still read every page's front matter, which is cached by its text
  (healthsite/pages/index.py), so only changed pages are parsed again.
- A save rebuilds only the site of the language the page is shown in
  (healthsite/i18n/rebuilds.py): a Spanish page's, the Spanish site; an
  English page's, the English site, and the Spanish one too where the page has
  no translation (the Spanish site shows it in English). Each language's build
  has the fixed costs of a build over every page of its language, so building
  the other one as well doubled the wait. The other language's checks across
  pages (shared names, a translation's front matter against its English page)
  run again when one of its pages is saved, and in every full build.
- What the build writes from every page (api/pages.json) keeps what the pages
  not rebuilt cited (healthsite/library/feed.py, ``CitationsSoFar``).
- The search index is rebuilt after each save in the background, at low
  priority (Pagefind takes seconds at 1,000 pages), so the browser does not
  wait for it; api/pages.json is written again only when it changed; and the
  theme's templates are compiled once per process (``CompiledTemplates``),
  not once per rebuild.

What may be stale until the server restarts: lists of pages on other pages
(a section's list, the A to Z, related pages, the home page cards) when a
title or relation changes, and the other language's pages (a Spanish page's
notice that its English page changed, its ``es/api/pages.json`` entry). A
saved data file rebuilds every page of every language (healthsite/i18n/rebuilds.py).
MkDocs warns about this on every dirty build, and strict mode (on in
mkdocs.yml) would turn that warning into a failure; here it is logged once
as a plain notice instead, so strict mode keeps failing on the saved page's
own warnings.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.exceptions import PluginError

from healthsite.problems import log

DIRTY_WARNING = "A 'dirty' build is being performed"
DIRTY_NOTICE = (
    "mkdocs serve --dirty: only the pages you save are rebuilt, and every check runs on "
    "them; lists of pages on other pages may be stale until you restart the server"
)


class _DirtyBuildNotice(logging.Filter):
    """MkDocs' warning about dirty builds, once, as a notice that strict mode does not count."""

    def __init__(self) -> None:
        super().__init__()
        self.told = False

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno != logging.WARNING or not str(record.msg).startswith(DIRTY_WARNING):
            return True
        if self.told:
            return False
        self.told = True
        record.levelno, record.levelname = logging.INFO, "INFO"
        record.msg, record.args = DIRTY_NOTICE, ()
        return True


class BackgroundIndex:
    """Runs the search indexer after a dirty rebuild without holding up the reload.

    One run at a time: a save during a run asks for one more run after it.
    """

    def __init__(self, index: Callable[[Path], None]) -> None:
        self._index = index
        self._lock = threading.Lock()
        self._wanted: Path | None = None
        self._thread: threading.Thread | None = None

    def request(self, site_dir: Path) -> None:
        with self._lock:
            self._wanted = site_dir
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                site_dir, self._wanted = self._wanted, None
                if site_dir is None:
                    self._thread = None
                    return
            try:
                self._index(site_dir)
            except (PluginError, OSError) as error:  # a thread has no caller to raise to
                log.error("search index not rebuilt: %s", error)

    def wait(self) -> None:
        """Let a run finish (before the server removes its site folder)."""
        thread = self._thread
        if thread is not None:
            thread.join()


class ServeSession:
    """Whether this process serves a dirty preview, and what that changes."""

    def __init__(self, index: Callable[[Path, bool], None]) -> None:
        """``index(site_dir, background)`` builds the search index; ``background``
        asks it to yield the CPU to the server (after a dirty rebuild)."""
        self.serving = False
        self.dirty_serve = False
        self._written: dict[Path, object] = {}
        self._index = index
        self.background = BackgroundIndex(lambda site_dir: index(site_dir, True))
        self._indexed: set[Path] = set()
        self._notice = _DirtyBuildNotice()

    def start(self, command: str, dirty: bool) -> None:
        """``on_startup``: remember the mode; under ``serve --dirty``, turn
        MkDocs' dirty-build warning into a notice."""
        self.serving = command == "serve"
        self.dirty_serve = self.serving and dirty
        build_log = logging.getLogger("mkdocs.commands.build")
        if self.dirty_serve and self._notice not in build_log.filters:
            build_log.addFilter(self._notice)

    def index(self, site_dir: Path) -> None:
        """Index the site: at once, except after a dirty rebuild of an indexed site."""
        if self.dirty_serve and site_dir in self._indexed:
            self.background.request(site_dir)
            return
        self.background.wait()
        self._index(site_dir, False)
        self._indexed.add(site_dir)

    def unchanged(self, path: Path, content: object) -> bool:
        """Under ``serve --dirty``: ``path`` holds ``content`` already, as last written.

        Call before writing a file built from every page (api/pages.json):
        after a dirty rebuild it is mostly the same, and writing it again at
        1,000 pages was a tenth of the rebuild.
        """
        same = self.dirty_serve and self._written.get(path) == content and path.is_file()
        self._written[path] = content
        return same

    def stop(self) -> None:
        self.background.wait()


class CompiledTemplates(BytecodeCache):
    """The theme's templates, compiled once per process and kept in memory.

    MkDocs makes a new Jinja environment for every build, so each language's
    build compiled every template of the theme again (the Spanish build runs
    in the English one's process), and so did every rebuild of ``mkdocs
    serve`` (a quarter of a dirty rebuild). Jinja keys each by its name and
    checks its source's checksum, so an edited template is compiled again.

    ``folder`` (the tests give one to every build of a run, through
    ``TEMPLATE_CACHE_VARIABLE``) keeps the compiled templates between
    processes too, one file each, named with Jinja's version.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self._code: dict[str, bytes] = {}
        self._folder = folder

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is None and self._folder is not None:
            with contextlib.suppress(FileNotFoundError):
                code = self._code[bucket.key] = _code_file(self._folder, bucket).read_bytes()
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = self._code[bucket.key] = bucket.bytecode_to_string()
        if self._folder is None:
            return
        # Whole or not at all: another build may be reading the folder.
        self._folder.mkdir(parents=True, exist_ok=True)
        target = _code_file(self._folder, bucket)
        partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
        partial.write_bytes(code)
        partial.replace(target)


def _code_file(folder: Path, bucket: Bucket) -> Path:
    return folder / f"jinja-{jinja2.__version__}-{bucket.key}"


# Names a folder where every build keeps the compiled templates (the tests set it).
TEMPLATE_CACHE_VARIABLE = "HEALTHSITE_TEMPLATE_CACHE"


def compiled_templates() -> CompiledTemplates:
    """The process's compiled templates, kept in the folder the environment names, if any."""
    folder = os.environ.get(TEMPLATE_CACHE_VARIABLE)
    return CompiledTemplates(Path(folder) if folder else None)
