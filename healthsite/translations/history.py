"""Earlier versions of files, from git: what an out-of-date translation was made from.

Everything is read through the ``git`` command: ``git log`` for the commits
that changed a file, and one ``git cat-file --batch`` for the text of many
files at many commits at once. A build reads history only for a Spanish page
whose fingerprint is not the English page's current one.

History can be missing: a site built from a release archive has no ``.git``,
and CI's default checkout has one commit (a shallow clone). ``unavailable``
then says why, and the caller does without (status.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

GIT_TIMEOUT_SECONDS = 60


class GitError(RuntimeError):
    """git failed on a repository it could read before."""


@dataclass(frozen=True)
class Version:
    """A commit that changed a file, and the day it was committed."""

    commit: str
    date: dt.date


def _git(repository: Path, *arguments: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(repository), *arguments],
            input=stdin,
            capture_output=True,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitError(f"git {arguments[0]}: {error}") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip()
        raise GitError(f"git {' '.join(arguments[:2])}: {said}")
    return done.stdout


def _versions(output: bytes) -> list[Version]:
    versions = []
    for line in output.decode("utf-8").splitlines():
        commit, _, day = line.partition(" ")
        if commit and day:
            versions.append(Version(commit, dt.date.fromisoformat(day)))
    return versions


def parse_batch(output: bytes, count: int) -> list[bytes | None]:
    """The objects ``git cat-file --batch`` wrote for ``count`` requests, in
    order; None where it said ``missing`` (no such file at that commit)."""
    objects: list[bytes | None] = []
    position = 0
    for _ in range(count):
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if header[-1] in (b"missing", b"ambiguous"):
            objects.append(None)
            continue
        size = int(header[2])
        objects.append(output[position : position + size])
        position += size + 1  # the object, then a newline
    return objects


class GitHistory:
    """The history of one repository, read once per process and commit checked out."""

    def __init__(self, repository: Path) -> None:
        self.repository = repository

    @functools.cached_property
    def unavailable(self) -> str | None:
        """Why there is no history to read, or None if there is."""
        if shutil.which("git") is None:
            return "git is not installed"
        try:
            top = _git(self.repository, "rev-parse", "--show-toplevel").decode().strip()
            shallow = _git(self.repository, "rev-parse", "--is-shallow-repository")
        except GitError:
            return f"{self.repository} is not in a git repository"
        if Path(top).resolve() != self.repository.resolve():
            return f"{self.repository} is not the top of its git repository"
        if shallow.strip() == b"true" and self._head_history_cut():
            return "the git clone is shallow (fetch its whole history: fetch-depth 0)"
        return None

    def _head_history_cut(self) -> bool:
        """Whether the history of HEAD stops at a shallow clone's boundary.

        A clone can be shallow elsewhere only: publishing fetches gh-pages with
        depth 1 into a clone whose own branch has its whole history.
        """
        where = _git(self.repository, "rev-parse", "--git-path", "shallow").decode().strip()
        shallow_file = Path(where) if Path(where).is_absolute() else self.repository / where
        try:
            boundaries = set(shallow_file.read_text(encoding="utf-8").split())
        except FileNotFoundError:
            return False
        try:
            reachable = _git(self.repository, "rev-list", "HEAD").decode().split()
        except GitError:
            return False  # no commit yet: nothing cut
        return not boundaries.isdisjoint(reachable)

    @functools.cached_property
    def head(self) -> str | None:
        try:
            return _git(self.repository, "rev-parse", "--verify", "-q", "HEAD").decode().strip()
        except GitError:
            return None  # a repository with no commit yet

    def changes(
        self, paths: Sequence[str], *, first_parent: bool = True
    ) -> list[tuple[Version, frozenset[str]]]:
        """Newest first, each commit that changed files under the paths, and those files:
        one ``git log`` for the history of many files.

        ``first_parent``: the branch's own line, where a merged branch counts as
        one change, on the day it was merged (what readers of the branch's site
        saw). Otherwise every commit of every merged branch too.
        """
        if self.head is None:
            return []
        line = ["--first-parent"] if first_parent else ["-m"]
        output = _git(
            self.repository, "log", *line, "--format=%x00%H %cs", "--name-only", "--", *paths
        ).decode("utf-8")
        files: dict[Version, set[str]] = {}
        for entry in output.split("\0")[1:]:
            header, _, names = entry.partition("\n")
            [version] = _versions(header.encode("utf-8"))
            # -m lists a merge once for each parent: the files of each, together.
            files.setdefault(version, set()).update(name for name in names.splitlines() if name)
        return [(version, frozenset(names)) for version, names in files.items()]

    def last_changed(self, folder: str) -> dict[str, dt.date]:
        """The day each file under ``folder`` last changed on the branch's own
        line, by its path from the top of the repository; empty without history."""
        if self.unavailable is not None:
            return {}
        return newest_days(self.changes([folder]))

    def removal(self, path: str) -> Version | None:
        """The last commit that removed the file, if one did."""
        if self.head is None:
            return None
        output = _git(
            self.repository, "log", "-1", "--diff-filter=D", "--format=%H %cs", "--", path
        )
        found = _versions(output)
        return found[0] if found else None

    def texts(self, wanted: Sequence[tuple[str, str]]) -> list[str | None]:
        """The text of each (commit, path), None where the file did not exist."""
        if not wanted:
            return []
        requests = "".join(f"{commit}:{path}\n" for commit, path in wanted).encode("utf-8")
        output = _git(self.repository, "cat-file", "--batch", stdin=requests)
        return [
            None if content is None else content.decode("utf-8", "replace")
            for content in parse_batch(output, len(wanted))
        ]


def newest_days(changes: Sequence[tuple[Version, frozenset[str]]]) -> dict[str, dt.date]:
    """Each file's day in the newest change that names it (``changes`` newest first)."""
    days: dict[str, dt.date] = {}
    for version, names in changes:
        for name in names:
            days.setdefault(name, version.date)
    return days
