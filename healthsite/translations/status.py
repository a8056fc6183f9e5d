"""Each Spanish page's status: current, out of date since a date, or missing.

A Spanish page ``docs/PATH.es.md`` records the fingerprint of the English
page ``docs/PATH.md`` it was made from (record.py). Equal to the English
page's fingerprint now: current. Equal to the fingerprint of an earlier
version of the English page (its text and data, at a commit in git): out of
date since the first commit after that version that changed the fingerprint
(or today, if the change is not committed yet). Equal to none: a problem,
as is a Spanish page with no English page beside it.

Without history (a release archive, a shallow clone) an earlier version
cannot be told from a mistyped fingerprint. The build then says so once,
at INFO, and calls every translation whose fingerprint is not the current
one out of date, since an unknown date: failing would make the site
unbuildable wherever history is not kept, and every pull request's build
(whose checkout has the whole history) still catches a fingerprint that
matches nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from healthsite.problems import Problem
from healthsite.translations.editing import START_MARKER, untranslated_line
from healthsite.translations.fingerprint import DATA_FILES, DataVersion, fingerprint
from healthsite.translations.history import GitError, GitHistory, Version
from healthsite.translations.record import (
    BLOCK,
    FIELD,
    TranslationRecord,
    is_not_yet,
    read_record,
    stamp_command,
)
from healthsite.yamlfile import YamlFiles

SPANISH_SUFFIX = ".es.md"
REMOVED = "translation of a page that no longer exists"
# Commits whose files are read at once, newest first.
BATCH = 16


class State(StrEnum):
    current = "current"
    out_of_date = "out of date"
    missing = "missing"


@dataclass(frozen=True)
class PageStatus:
    """One English page and its Spanish translation."""

    english: str
    spanish: str
    state: State
    # Out of date: the day the English page first changed after the version
    # translated (None: unknown, without history).
    since: dt.date | None = None
    # The line of the Spanish page's fingerprint (for GitHub's annotations).
    line: int | None = None

    def described(self) -> str:
        if self.state is not State.out_of_date:
            return str(self.state)
        return f"out of date since {self.since.isoformat() if self.since else 'an unknown date'}"


def spanish_path(english: str) -> str:
    return english.removesuffix(".md") + SPANISH_SUFFIX


def english_path(path: str) -> str:
    """The English page a Spanish page translates; an English page's own path."""
    if not path.endswith(SPANISH_SUFFIX):
        return path
    return path.removesuffix(SPANISH_SUFFIX) + ".md"


# The most current fingerprints and records kept by their texts (``Kept``).
TEXTS_KEPT = 20_000
RecordRead = tuple[TranslationRecord | None, tuple[Problem, ...]]


@dataclass
class Kept:
    """What one translation check keeps for the next in the same process: the
    build's ``Session`` owns one (``BuildTranslations``), for every rebuild
    under ``mkdocs serve``; a command that checks once makes its own.

    Fingerprints of pages at commits never change: kept for the process. The
    current fingerprints and records are kept by the texts they are read
    from: the build checks every translation on every rebuild, where a save
    changes one page (at 1,000 pages per language, reading them all again
    was a second of every rebuild); cleared past ``TEXTS_KEPT``.
    """

    data_at: dict[str, DataVersion] = field(default_factory=dict)
    fingerprint_at: dict[tuple[str, str], str | None] = field(default_factory=dict)
    fingerprint_of: dict[tuple[str, str], str] = field(default_factory=dict)
    record_of: dict[tuple[str, str, str, bool], RecordRead] = field(default_factory=dict)

    def current_fingerprint(self, text: str, data: DataVersion, data_key: str) -> str:
        """``fingerprint(text, data)``; ``data_key`` names the data files' texts."""
        key = (text, data_key)
        found = self.fingerprint_of.get(key)
        if found is None:
            if len(self.fingerprint_of) >= TEXTS_KEPT:
                self.fingerprint_of.clear()
            found = self.fingerprint_of[key] = fingerprint(text, data)
        return found

    def record(
        self, text: str, spanish: str, current: str, report_front_matter: bool
    ) -> tuple[TranslationRecord | None, list[Problem]]:
        """``read_record`` of a Spanish page's text."""
        key = (text, spanish, current, report_front_matter)
        found = self.record_of.get(key)
        if found is None:
            if len(self.record_of) >= TEXTS_KEPT:
                self.record_of.clear()
            record, problems = read_record(
                text, spanish, current, report_front_matter=report_front_matter
            )
            found = self.record_of[key] = (record, tuple(problems))
        return found[0], list(found[1])


class PageHistory:
    """The fingerprints of English pages at the commits that changed them or their data."""

    def __init__(
        self,
        history: GitHistory,
        docs_dir: str = "docs",
        files: YamlFiles | None = None,
        kept: Kept | None = None,
    ) -> None:
        self.history = history
        self.docs_dir = docs_dir
        # Where each version of the data files is parsed (the build's, or this one's).
        self.files = files or YamlFiles()
        # The fingerprints at commits read before (the build's, or this one's).
        self.kept = kept or Kept()
        self._changes: dict[tuple[str | None, bool], list[tuple[Version, frozenset[str]]]] = {}

    def versions(self, english: str, *, first_parent: bool = True) -> list[Version]:
        """Newest first, the commits that changed the page or the data files."""
        key = (self.history.head, first_parent)
        if key not in self._changes:
            self._changes[key] = self.history.changes(
                [self.docs_dir, *DATA_FILES], first_parent=first_parent
            )
        return [
            version
            for version, files in self._changes[key]
            if english in files or not files.isdisjoint(DATA_FILES)
        ]

    def _read(self, english: str, commits: Sequence[str]) -> None:
        """Fingerprint the page at each commit: its text and data files read at once."""
        data_at, fingerprint_at = self.kept.data_at, self.kept.fingerprint_at
        data_wanted = [commit for commit in commits if commit not in data_at]
        wanted = [(commit, name) for commit in data_wanted for name in DATA_FILES]
        wanted += [(commit, english) for commit in commits]
        texts = iter(self.history.texts(wanted))
        for commit in data_wanted:
            texts_then = {name: next(texts) for name in DATA_FILES}
            data_at[commit] = DataVersion.from_texts(texts_then, self.files)
        for commit, text in zip(commits, texts, strict=True):
            page = None if text is None else fingerprint(text, data_at[commit])
            fingerprint_at[commit, english] = page

    def fingerprints(
        self, english: str, *, first_parent: bool = True
    ) -> Iterator[tuple[Version, str | None]]:
        """Newest first: each version, and the page's fingerprint there (None: no page).

        Read a batch of commits at a time: a translation a few versions behind
        is found without reading the page's whole history.
        """
        versions = self.versions(english, first_parent=first_parent)
        for start in range(0, len(versions), BATCH):
            batch = versions[start : start + BATCH]
            fingerprint_at = self.kept.fingerprint_at
            missing = [v.commit for v in batch if (v.commit, english) not in fingerprint_at]
            if missing:
                self._read(english, missing)
            for version in batch:
                yield version, fingerprint_at[version.commit, english]


def changed_since(
    recorded: str, versions: Iterable[tuple[Version, str | None]], today: dt.date
) -> dt.date | None:
    """The day the English page first changed after a version whose fingerprint
    was ``recorded`` (today for a change not committed yet); None if none was."""
    newer: list[tuple[Version, str | None]] = []
    for version, print_then in versions:
        if print_then == recorded:
            for later, later_print in reversed(newer):
                if later_print != recorded:
                    return later.date
            return today
        newer.append((version, print_then))
    return None


def _changed_since(
    recorded: str, pages: PageHistory, english: str, today: dt.date
) -> dt.date | None:
    """``changed_since`` along the branch's own line of commits, or else along
    every commit (a translation made from a version on a merged branch)."""
    since = changed_since(recorded, pages.fingerprints(english), today)
    if since is None:
        since = changed_since(recorded, pages.fingerprints(english, first_parent=False), today)
    return since


@dataclass
class Translations:
    """Every English page's translation status, and what fails the build."""

    statuses: list[PageStatus] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Those of the problems that say a translation is not finished yet (its
    # fingerprint is TODO, or it still holds the English to translate): under
    # `mkdocs serve` a translator previews such a page as a draft (hooks.py).
    unfinished: list[Problem] = field(default_factory=list)
    # Why out-of-date translations have no date, if they have none.
    no_history: str | None = None

    def status_of(self, english: str) -> PageStatus | None:
        return next((status for status in self.statuses if status.english == english), None)


def _no_english_page(spanish: str, history: GitHistory | None) -> Problem:
    english = english_path(spanish)
    removal = history.removal(english) if history is not None else None
    if removal is not None:
        return Problem(
            spanish,
            1,
            BLOCK,
            f"is the {REMOVED}: {english} was removed on "
            f"{removal.date.isoformat()} (commit {removal.commit[:7]}); expected this file "
            "removed too, or renamed beside the English page's new name",
        )
    return Problem(
        spanish,
        1,
        BLOCK,
        f"translates {english}, which does not exist; expected a Spanish page beside its "
        "English original, with the same name and .es.md (or this file removed)",
    )


def _unknown_fingerprint(
    spanish: str, record: TranslationRecord, english: str, current: str
) -> Problem:
    return Problem(
        spanish,
        record.line,
        FIELD,
        f"'{record.fingerprint}' matches no version of {english} in git history; expected "
        f"the fingerprint of the English version translated (the current one is {current}: "
        f"once the translation matches it, `{stamp_command(spanish)}` writes it)",
    )


def check_translations(
    project_dir: Path,
    docs_dir: str = "docs",
    *,
    history: GitHistory | None = None,
    today: dt.date | None = None,
    report_front_matter: bool = True,
    yaml_files: YamlFiles | None = None,
    kept: Kept | None = None,
) -> Translations:
    """The status of every English page's translation, and the problems.

    ``report_front_matter=False`` (the build) leaves out what the translated
    pages' front matter check reports (record.py, ``read_record``). A Spanish
    page with no English page is reported here in any case: the i18n plugin
    leaves such a file out of the build, so nothing else reads it.

    ``yaml_files`` parses the data files, now and in history: the build's
    (``Session``), whose parse of the files on disk the checks made already.
    ``kept``: what an earlier check in this process read (the build's).
    """
    day = today or dt.date.today()
    parsed_by = yaml_files or YamlFiles()
    kept = kept or Kept()
    git = history or GitHistory(project_dir)
    usable = git if git.unavailable is None else None
    pages = PageHistory(git, docs_dir, parsed_by, kept) if usable else None
    files = sorted(
        path.relative_to(project_dir).as_posix() for path in (project_dir / docs_dir).rglob("*.md")
    )
    spanish_files = {name for name in files if name.endswith(SPANISH_SUFFIX)}
    english_files = [name for name in files if name not in spanish_files]
    data_texts = {name: _read(project_dir / name) for name in DATA_FILES}
    data = DataVersion.from_texts(data_texts, parsed_by)
    data_key = hashlib.sha256(json.dumps(data_texts, sort_keys=True).encode()).hexdigest()
    result = Translations()
    result.problems += [
        _no_english_page(orphan, usable)
        for orphan in sorted(spanish_files - {spanish_path(name) for name in english_files})
    ]
    for english in english_files:
        spanish = spanish_path(english)
        if spanish not in spanish_files:
            result.statuses.append(PageStatus(english, spanish, State.missing))
            continue
        current = kept.current_fingerprint(_read(project_dir / english) or "", data, data_key)
        text = _read(project_dir / spanish) or ""
        record, problems = kept.record(text, spanish, current, report_front_matter)
        result.problems += problems
        result.unfinished += [problem for problem in problems if is_not_yet(problem)]
        untranslated = untranslated_line(text)
        if untranslated is not None:
            still_english = Problem(
                spanish,
                untranslated,
                BLOCK,
                f"the page still holds the English to translate (below the {START_MARKER!r} "
                "comment); expected it in Spanish, and the comment deleted",
            )
            result.problems.append(still_english)
            result.unfinished.append(still_english)
        if record is None:
            continue
        if record.fingerprint == current:
            result.statuses.append(PageStatus(english, spanish, State.current, line=record.line))
            continue
        since: dt.date | None = None
        if pages is None:
            result.no_history = git.unavailable
        else:
            try:
                since = _changed_since(record.fingerprint, pages, english, day)
            except GitError as error:
                result.no_history, pages = str(error), None
            else:
                if since is None:
                    result.problems.append(_unknown_fingerprint(spanish, record, english, current))
                    continue
        result.statuses.append(PageStatus(english, spanish, State.out_of_date, since, record.line))
    return result


def _read(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None
