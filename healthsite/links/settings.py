"""What the link check adds to lychee, read from ``linkcheck.toml``.

lychee's own settings are in ``lychee.toml``, which lychee reads and checks itself.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from healthsite.problems import Problem


@dataclass(frozen=True)
class RefusesBots:
    """A host whose ``accept`` statuses mean "no robots", not "gone"."""

    host: str
    accept: tuple[int, ...]
    reason: str


@dataclass(frozen=True)
class Settings:
    server_error_retries: int
    backoff_seconds: float
    refuses_bots: tuple[RefusesBots, ...] = ()


class SettingsError(ValueError):
    """``linkcheck.toml`` is wrong; carries the problems to show."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


NUMBERS = ("server_error_retries", "backoff_seconds")
REFUSES_BOTS_FIELDS = ("host", "accept", "reason")


def _refusing_hosts(data: dict[str, Any], shown_as: str) -> list[RefusesBots]:
    hosts: list[RefusesBots] = []
    problems: list[Problem] = []
    for index, entry in enumerate(data.get("refuses_bots", [])):
        missing = [name for name in REFUSES_BOTS_FIELDS if name not in entry]
        if missing:
            field = f"refuses_bots[{index}]"
            problems.append(Problem(shown_as, None, field, f"needs {', '.join(missing)}"))
        else:
            hosts.append(RefusesBots(entry["host"], tuple(entry["accept"]), entry["reason"]))
    if problems:
        raise SettingsError(problems)
    return hosts


def load_settings(path: Path, shown_as: str = "linkcheck.toml") -> Settings:
    """Parse and check ``linkcheck.toml``; raise SettingsError naming the field."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise SettingsError([Problem(shown_as, None, "toml", f"{error}; fix the syntax")]) from None
    problems = [
        Problem(shown_as, None, name, "is missing or not a number; e.g. 3")
        for name in NUMBERS
        if not isinstance(data.get(name), int | float)
    ]
    if problems:
        raise SettingsError(problems)
    return Settings(
        server_error_retries=int(data["server_error_retries"]),
        backoff_seconds=data["backoff_seconds"],
        refuses_bots=tuple(_refusing_hosts(data, shown_as)),
    )
