"""The publish benchmark runs end to end and reports what it published.

Sizes and times are not asserted (benchmarks/README.md holds the measured
figures): only that the report's rows match the gh-pages branch it wrote.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ghpagesremote import git
from tests.sitebuild import ROOT

# The smallest library that runs every step the benchmark times: two generated
# pages (and their Spanish copies) beside the real ones, as in
# tests/test_benchmark_build.py. The size changes no step, only its seconds.
PAGES = 2


@pytest.mark.build  # benchmarks/publish.py builds and publishes a 2-page library
def test_publish_benchmark_reports_the_tree_it_published(tmp_path: Path) -> None:
    command = [sys.executable, str(ROOT / "benchmarks/publish.py"), "--pages", str(PAGES)]
    # Two releases, of which one stays browsable: the fewest that show the
    # retention policy removing a release (each release is a whole-site build).
    command += ["--releases", "2", "--snapshots", "1", "--previews", "2"]
    command += ["--browsable-releases", "1", "--live-previews", "1"]
    command += ["--workdir", str(tmp_path / "work"), "--json", str(tmp_path / "raw.json")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    report = result.stdout
    assert f"Command: `python benchmarks/publish.py --pages {PAGES} --releases 2" in report
    assert re.search(rf"^\| {PAGES} \| 1 releases \| [\d.]+ \| [\d.]+ \| 1: 1\.0 …", report, re.M)
    assert re.search(
        rf"^\| {PAGES} \| release \| 2 \| [\d.]+ \| [\d.]+ \| [\d.]+ \|$", report, re.M
    )
    assert re.search(rf"^\| {PAGES} \| preview \| 2 \|", report, re.M)
    raw = json.loads((tmp_path / "raw.json").read_text(encoding="utf-8"))
    final = raw["snapshots"][-1]
    assert final["after"] == "2 releases, dev and 2 previews"
    assert final["browsable"] == ["dev", "1.1"]  # 1.0 removed: one release stays
    origin = tmp_path / "work" / f"n{PAGES}" / "origin.git"
    previews = git("ls-tree", "--name-only", "gh-pages:pr-preview", cwd=origin).split()
    assert previews == ["pr-102", "previews.json"]  # one live preview: the newest
    listing = git("ls-tree", "-r", "-l", "gh-pages", cwd=origin).splitlines()
    assert final["tree_bytes"] == sum(int(line.split()[3]) for line in listing)
