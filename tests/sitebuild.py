"""Build a copy of the site with the real ``mkdocs`` command, for tests.

Tests that change pages or data work on a copy in a temporary folder, so the
checkout stays untouched and tests can run in parallel.
"""

from __future__ import annotations

import importlib.util
import os
import py_compile
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
# scripts/page-templates: the build checks that no page still holds their words.
PROJECT_PARTS = (
    "mkdocs.yml",
    "hooks.py",
    "healthsite",
    "docs",
    "data",
    "overrides",
    "scripts/page-templates",
    # A git checkout of a copy (the publishing tests) ignores what the real one
    # does: the built site, the compiled Python files beside the code.
    ".gitignore",
)
# The Python a build imports from the project: compiled once per process
# (``copy_project``), not in every build.
PYTHON_PARTS = ("hooks.py", "healthsite")
# The site builder the tests run: MkDocs, or ProperDocs (a fork of MkDocs 1.6
# that keeps hooks and plugins; README, "Longevity") with
# HEALTHSITE_BUILDER=properdocs, as `make test BUILDER=properdocs` sets it.
BUILDER = os.environ.get("HEALTHSITE_BUILDER", "mkdocs")
if BUILDER not in ("mkdocs", "properdocs"):
    raise ValueError(f"HEALTHSITE_BUILDER={BUILDER!r}: expected mkdocs or properdocs")
MKDOCS = Path(sys.executable).with_name(BUILDER)
# Set by `pytest --fast` (tests/conftest.py): why a whole-site build is refused.
_builds_refused: list[str] = []
_BUILDS_SITE = "_healthsite_builds_site"
F = TypeVar("F", bound=Callable[..., object])


def builds_site(fixture: F) -> F:
    """Mark a fixture (beneath ``@pytest.fixture``) as one that builds the whole
    site, or runs something that does (mike, a benchmark): the tests that take it
    are marked ``build`` and left out of ``make test-fast``."""
    setattr(fixture, _BUILDS_SITE, True)
    return fixture


def builds(fixture: object) -> bool:
    """Whether ``fixture`` was decorated with ``builds_site``."""
    return getattr(fixture, _BUILDS_SITE, False) is True


def refuse_in_the_fast_lane() -> None:
    """Fail the test that is about to build the site, under ``pytest --fast``."""
    if _builds_refused:
        raise AssertionError(_builds_refused[0])


def refuse_builds(reason: str) -> None:
    """Make every later ``build`` fail the test with ``reason`` (the fast lane)."""
    _builds_refused.append(reason)


@dataclass(frozen=True)
class Build:
    """The outcome of one ``mkdocs build --strict``."""

    returncode: int
    output: str
    site_dir: Path

    def page(self, url_path: str) -> str:
        """The HTML of a built page, e.g. ``conditions/crps/``."""
        return (self.site_dir / url_path / "index.html").read_text(encoding="utf-8")


def copy_project(destination: Path) -> Path:
    """Copy what a build reads into ``destination``; return it."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, destination / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, destination / part)
    _add_compiled_python(destination)
    return destination


# Each Python file's compiled code, as Python writes it beside the file, by the
# file's path in the project, time of change and size.
_compiled: dict[tuple[str, int, int], bytes] = {}


def _add_compiled_python(project: Path) -> None:
    """Write the compiled code of the project's Python files into the copy, as
    Python would: every build imports hooks.py and healthsite/ from its copy,
    and compiled all of them again (a twentieth of a build's CPU). Python reads
    a compiled file only while its source keeps the time of change and size it
    was compiled from (``copy2`` keeps both), so a test's edit is compiled anew."""
    for part in PYTHON_PARTS:
        root = project / part
        for source in [root] if root.is_file() else sorted(root.rglob("*.py")):
            stat = source.stat()
            key = (source.relative_to(project).as_posix(), stat.st_mtime_ns, stat.st_size)
            target = Path(importlib.util.cache_from_source(str(source)))
            code = _compiled.get(key)
            if code is None:
                py_compile.compile(str(source), cfile=str(target), doraise=True)
                _compiled[key] = target.read_bytes()
            else:
                target.parent.mkdir(exist_ok=True)
                target.write_bytes(code)


def build(
    project: Path,
    *extra_args: str,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
) -> Build:
    """Run the real ``mkdocs build --strict`` (never in quiet mode) on a project.

    ``timeout`` (seconds) ends a build that hangs, failing the test.
    """
    refuse_in_the_fast_lane()
    started = time.monotonic()
    site_dir = project / "site"
    with subprocess.Popen(
        # -f: ProperDocs looks for properdocs.yml first, and notes the fallback.
        [
            str(MKDOCS),
            "build",
            "--strict",
            "-f",
            "mkdocs.yml",
            "--site-dir",
            str(site_dir),
            *extra_args,
        ],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # No GitHub annotations unless a test asks for them (CI sets GITHUB_ACTIONS).
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": "", **(env or {})},
        # Its own process group: a hung build is stopped with whatever it
        # started (Pagefind), which would otherwise keep the output open.
        start_new_session=True,
    ) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except BaseException:  # the time limit, or Ctrl-C: stop the build, then re-raise
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise
    _log_build(time.monotonic() - started)
    return Build(process.returncode, stdout + stderr, site_dir)


# HEALTHSITE_BUILD_LOG=FILE: each build appends the test that ran it and its
# seconds, to count the whole-site builds per test file (README, "Two lanes of
# tests"; `python -m tests.buildlog FILE` sums them).
BUILD_LOG = os.environ.get("HEALTHSITE_BUILD_LOG")


def _log_build(seconds: float) -> None:
    if not BUILD_LOG:
        return
    # pytest names the running test, and its phase, in this variable; a build
    # outside any test lists the pages of tests over every page (conftest.py).
    test = os.environ.get("PYTEST_CURRENT_TEST", "(collecting: reader_page)").rsplit(" ", 1)[0]
    with Path(BUILD_LOG).open("a", encoding="utf-8") as log:
        log.write(f"{test}\t{seconds:.2f}\n")


def assert_fails_with(result: Build, *messages: str) -> None:
    """The build failed, said each message, and showed the editor no traceback."""
    assert result.returncode != 0, result.output
    for message in messages:
        assert message in result.output
    assert "Traceback" not in result.output


def assert_lists(result: Build, summary: str, *messages: str) -> None:
    """The build failed, showed no traceback, and listed each message among the
    problems under ``summary`` (e.g. "Pages with problems"): what a build that
    several tests share, each with its own mistake, is asked."""
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output
    start = result.output.find(f"{summary} (")
    assert start >= 0, f"the build listed no {summary!r}:\n{result.output[-3000:]}"
    listing = result.output[start:]
    missing = [message for message in messages if message not in listing]
    assert not missing, f"not listed under {summary!r}: {missing}\n{listing}"


def problems_listed(result: Build, summary: str) -> list[str]:
    """The first line of each problem the build listed under ``summary``; the
    build failed, and showed no traceback."""
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output
    start = result.output.find(f"{summary} (")
    assert start >= 0, f"the build listed no {summary!r}:\n{result.output[-3000:]}"
    problems = []
    for line in result.output[start:].splitlines()[1:]:
        if not line.startswith("  "):
            break
        if not line.startswith("   "):  # deeper lines go on the problem above
            problems.append(line.strip())
    return problems


def problems_about(result: Build, summary: str, *paths: str) -> list[str]:
    """The problems listed under ``summary`` that name one of ``paths`` (files
    of the project) as where they are: in a build that several tests share,
    what one test's mistakes gave, to count them."""
    return [
        problem
        for problem in problems_listed(result, summary)
        if any(problem.startswith(f"{path}:") for path in paths)
    ]


def edit(project: Path, relative: str, old: str, new: str) -> str:
    """Replace the first ``old`` (which must be there) in a file of a project
    copy, as an editor would; return the file's new text."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {relative}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, line: str, after: int = 0) -> int:
    """The number (from 1) of the first line of ``text`` equal to ``line``,
    after the first ``after`` lines."""
    return text.splitlines().index(line, after) + 1


def line_starting(text: str, start: str) -> int:
    """The number (from 1) of the first line of ``text`` that starts with ``start``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))
