"""The data-save benchmark still runs, end to end, on a small corpus.

Speed is not asserted here (benchmarks/README.md holds the measured figures):
only that each save it times really showed the new figure, on the English
page and its Spanish copy, with the page's checks run, and that the data
file is left as it was.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.data_save import STATISTICS, VALUE
from tests.sitebuild import ROOT, builds_site

# The tests of the one benchmark run share it on one worker: a module's
# fixture is made once per worker (tests/xdistgroups.py).
pytestmark = pytest.mark.xdist_group("benchmark_data_save")
# The smallest corpus of benchmarks/build.py's tests.
PAGES = 2
SECONDS = r"\d+\.\d\d s"


@dataclass(frozen=True)
class DataSaveRun:
    report: str
    workdir: Path


@pytest.fixture(scope="module")
@builds_site
def benchmark(tmp_path_factory: pytest.TempPathFactory) -> DataSaveRun:
    workdir = tmp_path_factory.mktemp("data-save") / "work"
    command = [sys.executable, str(ROOT / "benchmarks/data_save.py"), "--pages", str(PAGES)]
    command += ["--saves", "2", "--workdir", str(workdir)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    return DataSaveRun(result.stdout, workdir)


def test_each_save_shows_the_new_figure_on_both_languages_pages(benchmark: DataSaveRun) -> None:
    rows = [line for line in benchmark.report.splitlines() if re.match(r"\| \d", line)]
    assert len(rows) == 2, benchmark.report
    for number, (row, figure) in enumerate(zip(rows, ("7.91", "7.92"), strict=True), 1):
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert cells[0] == f"{number} ({figure})"
        assert all(re.fullmatch(SECONDS, cell) for cell in cells[1:4]), row
        assert cells[5:8] == ["new figure", "new figure", "yes"], row
        assert re.fullmatch(r"\d+\.\d to \d+\.\d", cells[8]), row
    assert f"python benchmarks/data_save.py --pages {PAGES} --saves 2" in benchmark.report


def test_the_data_file_is_left_as_it_was(benchmark: DataSaveRun) -> None:
    statistics = benchmark.workdir / f"n{PAGES}" / "project" / STATISTICS
    assert statistics.read_text(encoding="utf-8").count(VALUE) == 1
