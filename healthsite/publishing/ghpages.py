"""Fetch and push the gh-pages branch while other workflows push to it too.

Releases (healthsite/publishing/publish.py) and pull request previews
(healthsite/publishing/preview.py) both commit to gh-pages, from different
workflow runs that may overlap: GitHub Actions cannot queue them safely in
one concurrency group, because a new pending run cancels the one waiting
before it (a preview could cancel a release). So every push is a plain
fast-forward, never forced: if the branch moved on meanwhile, the push is
refused, and the change is made again on top of the new tip.

Before each push the tree about to be published is measured, and a push that
would take it above the limit is refused (healthsite/publishing/treesize.py).
"""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Callable, Sequence

from mike import git_utils

from healthsite.publishing import treesize

log = logging.getLogger("healthsite.publishing.ghpages")

BRANCH = "gh-pages"
REMOTE = "origin"
REMOTE_REF = f"refs/remotes/{REMOTE}/{BRANCH}"
# How many times a change is made again on a branch that keeps moving.
ATTEMPTS = 4
# The local branch a preview's commit is made on: never the local gh-pages,
# which may hold someone's own work in a clone.
WORK_BRANCH = "healthsite-gh-pages-update"


class BranchKeptMovingError(RuntimeError):
    """gh-pages moved on before every attempt to push."""


def run(command: Sequence[str], env: dict[str, str]) -> None:
    """Run a command, its output going straight to the workflow log."""
    log.info("$ %s", " ".join(command))
    subprocess.run(command, env=env, check=True)


def fetch(env: dict[str, str]) -> bool:
    """Bring the remote gh-pages into origin/gh-pages; False if there is none yet.

    A shallow fetch is enough: commits go on top of the branch tip.
    """
    found = subprocess.run(
        ["git", "ls-remote", "--exit-code", "--heads", REMOTE, BRANCH],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if found.returncode == 2:
        log.info("%s has no %s branch yet; this creates it", REMOTE, BRANCH)
        return False
    found.check_returncode()
    run(["git", "fetch", "--depth=1", REMOTE, f"+refs/heads/{BRANCH}:{REMOTE_REF}"], env)
    return True


def _published_size(env: dict[str, str]) -> treesize.TreeSize | None:
    """The size of the fetched remote gh-pages, or None if there is none."""
    found = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", REMOTE_REF],
        env=env,
        capture_output=True,
        check=False,
    )
    return treesize.measure(REMOTE_REF, env) if found.returncode == 0 else None


def guard(local_ref: str, env: dict[str, str], limit_bytes: int) -> None:
    """Refuse (PublishedTreeTooLargeError) to publish ``local_ref`` above the limit."""
    new = treesize.measure(local_ref, env)
    log.info(
        "published tree: %s (limit %s)",
        treesize.megabytes(new.total_bytes),
        treesize.megabytes(limit_bytes),
    )
    if new.total_bytes > limit_bytes:
        treesize.check(new, _published_size(env), limit_bytes)
        log.warning("above the limit, but smaller than the tree published now: pushing")


def push(local_ref: str, env: dict[str, str], limit_bytes: int) -> bool:
    """Push ``local_ref`` to gh-pages as a fast-forward; False if gh-pages moved on.

    Nothing is pushed if the tree would be above ``limit_bytes`` (``guard``).
    """
    guard(local_ref, env, limit_bytes)
    command = ["git", "push", "--porcelain", REMOTE, f"{local_ref}:refs/heads/{BRANCH}"]
    log.info("$ %s", " ".join(command))
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode == 0:
        return True
    if "[rejected]" in done.stdout:
        log.warning("%s moved on since it was fetched: %s", BRANCH, done.stdout.strip())
        return False
    log.error("%s%s", done.stdout, done.stderr)
    raise subprocess.CalledProcessError(done.returncode, command, done.stdout, done.stderr)


def _start_work_branch(remote_exists: bool) -> None:
    if remote_exists:
        git_utils.update_ref(WORK_BRANCH, git_utils.get_latest_commit(REMOTE_REF))
    elif git_utils.has_branch(WORK_BRANCH):
        git_utils.delete_branch(WORK_BRANCH)


def update(
    message: str,
    change: Callable[[git_utils.Commit], None],
    env: dict[str, str],
    limit_bytes: int,
) -> bool:
    """Make one commit on top of the remote gh-pages with ``change``, and push it.

    ``change`` is called again for each attempt, on the newest tip, so it
    must only say what the commit does (add these files, delete that folder).
    Returns False, pushing nothing, when the change changes nothing.
    """
    try:
        for attempt in range(1, ATTEMPTS + 1):
            _start_work_branch(fetch(env))
            try:
                with git_utils.Commit(WORK_BRANCH, message) as commit:
                    change(commit)
            except git_utils.GitEmptyCommit:
                log.info("%s: nothing to change", message)
                return False
            if push(f"refs/heads/{WORK_BRANCH}", env, limit_bytes):
                return True
            log.warning("attempt %d of %d: making the change again on top", attempt, ATTEMPTS)
    finally:
        if git_utils.has_branch(WORK_BRANCH):
            git_utils.delete_branch(WORK_BRANCH)
    raise BranchKeptMovingError(f"{BRANCH} moved on before each of {ATTEMPTS} pushes")
