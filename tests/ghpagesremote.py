"""A local bare repository standing in for GitHub, shared by the publishing tests.

Publishing (tests/test_publishing.py), pull request previews
(tests/test_preview.py) and the published tree's limits
(tests/test_publishing_limits.py) each push a gh-pages branch to their own
bare repository with the real git and mike, once per test run, then read the
branch and serve it as GitHub Pages would.

The releases they all start from (1.0, with a page 1.1 withdraws, then 1.1)
are published once per run (``released``); each module then works on its own
copy of that bare repository, so each still runs every later step (mike's
deploys, retention, the size guard, previews) against a repository of its own.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

from tests.sitebuild import copy_project, refuse_in_the_fast_lane
from tests.translatedhistory import commit_copy

# The publishing modules' tests all run on one worker (tests/xdistgroups.py):
# they start from the same releases (``released``), so on two workers one would
# wait for the other's publishing run.
PUBLISHING = pytest.mark.xdist_group("publishing")

# Hermetic git: a fixed identity (as the workflow sets one), no user config.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Publisher",
    "GIT_AUTHOR_EMAIL": "publisher@example.org",
    "GIT_COMMITTER_NAME": "Test Publisher",
    "GIT_COMMITTER_EMAIL": "publisher@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "NO_MKDOCS_2_WARNING": "1",
}


def hermetic_env() -> dict[str, str]:
    """This process's environment with hermetic git and no GitHub token."""
    env = {**os.environ, **GIT_ENV}
    env.pop("GITHUB_TOKEN", None)
    return env


def run_module(
    module: str, *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m module args`` in ``cwd``, hermetic, plus ``env``; never raises."""
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=cwd,
        env={**hermetic_env(), **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=hermetic_env(), capture_output=True, check=True
    )
    return done.stdout.decode()


def gh_pages_entries(origin: Path, path: str = "") -> dict[str, str]:
    """gh-pages' entries (of ``path``) -> git object ids (equal ids, equal content)."""
    try:
        listing = git("ls-tree", f"gh-pages:{path}", cwd=origin)
    except subprocess.CalledProcessError:
        return {}
    return {line.split("\t")[1]: line.split()[2] for line in listing.splitlines()}


def check_out_for_serving(origin: Path, served: Path) -> None:
    """The gh-pages branch as files under ``served/site/``, as GitHub Pages serves it."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", "gh-pages"], cwd=origin, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(served / "site", filter="data")


def project_with_remote(folder: Path, origin_from: Path | None = None) -> Path:
    """A bare ``folder/origin.git`` (empty, or a copy of the bare repository
    ``origin_from``) and a git checkout of the project in ``folder/work`` with
    it as ``origin``; returns the checkout."""
    if origin_from is None:
        git("init", "--quiet", "--bare", str(folder / "origin.git"), cwd=folder)
    else:
        shutil.copytree(origin_from, folder / "origin.git", symlinks=True)
    (folder / "work").mkdir()
    work = copy_project(folder / "work")
    git("init", "--quiet", "--initial-branch=main", cwd=work)
    # The history the build reads then holds the English each translation was
    # made from, so a test that changes an English page makes its translation
    # out of date, as in the real repository, rather than a translation of
    # nothing known; and so does a translation out of date on main.
    commit_copy(work, lambda message: commit_all(work, message))
    git("remote", "add", "origin", str(folder / "origin.git"), cwd=work)
    return work


@dataclass(frozen=True)
class Remote:
    """A folder holding the stand-in for GitHub (``origin.git``) and its Pages."""

    folder: Path

    @property
    def origin(self) -> Path:
        return self.folder / "origin.git"

    @property
    def served(self) -> Path:
        """The gh-pages branch as files, under ``site/`` as on GitHub Pages."""
        return self.folder / "served"

    def show(self, path: str) -> str:
        return git("show", f"gh-pages:{path}", cwd=self.origin)


def once_per_run(
    tmp_path_factory: pytest.TempPathFactory, name: str, record: str, run: Callable[[Path], None]
) -> Path:
    """The folder where ``run`` did its work, once per test run: pytest-xdist
    workers share it. ``run`` writes ``record`` (a file in the folder) last.
    Every ``run`` builds and publishes the site, so the fast lane refuses it."""
    refuse_in_the_fast_lane()
    if "PYTEST_XDIST_WORKER" in os.environ:
        # The parent of a worker's temp folder is this run's, shared by all workers.
        folder = tmp_path_factory.getbasetemp().parent / name
    else:
        folder = tmp_path_factory.mktemp(name)
    with FileLock(f"{folder}.lock"):
        if not (folder / record).is_file():
            folder.mkdir(exist_ok=True)
            run(folder)
    return folder


# --- The releases every publishing test starts from, published once per run ---

WITHDRAWN_NAV = "      - Withdrawn advice: withdrawn.md\n"
VERSIONS_NAV = "      - Versions and changes: versions.md\n"
# In the folder ``released`` returns: the bare repository after release 1.0
# (``origin.git`` holds it after 1.1, and ``work`` the checkout at 1.1).
AFTER_1_0 = "after-1.0.git"


def publish_script(work: Path, ref: str) -> subprocess.CompletedProcess[str]:
    """``python -m healthsite.publishing.publish --ref REF`` in ``work``, hermetic."""
    return run_module("healthsite.publishing.publish", "--ref", ref, cwd=work)


def publish_ok(work: Path, ref: str) -> None:
    result = publish_script(work, ref)
    assert result.returncode == 0, result.stdout + result.stderr


def commit_all(work: Path, message: str) -> None:
    git("add", "--all", cwd=work)
    git("commit", "--quiet", "--message", message, cwd=work)


def _add_withdrawn_page(work: Path) -> None:
    about = (work / "docs" / "about.md").read_text(encoding="utf-8")
    page = about.replace("title: About this site", "title: Withdrawn advice").replace(
        "# About this site", "# Withdrawn advice"
    )
    (work / "docs" / "withdrawn.md").write_text(page, encoding="utf-8")
    config = work / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert VERSIONS_NAV in text
    config.write_text(text.replace(VERSIONS_NAV, VERSIONS_NAV + WITHDRAWN_NAV), encoding="utf-8")


def _remove_withdrawn_page(work: Path) -> None:
    (work / "docs" / "withdrawn.md").unlink()
    config = work / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(WITHDRAWN_NAV, ""))


def _publish_releases(folder: Path) -> None:
    work = project_with_remote(folder)
    _add_withdrawn_page(work)
    commit_all(work, "Content of release 1.0")
    publish_ok(work, "refs/tags/v1.0")
    shutil.copytree(folder / "origin.git", folder / AFTER_1_0, symlinks=True)
    _remove_withdrawn_page(work)
    commit_all(work, "Content of release 1.1: advice withdrawn")
    publish_ok(work, "refs/tags/v1.1")
    (folder / "released").write_text("1.0 and 1.1\n")


def released(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Releases 1.0 (with a page "Withdrawn advice") and 1.1 (without it),
    published with the publish script once per test run; the folder holding
    ``origin.git`` (after 1.1), ``AFTER_1_0`` and the checkout ``work``.
    Copy what you change: other modules start from the same folder."""
    return once_per_run(tmp_path_factory, "released", "released", _publish_releases)


def once_from_releases(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    record: str,
    run: Callable[[Path, Path], None],
) -> Path:
    """``once_per_run`` for a run that starts from ``released``: ``run`` gets
    the released folder (to copy from) and its own folder."""
    from_releases = released(tmp_path_factory)
    return once_per_run(tmp_path_factory, name, record, lambda folder: run(from_releases, folder))
