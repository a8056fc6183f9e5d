"""The floors of healthsite/ stay true, and the documents that describe them name every room."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import screens
from benchmarks.import_graph import count, direct_imports, floors, room_of
from tests import browser
from tests.sitebuild import ROOT

PACKAGE = ROOT / "healthsite"
DESCRIBED_IN = ("ARCHITECTURE.md", "healthsite/__init__.py", "README.md")


def _rooms() -> list[str]:
    """Every package under healthsite/ and every module beside them."""
    packages = [path.parent.name for path in PACKAGE.glob("*/__init__.py")]
    modules = [path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__"]
    found = sorted(packages + modules)
    assert "pages" in packages, "found no packages under healthsite/"
    assert "problems" in modules, "found no modules beside the packages"
    return found


def test_the_import_contract_is_kept() -> None:
    """import-linter's layers contract (pyproject.toml): no room imports one above it.

    In its own process: import-linter configures logging with dictConfig, which
    disables every logger already made, so later tests in the same worker
    would no longer see the build's log messages.
    """
    linted = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert linted.returncode == 0, linted.stdout + linted.stderr


def test_no_import_cycle_and_no_arrow_back_up() -> None:
    counted = count(direct_imports(ROOT), floors())
    assert counted.modules > 50, "the import graph holds too few modules to be the package"
    assert counted.module_cycles == []
    assert counted.room_cycles == []
    assert counted.back_up == []
    assert counted.sideways == []
    assert counted.unplaced == []


def test_the_count_finds_an_arrow_back_up_and_a_cycle() -> None:
    """The counter itself: an import from a lower floor up, and two modules importing
    each other, are both found."""
    edges = {
        "healthsite.pages.frontmatter": {"healthsite.checks.readability"},
        "healthsite.checks.readability": {"healthsite.pages.frontmatter"},
    }
    counted = count(edges, floors())
    assert counted.back_up == [("healthsite.pages.frontmatter", "healthsite.checks.readability")]
    assert counted.module_cycles == [
        ["healthsite.checks.readability", "healthsite.pages.frontmatter"]
    ]
    assert counted.room_cycles == [["checks", "pages"]]


def test_every_room_is_on_a_floor() -> None:
    placed = {room for floor in floors() for room in floor}
    assert set(_rooms()) - placed == set()
    assert placed - set(_rooms()) == set(), "the contract names a room that no longer exists"
    assert room_of("healthsite.checks.readability") == "checks"


@pytest.mark.parametrize("document", DESCRIBED_IN)
def test_the_documents_name_every_room(document: str) -> None:
    text = (ROOT / document).read_text(encoding="utf-8")
    packages = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    missing = []
    for room in _rooms():
        # A package as `pages/` (or healthsite/pages/), a module as `problems`.
        shown = rf"`(?:healthsite/)?{room}/`" if room in packages else rf"`{room}`"
        if not re.search(shown, text):
            missing.append(room)
    assert missing == [], f"{document} does not say what these rooms hold: {missing}"


def _imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    found += [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    return found


@pytest.mark.parametrize("module", ["phone.py", "screens.py"])
def test_the_benchmarks_phone_imports_nothing_from_the_tests(module: str) -> None:
    """The phone's screen is defined below both (benchmarks/screens.py), once."""
    imported = _imported_modules(ROOT / "benchmarks" / module)
    assert imported, f"found no imports in benchmarks/{module}"
    assert [name for name in imported if name.split(".")[0] == "tests"] == []
    assert browser.PHONE is screens.PHONE
