"""Run one step's script from a workflow file as GitHub's runner would (bash -e).

Tests put stand-ins for GitHub's CLI on the PATH they give; nothing reaches GitHub.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from tests.sitebuild import ROOT


def workflow_step(workflow: str, job: str, chosen: Callable[[dict[str, Any]], bool]) -> Any:
    """The one step of ``job`` in ``.github/workflows/<workflow>`` that ``chosen`` picks."""
    loaded = yaml.safe_load((ROOT / ".github" / "workflows" / workflow).read_text())
    [step] = [step for step in loaded["jobs"][job]["steps"] if chosen(step)]
    return step


def run_script(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``script`` under ``bash -e`` (GitHub's default shell), with only ``env``."""
    return subprocess.run(
        ["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
