"""A small project in a real git repository, for the translation status tests."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

STATISTICS = """\
used_stat:
  value: 5
  claim: "{value} in 100 people get it"
  source: a_source
other_stat:
  value: 7
  claim: "{value} of something else"
  source: a_source
"""
SIGNS = """\
chest_pain:
  text: you have chest pain
  level: emergency
  source: a_source
"""
GLOSSARY = """\
Allodynia:
  definition: Pain from a light touch.
  matches: [allodynia]
Tremor:
  definition: Shaking you cannot stop.
  matches: [tremor]
"""
# Shown on a page through reviewed_by and reviewers_list().
REVIEWERS = """\
editorial-team:
  name: The editorial team
  role: content editors
  kind: organization
  conflicts_of_interest: {statement: none declared, declared_on: 2026-11-20}
  es: {name: El equipo editorial, role: editores de contenido}
a-doctor:
  name: A. Doctor
  role: pain physician
  registration: {body: A medical board, number: '123'}
"""
ENGLISH = """\
---
title: A page
---

# A page

Light touch hurts: allodynia.

{{ stat('used_stat') }}

!!! emergency

    {{ signs('chest_pain') }}
"""


def git(root: Path, *arguments: str, date: str = "2026-01-01") -> str:
    """Run git in ``root`` as an editor, at noon UTC on ``date``, with no user settings."""
    moment = f"{date}T12:00:00+00:00"
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_AUTHOR_DATE": moment,
        "GIT_COMMITTER_DATE": moment,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", "-C", str(root), *arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def commit(root: Path, date: str, message: str = "change") -> None:
    """Commit every change in ``root`` on ``date``."""
    git(root, "add", "-A", date=date)
    git(root, "commit", "-q", "-m", message, date=date)


class Project:
    """A folder with docs/ and data/, and git run in it with fixed dates."""

    def __init__(self, root: Path, *, git: bool = True) -> None:
        self.root = root
        (root / "docs").mkdir(parents=True)
        (root / "data").mkdir()
        self.write("data/statistics.yml", STATISTICS)
        self.write("data/warning_signs.yml", SIGNS)
        self.write("data/glossary.yml", GLOSSARY)
        self.write("data/reviewers.yml", REVIEWERS)
        self.write("docs/page.md", ENGLISH)
        if git:
            self.git("init", "-q", "-b", "main")

    def write(self, path: str, text: str) -> Path:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
        return target

    def read(self, path: str) -> str:
        return (self.root / path).read_bytes().decode("utf-8")

    def git(self, *arguments: str, date: str = "2026-01-01") -> str:
        return git(self.root, *arguments, date=date)

    def commit(self, date: str, message: str = "change") -> None:
        commit(self.root, date, message)
