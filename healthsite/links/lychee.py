"""Run lychee over built pages and read its JSON report: one ``Row`` per link and page."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LYCHEE = Path(sys.executable).with_name("lychee")
# lychee's exit status: 0 nothing broken, 2 broken links; anything else is lychee failing.
CHECKED = (0, 2)
# The report's sections, and what each says of its links.
MAPS = {
    "success_map": "ok",
    "error_map": "error",
    "timeout_map": "timeout",
    "excluded_map": "excluded",
}


@dataclass(frozen=True)
class Row:
    """One link on one page, as lychee reported it."""

    link: str  # as lychee resolved it: a file:// URL for a link between our pages
    page: str  # the HTML file it is on; "" for a link checked on its own (a re-ask)
    kind: str  # "ok", "error", "timeout" or "excluded"
    status: str  # lychee's words, e.g. "Rejected status code: 410 Gone"
    code: int | None  # the last HTTP status, if there was an answer
    redirects: tuple[tuple[str, int], ...] = ()  # each hop: (address, status)
    cached: bool = False  # answered from .lycheecache, not requested this run


class LycheeError(RuntimeError):
    """lychee itself failed (a wrong lychee.toml, a missing input), not a link."""


def _row(entry: dict[str, Any], page: str, kind: str) -> Row:
    status = entry["status"]
    hops = (entry.get("redirects") or {}).get("redirects", [])
    return Row(
        link=entry["url"],
        page=page,
        kind=kind,
        status=status.get("text", ""),
        code=status.get("code"),
        redirects=tuple((hop["url"], hop["code"]) for hop in hops),
        cached=status.get("text", "").endswith("(cached)"),
    )


def parse_report(report: dict[str, Any]) -> list[Row]:
    """lychee's ``--format json --verbose`` report, one row per link and page."""
    rows = {
        (row.link, row.page): row
        for section, kind in MAPS.items()
        for page, entries in (report.get(section) or {}).items()
        for entry in entries
        for row in [_row(entry, page, kind)]
    }
    return list(rows.values())


def run_lychee(
    inputs: Sequence[str],
    config: Path,
    *,
    cache_dir: Path | None = None,
    root_dir: Path | None = None,
    offline: bool = False,
    stdin: str | None = None,
) -> list[Row]:
    """Check the links of ``inputs`` (HTML files; "-" reads addresses from ``stdin``)."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.json"
        command = [
            str(LYCHEE),
            "--config",
            str(config.resolve()),
            "--format",
            "json",
            "--verbose",  # every link, not only failures: the report counts them
            "--no-progress",
            "--extensions",
            "html",
            "--output",
            str(output),
            *(["--cache"] if cache_dir is not None else []),
            *(["--root-dir", str(root_dir.resolve())] if root_dir is not None else []),
            *(["--offline"] if offline else []),
            "--",
            *inputs,
        ]
        # lychee keeps its cache, .lycheecache, in the folder it runs in.
        where = cache_dir if cache_dir is not None else Path(folder)
        where.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            command, cwd=where, input=stdin, capture_output=True, text=True, check=False
        )
        if result.returncode not in CHECKED or not output.is_file():
            raise LycheeError(f"lychee failed ({result.returncode}):\n{result.stderr.strip()}")
        return parse_report(json.loads(output.read_text(encoding="utf-8")))
