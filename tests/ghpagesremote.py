"""A local bare repository standing in for GitHub, shared by the publishing tests.

Publishing (tests/test_publishing.py) and pull request previews
(tests/test_preview.py) both push a gh-pages branch to it with the real git
and mike, once per test run, then read the branch and serve it as GitHub
Pages would.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

from tests.sitebuild import copy_project, refuse_in_the_fast_lane

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


def project_with_remote(folder: Path) -> Path:
    """A bare ``folder/origin.git`` and a git checkout of the project in
    ``folder/work`` with it as ``origin``; returns the checkout."""
    git("init", "--quiet", "--bare", str(folder / "origin.git"), cwd=folder)
    (folder / "work").mkdir()
    work = copy_project(folder / "work")
    git("init", "--quiet", "--initial-branch=main", cwd=work)
    # The project as copied is the first commit: the history the build reads
    # then holds the English each translation was made from, so a test that
    # changes an English page makes its translation out of date, as in the
    # real repository, rather than a translation of nothing known.
    git("add", "--all", cwd=work)
    git("commit", "--quiet", "--message", "The project as copied", cwd=work)
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
