"""A test's copy of the project in a new git repository (tests/translatedhistory.py):
an English-only change leaves the copy's translations out of date, as in the real
repository, never "a fingerprint that matches no version"."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from healthsite.translations.history import GitHistory
from healthsite.translations.status import State, check_translations
from tests.ghpagesremote import commit_all
from tests.test_translations import TODAY, current_print, spanish
from tests.translatedhistory import COPIED, NoHistoryError, commit_copy
from tests.translationrepo import ENGLISH as PAGE
from tests.translationrepo import GLOSSARY, Project, commit, git

# How each caller commits the copy: the translation build tests on a date of
# their own, the publishing tests (tests/ghpagesremote.py) on the day they run.
COMMITS: dict[str, Callable[[Path], Callable[[str], None]]] = {
    "translation build": lambda root: lambda message: commit(root, "2026-06-01", message),
    "publishing": lambda root: lambda message: commit_all(root, message),
}


@pytest.fixture
def real(tmp_path: Path) -> Project:
    """The real repository: a page and its Spanish translation, then an
    English-only change to a glossary definition the page shows."""
    repo = Project(tmp_path / "real")
    repo.commit("2026-01-01")
    repo.write("docs/page.es.md", spanish(current_print(repo)))
    repo.commit("2026-01-02")
    repo.write("data/glossary.yml", GLOSSARY.replace("a light touch.", "a light touch or wind."))
    repo.commit("2026-03-01", "glossary: allodynia, in English only")
    return repo


def _copy(real: Project, folder: Path, how: str) -> Path:
    """The project copied (as ``copy_project`` does) and committed by ``commit_copy``."""
    for part in ("docs", "data"):
        shutil.copytree(real.root / part, folder / part)
    git(folder, "init", "-q", "-b", "main")
    commit_copy(folder, COMMITS[how](folder), GitHistory(real.root))
    return folder


@pytest.mark.parametrize("how", COMMITS)
def test_an_english_only_change_leaves_the_copys_translation_out_of_date(
    real: Project, tmp_path: Path, how: str
) -> None:
    assert check_translations(real.root, today=TODAY).problems == []  # the real one passes
    copy = _copy(real, tmp_path / "copy", how)
    translations = check_translations(copy, today=TODAY)
    assert translations.problems == []  # a build of the copy passes too
    status = translations.status_of("docs/page.md")
    assert status is not None
    # Out of date since the copy's own commit: the test's date, not the real one's.
    day = git(copy, "log", "-1", "--format=%cs").strip()
    assert (status.state, status.since) == (State.out_of_date, dt.date.fromisoformat(day))
    assert set(git(copy, "log", "--format=%cs").split()) == {day}
    # The copy's last commit is the project as copied, and nothing else is left.
    assert git(copy, "log", "-1", "--format=%s").strip() == COPIED
    assert git(copy, "status", "--porcelain") == ""
    for name in ("docs/page.md", "docs/page.es.md", "data/glossary.yml"):
        assert (copy / name).read_bytes() == (real.root / name).read_bytes()


def test_with_every_translation_current_the_copy_is_one_commit(
    real: Project, tmp_path: Path
) -> None:
    real.write("docs/page.es.md", spanish(current_print(real)))
    real.commit("2026-03-02", "stamped")
    copy = _copy(real, tmp_path / "copy", "translation build")
    assert git(copy, "log", "--format=%s").splitlines() == [COPIED]
    status = check_translations(copy, today=TODAY).status_of("docs/page.md")
    assert status is not None
    assert status.state is State.current


def test_a_fingerprint_that_matches_no_real_version_still_fails(
    real: Project, tmp_path: Path
) -> None:
    """A mistake in the real repository stays one in the copy (nothing is made up)."""
    real.write("docs/page.es.md", spanish("0123456789ab"))
    real.commit("2026-03-02", "a mistyped fingerprint")
    copy = _copy(real, tmp_path / "copy", "translation build")
    assert git(copy, "log", "--format=%s").splitlines() == [COPIED]
    [problem] = check_translations(copy, today=TODAY).problems
    assert "'0123456789ab' matches no version of docs/page.md in git history" in str(problem)


def test_without_real_history_an_out_of_date_translation_says_why(tmp_path: Path) -> None:
    """A checkout with no history (a release archive, a shallow clone) cannot
    give the copy the English a translation was made from: the test says so."""
    archive = Project(tmp_path / "archive", git=False)
    archive.write("docs/page.es.md", spanish("0123456789ab"))
    copy = tmp_path / "copy"
    for part in ("docs", "data"):
        shutil.copytree(archive.root / part, copy / part)
    git(copy, "init", "-q", "-b", "main")
    with pytest.raises(
        NoHistoryError, match=r"docs/page\.es\.md is out of date and .* not in a git"
    ):
        commit_copy(copy, COMMITS["translation build"](copy), GitHistory(archive.root))
    assert PAGE in (copy / "docs/page.md").read_text(encoding="utf-8")
