"""`make lock` and `make install` with a real .venv and with one that is a
symbolic link (a git worktree's link to the main checkout's venv).

Each runs the project's Makefile for real in a copy, with stand-ins for the
venv's Python and pip-compile that write down how they were called: nothing
is installed or fetched, and no lock is regenerated.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitebuild import ROOT

LOCK_FILES = (
    "requirements.in",
    "requirements.lock",
    "requirements-properdocs.in",
    "requirements-properdocs.lock",
)
# A stand-in for a program: it writes its name and arguments, one call a line.
STAND_IN = '#!/bin/sh\necho "$(basename "$0") $*" >> "{log}"\n'
# The Python that makes venvs (the Makefile's PYTHON): it refuses a .venv that
# is a link as `python -m venv` does, and otherwise makes one of stand-ins.
VENV_MAKER = """#!/bin/sh
echo "python3.11 $*" >> "{log}"
[ -L "$3" ] && {{ echo "Error: Unable to create directory '$3'" >&2; exit 1; }}
mkdir -p "$3/bin"
for program in python pip-compile; do
  cp "{stand_in}" "$3/bin/$program"
done
"""


def _executable(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)
    return path


def _venv(where: Path, log: Path) -> Path:
    """A venv whose Python and pip-compile are stand-ins."""
    (where / "bin").mkdir(parents=True)
    for program in ("python", "pip-compile"):
        _executable(where / "bin" / program, STAND_IN.format(log=log))
    return where


def _project(tmp_path: Path, venv: str) -> tuple[Path, Path]:
    """A copy of the Makefile and the locks, with its .venv ``real``, ``linked``
    (to a venv elsewhere) or ``none``; and the log of the stand-ins' calls."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("Makefile", *LOCK_FILES):
        shutil.copy2(ROOT / name, project / name)
    log = tmp_path / "calls.log"
    log.touch()
    if venv == "real":
        _venv(project / ".venv", log)
    elif venv == "linked":
        (project / ".venv").symlink_to(_venv(tmp_path / "main" / ".venv", log))
    return project, log


def _make(
    project: Path, target: str, tmp_path: Path, log: Path
) -> subprocess.CompletedProcess[str]:
    stand_in = _executable(tmp_path / "stand-in", STAND_IN.format(log=log))
    python = _executable(tmp_path / "python3.11", VENV_MAKER.format(log=log, stand_in=stand_in))
    env = {key: value for key, value in os.environ.items() if not key.startswith("MAKE")}
    return subprocess.run(
        ["make", "--no-print-directory", target, f"PYTHON={python}"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _locks(project: Path) -> dict[str, bytes]:
    return {name: (project / name).read_bytes() for name in LOCK_FILES}


COMPILE = (
    "pip-compile --quiet --strip-extras --no-header --allow-unsafe --generate-hashes "
    "--no-emit-index-url --no-emit-find-links -o {lock} {requirements}"
)
BOTH_LOCKS = [
    COMPILE.format(lock="requirements.lock", requirements="requirements.in"),
    COMPILE.format(lock="requirements-properdocs.lock", requirements="requirements-properdocs.in"),
]


@pytest.mark.parametrize("venv", ["real", "linked"])
def test_make_lock_runs_pip_compile_from_the_venv_without_installing(
    tmp_path: Path, venv: str
) -> None:
    project, log = _project(tmp_path, venv)
    before = _locks(project)
    result = _make(project, "lock", tmp_path, log)
    assert result.returncode == 0, result.stdout + result.stderr
    # The venv is neither made again nor installed into: pip-compile alone runs.
    assert log.read_text(encoding="utf-8").splitlines() == BOTH_LOCKS
    assert _locks(project) == before


def test_make_lock_without_a_venv_makes_one_first(tmp_path: Path) -> None:
    project, log = _project(tmp_path, "none")
    result = _make(project, "lock", tmp_path, log)
    assert result.returncode == 0, result.stdout + result.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls == [
        "python3.11 -m venv .venv",
        "python -m pip install --quiet --require-hashes -r requirements.lock",
        *BOTH_LOCKS,
    ]


@pytest.mark.parametrize("venv", ["real", "linked"])
def test_make_install_keeps_a_venv_that_runs_and_installs_the_lock_into_it(
    tmp_path: Path, venv: str
) -> None:
    project, log = _project(tmp_path, venv)
    result = _make(project, "install", tmp_path, log)
    assert result.returncode == 0, result.stdout + result.stderr
    assert log.read_text(encoding="utf-8").splitlines() == [
        "python -c ",
        "python -m pip install --quiet --require-hashes -r requirements.lock",
    ]
    # The stamp of the installed lock is in the venv (a linked one's own folder).
    sha = hashlib.sha1((project / "requirements.lock").read_bytes()).hexdigest()[:12]
    venv_folder = (project / ".venv").resolve()
    assert sorted(path.name for path in venv_folder.iterdir()) == [f".installed-{sha}", "bin"]


def test_python_refuses_to_make_a_venv_over_a_link_as_the_stand_in_does(tmp_path: Path) -> None:
    """Why the Makefile keeps a venv that runs: Python's own ``venv`` fails on
    a .venv that is a link, as the stand-in above imitates."""
    (tmp_path / "main").mkdir()
    (tmp_path / ".venv").symlink_to(tmp_path / "main")
    result = subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", ".venv"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Error: Unable to create directory" in result.stderr
