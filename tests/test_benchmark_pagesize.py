"""The page-size benchmark runs end to end and measures what it says.

Sizes are not asserted here (benchmarks/README.md holds the measured figures,
and tests/test_library.py checks that a page does not change as pages are
added): only that each page it reports was really built and measured.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.first_visit import report_line
from benchmarks.pagesize import BOUNDED, LISTINGS, outer_nav_bytes
from tests.sitebuild import ROOT

NUMBER = r"\d+(?:\.\d+)?"
# The smallest library of the other benchmarks' tests: the size changes no
# step of the measurement, only its seconds.
PAGES = 2


@pytest.mark.build  # benchmarks/pagesize.py builds a 2-page library
def test_report_has_a_row_for_every_page(tmp_path: Path) -> None:
    command = [sys.executable, str(ROOT / "benchmarks/pagesize.py"), "--pages", str(PAGES)]
    command += ["--workdir", str(tmp_path / "work"), "--json", str(tmp_path / "raw.json")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    report = result.stdout
    assert f"Command: `python benchmarks/pagesize.py --pages {PAGES}" in report
    for name in [*BOUNDED, *LISTINGS]:
        row = rf"^\| {PAGES} \| {re.escape(name)} \| {NUMBER} \| {NUMBER} \| {NUMBER} \| \d+% \|$"
        assert re.search(row, report, re.MULTILINE), f"no row for {name}:\n{report}"
    raw = json.loads((tmp_path / "raw.json").read_text(encoding="utf-8"))
    site = tmp_path / "work" / f"n{PAGES}" / "site"
    for entry in raw:
        page = site / entry["url"] / "index.html"
        assert entry["raw_bytes"] == page.stat().st_size
        assert 0 < entry["nav_bytes"] < entry["raw_bytes"]


def test_navigation_is_measured_with_its_nested_parts() -> None:
    html = (
        '<nav class="md-tabs">tabs</nav><main>text</main>'
        '<nav class="md-nav md-nav--primary"><nav class="md-nav">inner</nav>outer</nav>'
        '<nav class="md-nav md-nav--secondary">table of contents</nav>'
    )
    tabs = len('<nav class="md-tabs">tabs</nav>')
    primary = len('<nav class="md-nav md-nav--primary"><nav class="md-nav">inner</nav>outer</nav>')
    assert outer_nav_bytes(html) == tabs + primary


def test_a_first_visit_over_100_kb_misses_the_goal() -> None:
    assert report_line("es/conditions/crps/", 97_200, 10) == (
        "| `es/conditions/crps/` | 97.2 KB | 10 | met |"
    )
    assert report_line("es/conditions/crps/", 100_001, 10).endswith("| **not met** |")
