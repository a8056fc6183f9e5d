"""`make test-fast` (pytest --fast): which tests it leaves out, and that a test
which builds or publishes the site without saying so fails there instead of
slipping in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.sitebuild import ROOT

EXAMPLE_TESTS = """
import pytest

from tests.ghpagesremote import once_per_run
from tests.sitebuild import Build, build, builds_site


@pytest.fixture(scope="module")
@builds_site
def my_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    raise AssertionError("a fixture of a left-out test was set up")


@pytest.fixture
def through_another(my_build: Build) -> Build:
    return my_build


def test_pure() -> None:
    assert 1 + 1 == 2


def test_takes_a_build(my_build: Build) -> None:
    pass


def test_takes_it_through_another_fixture(through_another: Build) -> None:
    pass


def test_takes_the_checkout_build(built_site: Build) -> None:
    pass


@pytest.mark.slow
def test_marked_slow() -> None:
    pass


def test_builds_without_saying_so(tmp_path) -> None:
    build(tmp_path)


def test_publishes_without_saying_so(tmp_path_factory) -> None:
    once_per_run(tmp_path_factory, "published", "record.json", lambda folder: None)
"""


def run_fast_lane(tmp_path: Path) -> str:
    (tmp_path / "test_example.py").write_text(EXAMPLE_TESTS, encoding="utf-8")
    # tests/conftest.py as a plugin: the example lives outside tests/.
    command = [
        sys.executable,
        "-m",
        "pytest",
        "--fast",
        "-p",
        "tests.conftest",
        "-p",
        "no:randomly",
    ]
    command += ["-p", "no:cacheprovider", "-rA", "test_example.py"]
    result = subprocess.run(
        command,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    return result.stdout + result.stderr


def test_the_fast_lane_leaves_out_builds_and_slow_tests_and_fails_a_hidden_build(
    tmp_path: Path,
) -> None:
    output = run_fast_lane(tmp_path)
    assert "2 failed, 1 passed, 4 deselected" in output, output
    assert "PASSED test_example.py::test_pure" in output
    assert "FAILED test_example.py::test_builds_without_saying_so" in output
    assert "FAILED test_example.py::test_publishes_without_saying_so" in output
    assert "`make test-fast` builds no whole site" in output
    assert "a fixture of a left-out test was set up" not in output
