"""Editor-facing problems, reported as ``path:line: field: message``."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.healthsite")


@dataclass(frozen=True)
class Problem:
    """One mistake an editor can fix: where it is, which field, what to do."""

    path: str
    line: int | None
    field: str
    message: str

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


def raise_if_any(problems: list[Problem], summary: str) -> None:
    """Fail the build listing every problem at once, not only the first."""
    if not problems:
        return
    listed = "\n".join(f"  {problem}" for problem in problems)
    raise PluginError(f"{summary} ({len(problems)}):\n{listed}")
