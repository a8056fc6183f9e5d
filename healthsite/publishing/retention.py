"""How many releases stay browsable, and the record of those removed.

Every release mike keeps is a full copy of the site, so they cannot all stay
on GitHub Pages (1 GB at most). After each release, only the newest
``extra.publishing.browsable_releases`` releases (and ``dev``) stay; older ones
are removed with mike (``mike delete``), so they leave the version selector
and ``versions.json``. Each removed version is recorded, with the day it was
removed, in ``removed-versions.json`` at the root of gh-pages. The site's 404
page reads that file: a reader who follows an old link into a removed
version is told which version it was and sent on to the same page in
``latest`` (overrides/404.html). Every version stays listed on the Versions
page, and its zipped copy stays attached to its GitHub release (the deploy
workflow attaches it: healthsite/publishing/archive.py).
"""

from __future__ import annotations

import datetime
import json
import logging

from mike import commands, git_utils
from pydantic import BaseModel, TypeAdapter

from healthsite.publishing.versioning import LATEST_ALIAS, release_number

log = logging.getLogger("healthsite.publishing.retention")

REMOVED_FILE = "removed-versions.json"


class RemovedVersion(BaseModel):
    """One release no longer on the site."""

    version: str
    title: str
    removed: datetime.date


REMOVED_LIST = TypeAdapter(list[RemovedVersion])


def releases_to_remove(deployed: dict[str, list[str]], keep: int) -> list[str]:
    """The releases beyond the newest ``keep`` (never the one ``latest`` names, nor dev).

    ``deployed`` maps each deployed version to its aliases.
    """
    releases = sorted(
        (version for version in deployed if release_number(version) is not None),
        key=lambda version: release_number(version) or (0, 0),
        reverse=True,
    )
    return [v for v in releases[keep:] if LATEST_ALIAS not in deployed[v]]


def read_removed(branch: str) -> list[RemovedVersion]:
    """The record of removed versions on ``branch``; empty if it has none yet."""
    try:
        text = git_utils.read_file(branch, REMOVED_FILE, universal_newlines=True)
    except git_utils.GitError:
        return []
    return REMOVED_LIST.validate_json(text)


def removed_json(removed: list[RemovedVersion]) -> str:
    newest_first = sorted(
        removed, key=lambda entry: release_number(entry.version) or (0, 0), reverse=True
    )
    return json.dumps(REMOVED_LIST.dump_python(newest_first, mode="json"), indent=2) + "\n"


def retire(branch: str, keep: int, today: datetime.date) -> list[str]:
    """Remove the releases beyond the newest ``keep`` from ``branch``; record them.

    Commits on the local ``branch`` only; the caller pushes. Returns the
    versions removed.
    """
    versions = commands.list_versions(branch)
    deployed = {str(info.version): list(info.aliases) for info in versions}
    titles = {str(info.version): info.title for info in versions}
    remove = releases_to_remove(deployed, keep)
    earlier = [entry for entry in read_removed(branch) if entry.version not in deployed]
    if remove:
        commands.delete(
            remove,
            branch=branch,
            message=f"Remove {', '.join(remove)}: only the newest {keep} releases stay browsable",
        )
        log.info("removed %s: only the newest %d releases stay browsable", ", ".join(remove), keep)
    record = earlier + [RemovedVersion(version=v, title=titles[v], removed=today) for v in remove]
    try:
        with git_utils.Commit(branch, f"Record removed versions in {REMOVED_FILE}") as commit:
            commit.add_file(git_utils.FileInfo(REMOVED_FILE, removed_json(record)))
    except git_utils.GitEmptyCommit:
        pass
    return remove
