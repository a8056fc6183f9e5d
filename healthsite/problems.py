"""Editor-facing problems, reported as ``path:line: field: message``."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
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


# A key an editor can read as it is: no spaces at its ends, no control
# characters, nothing that would read as part of the message (": ").
_PLAIN_KEY = re.compile(r"[^\s:\x00-\x1f\x7f-\x9f][^:\x00-\x1f\x7f-\x9f\u2028\u2029]*(?<!\s)")


def field_path(parts: Iterable[object]) -> str:
    """Keys joined with dots, e.g. ``reviewed_by.name``; an odd key is quoted.

    A key of spaces, of several lines or with a colon would otherwise make the
    ``path:line: field: message`` line unreadable: it is shown in double
    quotes, with escapes (``"\\n"``), as YAML would accept it back.
    """
    shown = []
    for part in parts:
        text = str(part)
        if not isinstance(part, str | int) or not _PLAIN_KEY.fullmatch(text):
            text = json.dumps(text)
        shown.append(text)
    return ".".join(shown)


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
