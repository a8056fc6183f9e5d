"""The size of what GitHub Pages would serve from a gh-pages commit, and the guard on it.

GitHub Pages publishes a site of at most 1 GB. Every version mike keeps is a
full copy of the site, ``latest`` another, and every pull request preview
another, so the published tree grows with each release and each open pull
request until Pages stops publishing. Before any push to gh-pages
(healthsite/publishing/ghpages.py), the tree of the commit about to be pushed
is measured: above the limit (``extra.publishing.max_published_mb`` in
mkdocs.yml) the push is refused, with the folders that take the most space,
and in GitHub Actions an ``::error::`` annotation on the run.

A push that makes the tree smaller (removing a preview or a version) is
never refused, so a tree already too large can always be brought back down.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from typing import TextIO

from healthsite.annotations import escape_data, in_github_actions

# Folders whose parts are named separately: one preview per pull request.
BROKEN_DOWN = frozenset({"pr-preview"})
LARGEST_SHOWN = 6
MB = 1_000_000


class PublishedTreeTooLargeError(RuntimeError):
    """The tree about to be pushed is above the limit; the message names the largest parts."""


@dataclass(frozen=True)
class TreeSize:
    """Bytes of the files of one commit's tree, in all and by folder."""

    total_bytes: int
    by_folder: dict[str, int]

    def largest(self, count: int = LARGEST_SHOWN) -> list[tuple[str, int]]:
        return Counter(self.by_folder).most_common(count)


def folder_of(path: str) -> str:
    """The part of the tree a file counts towards: ``1.2/a/b.html`` -> ``1.2/``;
    ``pr-preview/pr-7/x.html`` -> ``pr-preview/pr-7/``; ``404.html`` -> ``404.html``."""
    parts = path.split("/")
    depth = 2 if parts[0] in BROKEN_DOWN else 1
    if len(parts) <= depth:
        return path if len(parts) == 1 else "/".join(parts[:-1]) + "/"
    return "/".join(parts[:depth]) + "/"


def measure(ref: str, env: dict[str, str] | None = None) -> TreeSize:
    """The size of the files of ``ref`` (a commit) as they would be published.

    Git's own listing gives each file's size without checking anything out.
    """
    listing = subprocess.run(
        ["git", "ls-tree", "-r", "-l", "-z", "--full-tree", ref],
        env=env,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    by_folder: Counter[str] = Counter()
    for entry in filter(None, listing.split("\0")):
        info, path = entry.split("\t", 1)
        size = info.split()[3]
        if size.isdigit():  # "-" for a submodule: nothing Pages serves
            by_folder[folder_of(path)] += int(size)
    return TreeSize(sum(by_folder.values()), dict(by_folder))


def megabytes(size: int) -> str:
    return f"{size / MB:,.1f} MB"


def refusal(size: TreeSize, limit_bytes: int) -> str:
    """What a maintainer reads when a push is refused."""
    parts = ", ".join(f"{folder} {megabytes(bytes_)}" for folder, bytes_ in size.largest())
    return (
        f"the published tree would be {megabytes(size.total_bytes)}, above the limit of "
        f"{megabytes(limit_bytes)} (extra.publishing.max_published_mb in mkdocs.yml; GitHub "
        f"Pages serves at most 1 GB); largest parts: {parts}. Not pushed: lower "
        "extra.publishing.browsable_releases or extra.publishing.live_previews, or remove "
        "previews of closed pull requests (README, 'Releasing')"
    )


def annotate_refusal(message: str, stream: TextIO | None = None) -> None:
    """In GitHub Actions, the refusal as an error annotation on the run."""
    if in_github_actions():
        out = stream or sys.stdout
        out.write(f"::error title=Published site too large::{escape_data(message)}\n")
        out.flush()


def check(new: TreeSize, published: TreeSize | None, limit_bytes: int) -> None:
    """Refuse a tree above the limit, unless it is smaller than the one published now."""
    if new.total_bytes <= limit_bytes:
        return
    if published is not None and new.total_bytes < published.total_bytes:
        return
    message = refusal(new, limit_bytes)
    annotate_refusal(message)
    raise PublishedTreeTooLargeError(message)
