"""Where a build spends its time: pyinstrument, summed by library.

The build runs once under ``pyinstrument`` (pinned in requirements.lock) in a
child process; its saved session is then walked here. Self time is summed by
the part of the stack that spent it, so the shares add up to the whole build.
Inclusive time (everything under the outermost frame of a part) is given for
the parts an editor of this project can change: the hooks and the macros.
"""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from pyinstrument.frame import Frame
from pyinstrument.renderers import ConsoleRenderer
from pyinstrument.session import Session

from benchmarks.measure import CHILD_ENV, BuildFailedError

# Seconds by name (a part of the build, or a function).
Seconds = defaultdict[str, float]

# First match wins: more specific paths come before the packages holding them.
PARTS = (
    ("project hooks (hooks.py, healthsite/)", ("/hooks.py", "/healthsite/")),
    ("macros plugin (page Markdown as Jinja)", ("/mkdocs_macros/",)),
    ("search index (mkdocs search plugin)", ("/mkdocs/contrib/search/",)),
    ("Markdown to HTML (Python-Markdown, pymdownx)", ("/markdown/", "/pymdownx/")),
    ("theme templates (Jinja2, Material)", ("/jinja2/", "/material/", "/markupsafe/")),
    ("YAML and data validation (PyYAML, pydantic)", ("/yaml/", "/pydantic")),
    ("mkdocs core (files, nav, links, writing)", ("/mkdocs/",)),
)
OTHER = "other (start-up, imports, interpreter)"
INCLUSIVE_PARTS = (PARTS[0][0], PARTS[1][0])


@dataclass(frozen=True)
class Profile:
    """A build's time by part, its hottest functions, and the full report."""

    total_s: float
    self_by_part: dict[str, float]
    inclusive_by_part: dict[str, float]
    hottest: list[tuple[str, float]]
    text_report: str


def part_of(frame: Frame, caller_part: str) -> str:
    """The part a frame belongs to; standard library and built-ins count for
    the library that called them, so a regex compiled by Markdown is Markdown."""
    path = frame.file_path or ""
    for name, markers in PARTS:
        if any(marker in path for marker in markers):
            return name
    return caller_part


def _walk(
    frame: Frame,
    caller_part: str,
    outer_parts: frozenset[str],
    totals: tuple[Seconds, Seconds, Seconds],
) -> None:
    self_by_part, inclusive, by_function = totals
    part = part_of(frame, caller_part)
    # total_self_time already holds the synthetic "[self]" children's time.
    self_time = frame.total_self_time
    self_by_part[part] += self_time
    if self_time:
        by_function[f"{frame.function} ({frame.file_path_short}:{frame.line_no})"] += self_time
    if part in INCLUSIVE_PARTS and part not in outer_parts:
        inclusive[part] += frame.time
        outer_parts = outer_parts | {part}
    for child in frame.children:
        if not child.is_synthetic:
            _walk(child, part, outer_parts, totals)


def _most_first(seconds: Seconds) -> list[tuple[str, float]]:
    return sorted(seconds.items(), key=lambda item: item[1], reverse=True)


def summarise(session: Session) -> Profile:
    root = session.root_frame()
    if root is None:
        raise BuildFailedError("pyinstrument recorded no samples")
    self_by_part: Seconds = defaultdict(float)
    inclusive: Seconds = defaultdict(float)
    by_function: Seconds = defaultdict(float)
    _walk(root, OTHER, frozenset(), (self_by_part, inclusive, by_function))
    text = ConsoleRenderer(unicode=False, color=False, short_mode=False).render(session)
    return Profile(
        root.time,
        dict(_most_first(self_by_part)),
        {part: inclusive[part] for part in INCLUSIVE_PARTS},
        _most_first(by_function)[:10],
        text,
    )


def profile_build(config_file: Path, site_dir: Path, session_file: Path) -> Profile:
    """Build ``config_file`` once under pyinstrument and summarise it."""
    command = [
        *(sys.executable, "-m", "pyinstrument", "-r", "pyisession", "-o", str(session_file)),
        # 5 ms samples: enough for a build of a minute, at a fraction of the
        # default 1 ms interval's overhead and memory.
        *("--interval", "0.005"),
        *("-m", "mkdocs", "build", "--strict", "-f", str(config_file)),
        *("--site-dir", str(site_dir)),
    ]
    result = subprocess.run(
        command, cwd=config_file.parent, capture_output=True, text=True, env=CHILD_ENV
    )
    if result.returncode != 0:
        raise BuildFailedError(f"profiled build failed:\n{result.stdout}{result.stderr}")
    return summarise(Session.load(session_file))
