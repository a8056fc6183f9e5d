"""The link check's settings, read from ``linkcheck.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from healthsite.problems import Problem


@dataclass(frozen=True)
class Skip:
    """Links matching ``pattern`` are never requested."""

    pattern: str
    reason: str


@dataclass(frozen=True)
class RefusesBots:
    """A host whose ``accept`` statuses mean "no robots", not "gone"."""

    host: str
    accept: tuple[int, ...]
    reason: str


@dataclass(frozen=True)
class Settings:
    user_agent: str
    timeout_seconds: float
    retries: int
    backoff_seconds: float
    max_backoff_seconds: float
    cache_days: float
    skip: tuple[Skip, ...] = ()
    refuses_bots: tuple[RefusesBots, ...] = ()


class SettingsError(ValueError):
    """``linkcheck.toml`` is wrong; carries the problems to show."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


NUMBERS = ("timeout_seconds", "retries", "backoff_seconds", "max_backoff_seconds", "cache_days")


def _entries(
    data: dict[str, Any], table: str, fields: tuple[str, ...], shown_as: str
) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for index, entry in enumerate(data.get(table, [])):
        missing = [name for name in fields if name not in entry]
        if missing:
            problems.append(
                Problem(shown_as, None, f"{table}[{index}]", f"needs {', '.join(missing)}")
            )
        else:
            entries.append(entry)
    if problems:
        raise SettingsError(problems)
    return entries


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
    if not isinstance(data.get("user_agent"), str):
        problems.append(Problem(shown_as, None, "user_agent", "is missing; give a browser's"))
    if problems:
        raise SettingsError(problems)
    skips = [
        Skip(entry["pattern"], entry["reason"])
        for entry in _entries(data, "skip", ("pattern", "reason"), shown_as)
    ]
    for index, skip in enumerate(skips):
        try:
            re.compile(skip.pattern)
        except re.error as error:
            raise SettingsError(
                [Problem(shown_as, None, f"skip[{index}].pattern", f"is not a regex: {error}")]
            ) from None
    refusing = [
        RefusesBots(entry["host"], tuple(entry["accept"]), entry["reason"])
        for entry in _entries(data, "refuses_bots", ("host", "accept", "reason"), shown_as)
    ]
    return Settings(
        user_agent=data["user_agent"],
        timeout_seconds=data["timeout_seconds"],
        retries=int(data["retries"]),
        backoff_seconds=data["backoff_seconds"],
        max_backoff_seconds=data["max_backoff_seconds"],
        cache_days=data["cache_days"],
        skip=tuple(skips),
        refuses_bots=tuple(refusing),
    )
