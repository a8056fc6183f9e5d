"""Results of recent runs, so a link that worked is not requested every week.

A JSON file (CI keeps it between runs with actions/cache): for each link, its
verdict, what the server said, and when. Only links that worked are reused;
a failure is always asked again.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from healthsite.links.classify import Verdict

REUSABLE = frozenset({Verdict.OK, Verdict.REDIRECTED, Verdict.REFUSES_BOTS})
FORMAT = 1


@dataclass(frozen=True)
class Cached:
    verdict: Verdict
    result: str
    checked_at: str  # ISO 8601, UTC

    def age(self, now: datetime) -> timedelta:
        return now - datetime.fromisoformat(self.checked_at)


class ResultCache:
    def __init__(self, path: Path | None, max_age: timedelta) -> None:
        self.path = path
        self.max_age = max_age
        self.entries: dict[str, Cached] = {}
        if path is not None and path.is_file():
            self.entries = self._read(path)

    @staticmethod
    def _read(path: Path) -> dict[str, Cached]:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            return {}  # a damaged cache only costs one full run
        if data.get("format") != FORMAT:
            return {}
        return {
            link: Cached(Verdict(entry["verdict"]), entry["result"], entry["checked_at"])
            for link, entry in data["links"].items()
        }

    def fresh(self, now: datetime) -> dict[str, Cached]:
        """Links that worked within ``max_age``: not requested this run."""
        return {
            link: entry
            for link, entry in self.entries.items()
            if entry.verdict in REUSABLE and entry.age(now) < self.max_age
        }

    def record(self, link: str, verdict: Verdict, result: str, now: datetime) -> None:
        if verdict in REUSABLE:
            self.entries[link] = Cached(verdict, result, now.isoformat())
        else:
            self.entries.pop(link, None)

    def save(self, now: datetime) -> None:
        """Write the cache, dropping entries too old to be used again."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        links = {
            link: asdict(entry)
            for link, entry in sorted(self.entries.items())
            if entry.age(now) < self.max_age
        }
        self.path.write_text(
            json.dumps({"format": FORMAT, "links": links}, indent=1) + "\n", encoding="utf-8"
        )
