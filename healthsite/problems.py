"""Editor-facing problems, reported as ``path:line: field: message``."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from healthsite.annotations import annotate

log = logging.getLogger("mkdocs.plugins.healthsite")


@dataclass(frozen=True)
class Spot:
    """A line a problem is about, for GitHub's annotations (e.g. one hard sentence)."""

    line: int | None
    message: str


@dataclass(frozen=True)
class Problem:
    """One mistake an editor can fix: where it is, which field, what to do.

    ``spots``, when given, are the lines GitHub marks instead of ``line``
    (healthsite/annotations.py): a page too hard to read is one problem in the
    build's output, but each of its hardest sentences is marked on its line.
    """

    path: str
    line: int | None
    field: str
    message: str
    spots: tuple[Spot, ...] = ()

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}"


def raise_if_any(problems: list[Problem], summary: str, project_dir: Path | None = None) -> None:
    """Fail the build listing every problem at once, not only the first.

    In GitHub Actions each problem is also written as an annotation, so the
    pull request shows it on the line the editor wrote. ``project_dir`` is the
    folder the problems' paths are relative to (the current one if not given).
    """
    if not problems:
        return
    annotate(problems, project_dir)
    listed = "\n".join(f"  {problem}" for problem in problems)
    raise PluginError(f"{summary} ({len(problems)}):\n{listed}")
