"""A copy of the project committed into a new git repository, with the English
its out-of-date translations were made from.

Tests that build or publish in git (tests/ghpagesremote.py, the translation
build tests) copy the project (``copy_project``) into a repository of their
own. Committed as it is, its history holds only today's English: a Spanish
page made from an earlier English version (out of date on main, as after any
English-only change) names a fingerprint that "matches no version" there, and
the build fails where the real repository's passes with a notice
(CONTRIBUTING.md, "What readers see"). ``commit_copy`` first commits, for each
real commit an out-of-date translation was made from (oldest first), the
English page and the data files as they were then; then the copy as it is.
Every commit is the test's own (its date), so a test still controls the dates
the build reads. With every translation current, it is one commit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from healthsite.translations.fingerprint import DATA_FILES, DataVersion, fingerprint
from healthsite.translations.history import GitHistory, Version
from healthsite.translations.record import read_record
from healthsite.translations.status import SPANISH_SUFFIX, PageHistory, english_path
from tests.sitebuild import ROOT

# Commits everything in the copy, with a message, at the test's date.
Commit = Callable[[str], None]
COPIED = "The project as copied"


class NoHistoryError(AssertionError):
    """A translation is out of date and the real repository has no history to
    find the English it was made from."""


def _text(path: Path) -> str | None:
    return path.read_bytes().decode("utf-8") if path.is_file() else None


def _translated_version(pages: PageHistory, english: str, recorded: str) -> Version | None:
    """The newest real version of the English page whose fingerprint is
    ``recorded``: on the branch's own line, else on a merged branch (as the
    build looks)."""
    for first_parent in (True, False):
        for version, then in pages.fingerprints(english, first_parent=first_parent):
            if then == recorded:
                return version
    return None


def translated_from(
    project: Path, history: GitHistory | None = None
) -> list[tuple[Version, list[str]]]:
    """Oldest first, each commit of the real repository (``history``: ROOT's)
    holding the English an out-of-date translation in ``project`` was made
    from, and those English pages. A fingerprint that matches no version is
    left out: the build reports it, as the real one does."""
    history = history or GitHistory(ROOT)
    data = DataVersion.from_texts({name: _text(project / name) for name in DATA_FILES})
    pages = PageHistory(history)
    found: dict[Version, list[str]] = {}
    for path in sorted((project / "docs").rglob(f"*{SPANISH_SUFFIX}")):
        spanish = path.relative_to(project).as_posix()
        english = english_path(spanish)
        english_text = _text(project / english)
        if english_text is None:
            continue  # the build reports it
        current = fingerprint(english_text, data)
        record, _ = read_record(_text(path) or "", spanish, current, report_front_matter=False)
        if record is None or record.fingerprint == current:
            continue
        if history.unavailable is not None:
            raise NoHistoryError(
                f"{spanish} is out of date and {history.unavailable}: a test's copy "
                "needs the English it was translated from (git fetch --unshallow)"
            )
        version = _translated_version(pages, english, record.fingerprint)
        if version is not None:
            found.setdefault(version, []).append(english)
    return sorted(found.items(), key=lambda item: item[0].date)


def _write(path: Path, text: str | None) -> None:
    if text is None:
        path.unlink(missing_ok=True)
    else:
        path.write_bytes(text.encode("utf-8"))


def commit_copy(project: Path, commit: Commit, history: GitHistory | None = None) -> None:
    """Commit the copy ``project`` (a git repository with no commit yet) with
    ``commit``: first the English its out-of-date translations were made from
    (``translated_from``), then the copy as it is."""
    history = history or GitHistory(ROOT)
    versions = translated_from(project, history)
    if versions:
        changed = sorted({*DATA_FILES, *(page for _, pages in versions for page in pages)})
        now = {name: _text(project / name) for name in changed}
        for version, english_pages in versions:
            names = [*DATA_FILES, *english_pages]
            then = history.texts([(version.commit, name) for name in names])
            for name, text in zip(names, then, strict=True):
                _write(project / name, text)
            commit(f"The English translated at {version.commit[:12]} ({', '.join(english_pages)})")
        for name, text in now.items():
            _write(project / name, text)
    commit(COPIED)
