"""GitHub Actions annotations: each editorial problem marked on its line.

When the build runs in GitHub Actions (``GITHUB_ACTIONS=true``), every problem
is also written to standard output as a workflow command,
``::error file=docs/x.md,line=12,title=field::message``. The runner turns
those lines into annotations that the pull request's "Files changed" view
shows on the line itself. Outside Actions nothing is written.

These lines are a protocol for the runner, not messages for people, so they
go straight to standard output: a logger would put "ERROR -" before the
``::`` that must start the line. People still read every problem in the
build's own error message.

The escaping is GitHub's own (``escapeData`` and ``escapeProperty`` in
actions/toolkit, packages/core/src/command.ts): ``%``, CR and LF in the
message; those and ``:`` and ``,`` in a property.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol, TextIO


# What an annotation reads of a problem (healthsite/problems.py's ``Problem``
# and ``Spot``), described here so that this module, which problems.py calls,
# does not import problems.py back (no import cycle).
class MarkedLine(Protocol):
    @property
    def line(self) -> int | None: ...
    @property
    def message(self) -> str: ...


class Annotatable(MarkedLine, Protocol):
    @property
    def path(self) -> str: ...
    @property
    def field(self) -> str: ...
    @property
    def spots(self) -> Sequence[MarkedLine]: ...


IN_ACTIONS_VARIABLE = "GITHUB_ACTIONS"
WORKSPACE_VARIABLE = "GITHUB_WORKSPACE"


def in_github_actions() -> bool:
    """True in a GitHub Actions job, which sets ``GITHUB_ACTIONS=true``."""
    return os.environ.get(IN_ACTIONS_VARIABLE, "") == "true"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(kind: str, message: str, file: str, line: int | None, title: str) -> str:
    """One ``::error`` or ``::warning`` workflow command (without its line end)."""
    properties = {"file": file, "line": str(line) if line else "", "title": title}
    listed = ",".join(
        f"{key}={escape_property(value)}" for key, value in properties.items() if value
    )
    return f"::{kind} {listed}::{escape_data(message)}"


def error_command(message: str, file: str, line: int | None, title: str) -> str:
    """One ``::error`` workflow command (without its line end)."""
    return workflow_command("error", message, file, line, title)


def repository_path(path: str, project_dir: Path | None) -> str | None:
    """A problem's path (relative to the project) made relative to the repository.

    GitHub matches an annotation's file against the repository's paths; the
    job's checkout is ``GITHUB_WORKSPACE``. A file outside it is no file of
    the pull request (say, a test's copy of the site in a temporary folder):
    None, and no annotation, so a test that breaks a copy on purpose marks
    nothing in the pull request.
    """
    project = (project_dir or Path.cwd()).resolve()
    workspace = os.environ.get(WORKSPACE_VARIABLE, "").strip()
    root = Path(workspace).resolve() if workspace else project
    try:
        return (project / path).resolve().relative_to(root).as_posix()
    except ValueError:
        return None


def commands(problem: Annotatable, project_dir: Path | None) -> list[str]:
    """The annotations of one problem: one per spot, or one at its line."""
    file = repository_path(problem.path, project_dir)
    if file is None:
        return []
    spots = [(spot.line, spot.message) for spot in problem.spots]
    return [
        error_command(message, file, line, problem.field)
        for line, message in spots or [(problem.line, problem.message)]
    ]


def annotate(
    problems: Iterable[Annotatable], project_dir: Path | None, stream: TextIO | None = None
) -> None:
    """In GitHub Actions, write every problem as an annotation; elsewhere nothing."""
    if not in_github_actions():
        return
    out = stream or sys.stdout
    for problem in problems:
        for command in commands(problem, project_dir):
            out.write(command + "\n")
    out.flush()
