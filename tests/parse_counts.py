"""Build a project twice in one process, as ``mkdocs serve`` rebuilds it, and
count how often each data file is parsed in each build.

    python -m tests.parse_counts PROJECT SITE_DIR [EDITED_FILE]

Between the two builds, EDITED_FILE (e.g. data/glossary.yml) gets a comment
line. Prints JSON: for each build, each data file's parses, by anyone: the
build's own YAML parser (healthsite/yamlfile.py) and PyYAML's ``yaml.load``,
which mkdocs-macros' ``include_yaml`` uses. Run in its own process so the
builds leave nothing behind in the test's.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from healthsite import yamlfile


def _count_parses(project: Path, counts: Counter[str]) -> None:
    parse_with_lines = yamlfile.parse_with_lines
    load = yaml.load

    def counted_parse(text: str, shown_as: str, *args: Any, **kwargs: Any) -> Any:
        if shown_as.startswith("data/"):
            counts[shown_as] += 1
        return parse_with_lines(text, shown_as, *args, **kwargs)

    def counted_load(stream: Any, *args: Any, **kwargs: Any) -> Any:
        name = Path(str(getattr(stream, "name", "")))
        if name.parent == project / "data":
            counts[f"data/{name.name}"] += 1
        return load(stream, *args, **kwargs)

    yamlfile.parse_with_lines = counted_parse  # type: ignore[assignment]
    yaml.load = counted_load


def _build(project: Path, site_dir: Path, first: bool) -> None:
    # A fresh config for each build, as `mkdocs serve` loads one per rebuild
    # (hooks.py, and so its Session, is loaded once per process).
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
    if first:
        config.plugins.on_startup(command="build", dirty=False)
    build(config)


def main(project: Path, site_dir: Path, edited: str | None) -> None:
    counts: Counter[str] = Counter()
    _count_parses(project.resolve(), counts)
    builds = []
    for number in range(2):
        if number and edited:
            path = project / edited
            path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
        counts.clear()
        _build(project, site_dir, first=not number)
        builds.append(dict(counts))
    sys.stdout.write(json.dumps(builds) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)
