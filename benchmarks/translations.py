"""How long the translation status takes, with every translation out of date.

The worst case for the check: every English page has a Spanish page whose
fingerprint is that of the English page ``--behind`` commits of the page or
its data ago, so each page's history is walked (healthsite/translations/).
In a clone of this repository (``git clone --no-local``, so the real history),
the Spanish pages are written and committed, then ``check_translations`` is
timed twice in one process: first with nothing cached (a build), then again
(``mkdocs serve``'s next rebuild: each commit's fingerprint is kept).

Usage::

    .venv/bin/python -m benchmarks.translations [--behind 5] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from healthsite.translations.editing import stamped
from healthsite.translations.history import GitHistory
from healthsite.translations.status import (
    Kept,
    PageHistory,
    State,
    check_translations,
    spanish_path,
)

ROOT = Path(__file__).resolve().parent.parent


def _git(repository: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-C", str(repository), *arguments], check=True, capture_output=True, text=True
    )


def _write_stale_translations(clone: Path, behind: int) -> int:
    """A Spanish page for each English page, at its fingerprint ``behind`` versions ago."""
    pages = PageHistory(GitHistory(clone))
    written = 0
    for english in sorted(p.relative_to(clone).as_posix() for p in (clone / "docs").rglob("*.md")):
        prints = [fp for _, fp in pages.fingerprints(english) if fp is not None]
        distinct = list(dict.fromkeys(prints))
        if len(distinct) <= behind:
            continue
        page = "---\ntitle: Traducción\n---\n\nTexto.\n"
        (clone / spanish_path(english)).write_text(
            stamped(page, distinct[behind], dt.date(2026, 1, 1), english),
            encoding="utf-8",
        )
        written += 1
    _git(clone, "add", "-A")
    _git(clone, "-c", "user.name=b", "-c", "user.email=b@example.org", "commit", "-qm", "es")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--behind", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        clone = Path(folder) / "site"
        _git(Path(folder), "clone", "-q", "--no-local", str(ROOT), str(clone))
        count = _write_stale_translations(clone, arguments.behind)
        cold, warm = [], []
        for _ in range(arguments.runs):
            history, kept = GitHistory(clone), Kept()
            start = time.perf_counter()
            result = check_translations(clone, history=history, kept=kept)
            cold.append(time.perf_counter() - start)
            start = time.perf_counter()
            check_translations(clone, history=history, kept=kept)
            warm.append(time.perf_counter() - start)
        stale = sum(status.state is State.out_of_date for status in result.statuses)
        commits = subprocess.run(
            ["git", "-C", str(clone), "rev-list", "--count", "HEAD"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    sys.stdout.write(
        f"{count} translations, {stale} out of date, {len(result.problems)} problems, "
        f"{commits} commits\n"
        f"first check (nothing cached): median {statistics.median(cold) * 1000:.0f} ms "
        f"of {arguments.runs}\n"
        f"again in the same process: median {statistics.median(warm) * 1000:.0f} ms\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
