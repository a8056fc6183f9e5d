"""The Markdown and spelling hooks of .pre-commit-config.yaml, run as CI checks.

Each hook is run exactly as pre-commit would run it: its entry and args from
the config file, over the tracked files its `files`, `exclude` and `types`
select (with `identify`, the library pre-commit itself uses for types).
"""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from identify.identify import tags_from_path

from tests.sitebuild import ROOT


def hook(hook_id: str) -> dict[str, Any]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    return next(hook for hook in hooks if hook["id"] == hook_id)


def selected_files(settings: dict[str, Any]) -> list[str]:
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    files = re.compile(settings.get("files", ""))
    exclude = re.compile(settings["exclude"]) if "exclude" in settings else None
    types = set(settings.get("types", ["file"]))
    return [
        path
        for path in tracked
        if files.search(path)
        and not (exclude and exclude.search(path))
        and types <= tags_from_path(str(ROOT / path))
    ]


def run_hook(hook_id: str, files: list[str]) -> subprocess.CompletedProcess[str]:
    settings = hook(hook_id)
    command = [*shlex.split(settings["entry"]), *settings.get("args", []), *files]
    command[0] = str(ROOT / command[0])
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("hook_id", ["pymarkdown", "codespell", "codespell-us"])
def test_hook_passes_on_the_tracked_files(hook_id: str) -> None:
    files = selected_files(hook(hook_id))
    assert "docs/conditions/crps.md" in files
    result = run_hook(hook_id, files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_markdown_lint_names_the_page_line_and_rule(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    text = (ROOT / "docs" / "conditions" / "crps.md").read_text(encoding="utf-8")
    page.write_text(text.replace("## Symptoms", "##Symptoms"), encoding="utf-8")
    line = text.splitlines().index("## Symptoms") + 1
    result = run_hook("pymarkdown", [str(page)])
    assert result.returncode != 0
    assert f"{page}:{line}:1: MD018: No space present after the hash character" in result.stdout


def test_spelling_knows_medical_words_and_their_misspellings(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    misspelt = "Ask an OT about nueropathic pain after ketamin.\n"  # codespell:ignore
    page.write_text(misspelt, encoding="utf-8")
    result = run_hook("codespell", [str(page)])
    assert result.returncode != 0
    assert f"{page}:1: nueropathic ==> neuropathic" in result.stdout  # codespell:ignore
    assert f"{page}:1: ketamin ==> ketamine" in result.stdout  # codespell:ignore
    assert "OT ==>" not in result.stdout


def test_us_spelling_names_a_british_word_but_keeps_a_sources_own_title(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "The skin may change colour.\n"  # codespell:ignore
        'title: "A randomised trial"  # codespell:ignore\n',
        encoding="utf-8",
    )
    result = run_hook("codespell-us", [str(page)])
    assert result.returncode != 0
    assert f"{page}:1: colour ==> color" in result.stdout  # codespell:ignore
    assert f"{page}:2:" not in result.stdout
    assert "docs/conditions/crps.md" in selected_files(hook("codespell-us"))
