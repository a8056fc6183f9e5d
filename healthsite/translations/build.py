"""The translation check in the build (hooks.py): once per build, for both languages.

The English build (the first) checks every translation (status.py); the last
build reports its problems, with the Spanish pages' own (an out-of-date
translation is never one). The Spanish build shows each out-of-date page's
notice (notice.py), and each language's api/pages.json gives each page's
translation status.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from healthsite.problems import Problem, log
from healthsite.translations.history import GitHistory
from healthsite.translations.status import (
    Kept,
    PageStatus,
    State,
    Translations,
    check_translations,
    english_path,
)
from healthsite.yamlfile import YamlFiles

# How api/pages.json writes each state.
STATUS_IN_FEED = {
    State.current: "current",
    State.out_of_date: "out_of_date",
    State.missing: "missing",
}


class BuildTranslations:
    """The translations' status for the build running in this process."""

    def __init__(self, files: YamlFiles) -> None:
        # The session's data files: the checks' parse of them, shared.
        self.files = files
        # What each check keeps for the next rebuild's.
        self.kept = Kept()
        self.translations = Translations()
        self._said_no_history = False

    def check(self, project_dir: Path, docs_dir: str, history: GitHistory) -> list[Problem]:
        """Check every translation; the problems that fail the build (also kept,
        in ``translations.problems``)."""
        self.translations = check_translations(
            project_dir,
            docs_dir,
            history=history,
            report_front_matter=False,
            yaml_files=self.files,
            kept=self.kept,
        )
        if self.translations.no_history and not self._said_no_history:
            log.info(
                "translations: out-of-date translations are shown without a date, and a "
                "fingerprint that matches nothing cannot be told from an old one: %s",
                self.translations.no_history,
            )
            self._said_no_history = True
        return self.translations.problems

    def problems(self, *, drafts_allowed: bool) -> list[Problem]:
        """What fails the build. ``drafts_allowed`` (``mkdocs serve``): a
        translation not finished yet is logged, as a draft, not a failure, so a
        translator can preview it as they write it."""
        if not drafts_allowed:
            return self.translations.problems
        for problem in self.translations.unfinished:
            log.info("draft (the build refuses it): %s", problem)
        return [
            problem
            for problem in self.translations.problems
            if problem not in self.translations.unfinished
        ]

    def status_of(self, english: str) -> PageStatus | None:
        """The status of the translation of ``english`` (``docs/PATH.md``)."""
        return self.translations.status_of(english)


def feed_status(status: PageStatus | None) -> dict[str, Any]:
    """A translation's status as api/pages.json gives it."""
    if status is None:
        return {"status": None, "out_of_date_since": None}
    since = status.since.isoformat() if status.since else None
    return {"status": STATUS_IN_FEED[status.state], "out_of_date_since": since}


def with_statuses(document: dict[str, Any], translations: BuildTranslations) -> dict[str, Any]:
    """api/pages.json with each translation's status filled in: an English
    entry's Spanish translation (``translations.es``), a Spanish entry's own
    (``translation``), where the feed has a place for it."""
    for entry in document.get("pages", []):
        source = str(entry.get("source_file", ""))
        status = feed_status(translations.status_of(english_path(source)))
        spanish = entry.get("translations", {}).get("es")
        if isinstance(spanish, dict):
            spanish.update(status)
        own = entry.get("translation")
        if isinstance(own, dict):
            own.update(status)
    return document
