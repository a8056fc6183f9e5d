"""Sum a HEALTHSITE_BUILD_LOG (tests/sitebuild.py): whole-site builds per test file.

HEALTHSITE_BUILD_LOG=/tmp/builds.tsv .venv/bin/python -m pytest
.venv/bin/python -m tests.buildlog /tmp/builds.tsv
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path


def per_file(log: str) -> list[tuple[str, int, float]]:
    """(test file, builds, seconds) for each file in the log, most builds first."""
    builds: Counter[str] = Counter()
    seconds: Counter[str] = Counter()
    for line in log.splitlines():
        test, _, took = line.rpartition("\t")
        name = test.split("::", 1)[0]
        builds[name] += 1
        seconds[name] += float(took)
    return sorted(
        ((name, count, seconds[name]) for name, count in builds.items()),
        key=lambda row: (-row[1], row[0]),
    )


def main(path: str) -> None:
    rows = per_file(Path(path).read_text(encoding="utf-8"))
    for name, count, took in rows:
        sys.stdout.write(f"{count:4d} builds {took:8.1f} s  {name}\n")
    total = sum(row[1] for row in rows)
    sys.stdout.write(f"{total:4d} builds {sum(row[2] for row in rows):8.1f} s  in all\n")


if __name__ == "__main__":
    main(sys.argv[1])
