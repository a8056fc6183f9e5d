"""Import cycles and arrows back up the floors of healthsite/, at any commit.

    python benchmarks/import_graph.py                  # the work tree
    python benchmarks/import_graph.py --at edf936c     # a commit (git archive)

The graph is grimp's (the library under import-linter): every import of one
``healthsite`` module by another, including those under ``TYPE_CHECKING``
(a type-only import still ties two modules together for a reader). The
floors are the layers contract in pyproject.toml (``[tool.importlinter]``,
top floor first; ARCHITECTURE.md says what each holds). It counts:

- module cycles: groups of modules that import each other, directly or
  through others (strongly connected components of two or more modules);
- room cycles: the same between rooms (``checks``, ``content``...);
- arrows back up: direct imports from a module on a lower floor of one on a
  higher floor; and sideways, between two rooms on one floor that the
  contract says are independent (``a | b``).

An older commit is measured on today's floors two ways: each module in the
room it was in then (where a reader found it), and, with ``--moved``, each
module issue 21 moved on the floor of its new home (``MOVED``): what was
left once the page model had moved.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "healthsite"
# Whole modules moved by issue 21 (the map other branches applied). Symbols
# moved out of a module that stayed are not here: their old importers really
# did import the old module.
MOVED = {
    "healthsite.checks.frontmatter": "healthsite.pages.frontmatter",
    "healthsite.i18n.language": "healthsite.pages.language",
    "healthsite.i18n.frontmatter": "healthsite.pages.translated",
    "healthsite.i18n.wording": "healthsite.content.wording",
    "healthsite.content.abbr": "healthsite.html.abbr",
}

Edges = dict[str, set[str]]


def floors(pyproject: Path = ROOT / "pyproject.toml") -> list[list[str]]:
    """The layers contract's floors, bottom first, each a list of its rooms."""
    settings = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    contracts = settings["tool"]["importlinter"]["contracts"]
    layers = next(contract for contract in contracts if contract["type"] == "layers")["layers"]
    return [[room.strip() for room in layer.split("|")] for layer in reversed(layers)]


def direct_imports(package_dir: Path) -> Edges:
    """Every direct import between modules of the package in ``package_dir``.

    grimp finds the package by importing its name, so it runs in a fresh
    interpreter whose path starts at ``package_dir``.
    """
    program = (
        "import grimp, json\n"
        f"graph = grimp.build_graph({PACKAGE!r}, cache_dir=None)\n"
        "print(json.dumps({m: sorted(graph.find_modules_directly_imported_by(m))"
        " for m in graph.modules}))\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", program],
        cwd=package_dir,
        env={"PYTHONPATH": str(package_dir), "PATH": ""},
        capture_output=True,
        text=True,
        check=True,
    )
    return {module: set(imported) for module, imported in json.loads(found.stdout).items()}


def renamed(edges: Edges, moved: Mapping[str, str]) -> Edges:
    def new(module: str) -> str:
        return moved.get(module, module)

    return {new(module): {new(other) for other in imported} for module, imported in edges.items()}


def room_of(module: str) -> str:
    """``healthsite.checks.readability`` is in ``checks``; ``healthsite.problems`` is its own."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def strongly_connected(edges: Edges) -> list[set[str]]:
    """Tarjan's components with more than one member (or a module importing itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    nodes = set(edges) | {other for imported in edges.values() for other in imported}

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in edges.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1 or node in edges.get(node, ()):
                found.append(component)

    for node in sorted(nodes):
        if node not in index:
            visit(node)
    return found


@dataclass(frozen=True)
class Count:
    modules: int
    imports: int
    module_cycles: list[list[str]]
    room_cycles: list[list[str]]
    back_up: list[tuple[str, str]]
    sideways: list[tuple[str, str]]
    unplaced: list[str]


def count(edges: Edges, layered: list[list[str]]) -> Count:
    floor_of = {room: number for number, rooms in enumerate(layered) for room in rooms}
    pairs = [
        (module, other)
        for module, imported in sorted(edges.items())
        for other in sorted(imported)
        if module != other
    ]
    rooms: Edges = {}
    for module, other in pairs:
        if room_of(module) != room_of(other):
            rooms.setdefault(room_of(module), set()).add(room_of(other))
    back_up, sideways = [], []
    for module, other in pairs:
        mine, theirs = room_of(module), room_of(other)
        if mine == theirs or mine not in floor_of or theirs not in floor_of:
            continue
        if floor_of[mine] < floor_of[theirs]:
            back_up.append((module, other))
        elif floor_of[mine] == floor_of[theirs]:
            sideways.append((module, other))
    every_room = {room_of(module) for module in edges if module != PACKAGE}
    return Count(
        modules=len(edges),
        imports=len(pairs),
        module_cycles=[sorted(group) for group in strongly_connected(edges)],
        room_cycles=[sorted(group) for group in strongly_connected(rooms)],
        back_up=back_up,
        sideways=sideways,
        unplaced=sorted(every_room - set(floor_of)),
    )


def at_commit(commit: str, moved: Mapping[str, str]) -> Edges:
    with tempfile.TemporaryDirectory(prefix="import-graph-") as folder:
        archive = subprocess.run(
            ["git", "archive", commit, PACKAGE], cwd=ROOT, capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        return renamed(direct_imports(Path(folder)), moved)


def report(where: str, counted: Count) -> Iterable[str]:
    yield f"## {where}: {counted.modules} modules, {counted.imports} imports between them"
    yield f"- module cycles: {len(counted.module_cycles)}"
    yield from (f"  - {' <-> '.join(group)}" for group in counted.module_cycles)
    yield f"- room cycles: {len(counted.room_cycles)}"
    yield from (f"  - {' <-> '.join(group)}" for group in counted.room_cycles)
    yield f"- arrows back up a floor: {len(counted.back_up)}"
    yield from (f"  - {module} -> {other}" for module, other in counted.back_up)
    yield f"- arrows sideways between independent rooms: {len(counted.sideways)}"
    yield from (f"  - {module} -> {other}" for module, other in counted.sideways)
    if counted.unplaced:
        yield f"- rooms on no floor (add them to the contract): {', '.join(counted.unplaced)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--at", action="append", default=[], help="a commit (repeatable)")
    parser.add_argument(
        "--moved", action="store_true", help="count a moved module on its new home's floor"
    )
    arguments = parser.parse_args(argv)
    layered = floors()
    moved = MOVED if arguments.moved else {}
    measured = [(commit, at_commit(commit, moved)) for commit in arguments.at] or [
        ("work tree", direct_imports(ROOT))
    ]
    for where, edges in measured:
        sys.stdout.write("\n".join(report(where, count(edges, layered))) + "\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
