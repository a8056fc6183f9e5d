"""Editor-facing problems, reported as ``path:line: field: message``."""

from __future__ import annotations

import logging
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


def raise_if_any(problems: list[Problem], summary: str) -> None:
    """Fail the build listing every problem at once, not only the first."""
    if not problems:
        return
    listed = "\n".join(f"  {problem}" for problem in problems)
    raise PluginError(f"{summary} ({len(problems)}):\n{listed}")
