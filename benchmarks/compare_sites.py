"""Build the site at two commits and compare what readers get, byte for byte.

    python benchmarks/compare_sites.py edf936c            # against HEAD
    python benchmarks/compare_sites.py edf936c i21-arch   # two commits
    python benchmarks/compare_sites.py HEAD HEAD          # the control: one commit twice

Each commit is checked out in its own git worktree (detached, in a temporary
folder) and built with the real ``mkdocs build --strict`` (both languages),
by this interpreter, so both builds use the same installed packages. Then
every file of the two site folders is compared as bytes, and the report
lists each file that is only in one site or differs, with the first line
that differs.

Only what differs between two builds of one commit is set aside, each for
its reason (``INHERENT``); the control (one commit built twice, run a few
times) shows nothing else does. MkDocs dates the sitemap (``<lastmod>``,
and the time in ``sitemap.xml.gz``'s gzip header) by the day of the build,
so both builds must run on one UTC day: the script refuses a comparison
that crossed midnight rather than set the sitemap aside.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if sys.path[0] == str(ROOT / "benchmarks"):
    sys.path[0] = str(ROOT)  # import as the package ``benchmarks``, not loose files

from benchmarks.measure import mkdocs_build  # noqa: E402

log = logging.getLogger("benchmarks.compare_sites")


def _json_data(data: bytes) -> object:
    return json.loads(data)


# Per file name: what two builds of one commit give differently, and what is
# compared instead.
INHERENT: dict[str, tuple[str, Callable[[bytes], object]]] = {
    # Pagefind 1.5.2 writes its languages (en, es) in a hash map's order, which
    # changes from run to run: one commit built three times gave both orders.
    # Each language's index (named by its content's hash) is the same.
    "pagefind-entry.json": (
        "Pagefind lists its languages in a different order each run; same data",
        _json_data,
    ),
}


@dataclass
class Comparison:
    compared: int = 0
    only_in_first: list[str] = field(default_factory=list)
    only_in_second: list[str] = field(default_factory=list)
    differing: dict[str, str] = field(default_factory=dict)
    set_aside: dict[str, str] = field(default_factory=dict)

    @property
    def identical(self) -> bool:
        return not (self.only_in_first or self.only_in_second or self.differing)


def _files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def _first_difference(first: bytes, second: bytes) -> str:
    """Where two files part: the first differing line, or the byte offset."""
    try:
        first_lines = first.decode("utf-8").splitlines()
        second_lines = second.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        offset = next(
            (i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b),
            min(len(first), len(second)),
        )
        return f"binary, first differing byte {offset} ({len(first)} and {len(second)} bytes)"
    for number, (a, b) in enumerate(zip(first_lines, second_lines, strict=False), 1):
        if a != b:
            return f"line {number}: {_clip(a)!r} / {_clip(b)!r}"
    return f"one ends first: {len(first_lines)} and {len(second_lines)} lines"


def _clip(text: str, around: int = 100) -> str:
    return text if len(text) <= around else f"{text[:around]}..."


def compare(first: Path, second: Path) -> Comparison:
    found = Comparison()
    first_files, second_files = _files(first), _files(second)
    found.only_in_first = sorted(first_files - second_files)
    found.only_in_second = sorted(second_files - first_files)
    for name in sorted(first_files & second_files):
        found.compared += 1
        a, b = (first / name).read_bytes(), (second / name).read_bytes()
        if a == b:
            continue
        inherent = INHERENT.get(Path(name).name)
        if inherent is not None:
            reason, content = inherent
            if content(a) == content(b):
                found.set_aside[name] = reason
                continue
        found.differing[name] = _first_difference(a, b)
    return found


def build_at(commit: str, into: Path) -> Path:
    """The site of ``commit``, built in a worktree of its own; its site folder."""
    checkout = into / f"checkout-{commit.replace('/', '-')}"
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(checkout), commit],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    site = into / f"site-{commit.replace('/', '-')}"
    try:
        mkdocs_build(checkout / "mkdocs.yml", site)
    finally:
        subprocess.run(
            ["git", "worktree", "remove", "--force", str(checkout)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
    return site


def report(first: str, second: str, found: Comparison) -> Iterable[str]:
    yield f"Sites of {first} and {second}: {found.compared} files in both"
    if found.identical:
        yield "- byte for byte identical"
    for name, reason in found.set_aside.items():
        yield f"- {name}: same content, set aside ({reason})"
    yield from (f"- only in {first}: {name}" for name in found.only_in_first)
    yield from (f"- only in {second}: {name}" for name in found.only_in_second)
    yield from (f"- differs: {name}: {where}" for name, where in found.differing.items())


def _commit(name: str) -> str:
    found = subprocess.run(
        ["git", "rev-parse", "--short", name], cwd=ROOT, check=True, capture_output=True, text=True
    )
    return found.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", help="a commit, e.g. main before a change")
    parser.add_argument("second", nargs="?", default="HEAD", help="a commit (default HEAD)")
    arguments = parser.parse_args(argv)
    first, second = _commit(arguments.first), _commit(arguments.second)
    with tempfile.TemporaryDirectory(prefix="compare-sites-") as folder:
        sites = []
        day = dt.datetime.now(dt.UTC).date()
        for number, commit in enumerate((first, second), 1):
            log.info("building %s ...", commit)
            sites.append(build_at(commit, Path(folder) / str(number)))
        if dt.datetime.now(dt.UTC).date() != day:
            log.error("the builds crossed midnight UTC, so their sitemaps' dates differ; run again")
            return 2
        found = compare(*sites)
    sys.stdout.write("\n".join(report(first, second, found)) + "\n")
    return 0 if found.identical else 1


if __name__ == "__main__":
    sys.exit(main())
