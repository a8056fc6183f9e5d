"""Tests marked with one ``xdist_group`` run on one worker (tests/xdistgroups.py).

The suite's shared builds (a module's failing build, every page visited once
in Chromium) are made once per worker that runs a test needing them; grouping
keeps that to one worker. Here a small suite of its own runs on two real
pytest-xdist workers, as `make test` runs the project's.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from tests.sitebuild import ROOT

pytestmark = pytest.mark.slow  # starts a pytest run of its own on two workers

GROUPED = """
import pytest

pytestmark = pytest.mark.xdist_group("{group}")


@pytest.mark.parametrize("n", range(10))
def test_reads_the_shared_result(n):
    pass
"""
UNGROUPED = """
import pytest


@pytest.mark.parametrize("n", range(10))
def test_alone(n):
    pass
"""
PASSED = re.compile(r"^\[(gw\d+)\] .*PASSED (\S+)", re.MULTILINE)


def test_the_project_loads_the_grouping_plugin(request: pytest.FixtureRequest) -> None:
    assert request.config.pluginmanager.has_plugin("tests.xdistgroups")
    assert "--dist loadgroup" in " ".join(request.config.getini("addopts"))


def test_each_group_runs_on_one_worker_across_modules(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    # Two modules in one group (as the console and privacy tests share their
    # visits), one module in another, and one with no group.
    files = {
        "test_first.py": GROUPED.format(group="visits"),
        "test_second.py": GROUPED.format(group="visits"),
        "test_build.py": GROUPED.format(group="build"),
        "test_alone.py": UNGROUPED,
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "pytest", "-p", "tests.xdistgroups", "-p", "no:cacheprovider"]
    command += ["-n", "2", "--dist", "loadgroup", "-v"]
    result = subprocess.run(
        command,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    workers: dict[str, set[str]] = defaultdict(set)
    group_of_module = {"test_first.py": "visits", "test_second.py": "visits"}
    group_of_module |= {"test_build.py": "build", "test_alone.py": "(none)"}
    for worker, test in PASSED.findall(result.stdout):
        workers[group_of_module[test.split("::")[0]]].add(worker)
    ran = len(PASSED.findall(result.stdout))
    assert ran == 40, result.stdout
    assert len(workers["visits"]) == 1, f"group 'visits' ran on {workers['visits']}"
    assert len(workers["build"]) == 1, f"group 'build' ran on {workers['build']}"
    # Both workers were used, so the grouping above was a choice, not chance.
    assert len(set().union(*workers.values())) == 2, result.stdout
