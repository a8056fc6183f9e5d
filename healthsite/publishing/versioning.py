"""Which published version of the site a git ref becomes.

The deploy workflow passes the ref that triggered it (``GITHUB_REF``); this is
the one place that turns it into mike's version, aliases and title, so the
workflow does no string handling of its own.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

DEV_BRANCH_REF = "refs/heads/main"
DEV_VERSION = "dev"
LATEST_ALIAS = "latest"

_RELEASE_TAG = re.compile(r"refs/tags/v(?P<major>0|[1-9][0-9]*)\.(?P<minor>0|[1-9][0-9]*)")
_PATCH_TAG = re.compile(r"refs/tags/v[0-9]+\.[0-9]+\.[0-9]+")


class UnpublishableRefError(ValueError):
    """A ref the deploy workflow must not publish; the message says the fix."""


@dataclass(frozen=True)
class PublishTarget:
    """Where one build goes on the gh-pages branch."""

    version: str
    aliases: tuple[str, ...]
    title: str

    @property
    def is_release(self) -> bool:
        return self.version != DEV_VERSION


def target_for_ref(ref: str) -> PublishTarget:
    """``refs/heads/main`` -> dev; ``refs/tags/v1.2`` -> 1.2, alias latest."""
    if ref == DEV_BRANCH_REF:
        return PublishTarget(DEV_VERSION, (), "dev (unreleased preview)")
    release = _RELEASE_TAG.fullmatch(ref)
    if release:
        version = f"{release['major']}.{release['minor']}"
        return PublishTarget(version, (LATEST_ALIAS,), version)
    shown = ref or "(no ref given: pass --ref or set GITHUB_REF)"
    raise UnpublishableRefError(f"{shown}: {_why_not_publishable(ref)}")


def _why_not_publishable(ref: str) -> str:
    if _PATCH_TAG.fullmatch(ref):
        # A published health page is a record: a patch tag would overwrite
        # release X.Y in place and the guidance it replaced would be lost.
        return (
            "release tags name a version as vX.Y (major.minor), not vX.Y.Z; "
            "publish a correction as the next minor version (e.g. v1.3) so the "
            "earlier version stays on record"
        )
    if ref.startswith("refs/tags/"):
        return (
            "a release tag must be 'v' then major.minor numbers without leading "
            "zeros, e.g. v1.2; delete this tag and push one like that"
        )
    return (
        "only pushes to main (published as 'dev') and release tags vX.Y are "
        "published; run the deploy workflow from one of those"
    )


def release_number(version: str) -> tuple[int, int] | None:
    """``"1.10"`` -> ``(1, 10)``; None for dev or anything not X.Y."""
    major, dot, minor = version.partition(".")
    if dot and major.isdigit() and minor.isdigit():
        return int(major), int(minor)
    return None


def newer_release_deployed(target: PublishTarget, deployed: list[str]) -> str | None:
    """The newest deployed release above ``target``, if any.

    Re-running an old tag's workflow must not move ``latest`` back to it.
    """
    ours = release_number(target.version)
    if ours is None:
        return None
    newer = {v: n for v in deployed if (n := release_number(v)) is not None and n > ours}
    return max(newer, key=newer.__getitem__) if newer else None


def version_selector_only_when_published(extra: MutableMapping[str, Any]) -> None:
    """Drop Material's version selector from a build that mike is not deploying.

    The selector fetches ``../versions.json``, which only a mike deployment
    has: in a plain ``mkdocs build`` or ``mkdocs serve`` every page would log
    a 404 for it. ``extra.published_version`` is mike's version (mkdocs.yml
    reads it from ``MIKE_DOCS_VERSION``), empty outside a deployment.
    """
    if not extra.get("published_version"):
        extra.pop("version", None)
