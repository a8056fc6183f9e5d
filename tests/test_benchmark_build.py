"""The build benchmark still runs, end to end, on a small corpus.

Speed is not asserted here (benchmarks/README.md holds the measured figures):
only that every build and rebuild it reports really ran, on pages whose
macros really rendered.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.sitebuild import ROOT

BUILDS = ("Material defaults", "Material + navigation.prune", "project full build")
SERVED = ("project full build",)
SERVE_MODES = ("serve", "serve --dirty --no-strict")
NUMBER = r"\d+(?:\.\d+)?"


@dataclass(frozen=True)
class BenchmarkRun:
    report: str
    raw: dict
    workdir: Path


@pytest.fixture(scope="module")
def benchmark(tmp_path_factory: pytest.TempPathFactory) -> BenchmarkRun:
    """``benchmarks/build.py`` once at N=10, one run of each build, one edit."""
    tmp = tmp_path_factory.mktemp("benchmark")
    command = [sys.executable, str(ROOT / "benchmarks/build.py"), "--pages", "10", "--runs", "1"]
    command += ["--edits", "1", "--workdir", str(tmp / "work"), "--json", str(tmp / "raw.json")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    raw = json.loads((tmp / "raw.json").read_text(encoding="utf-8"))
    return BenchmarkRun(result.stdout, raw, tmp / "work")


def test_report_has_a_row_for_every_build_and_rebuild(benchmark: BenchmarkRun) -> None:
    report = benchmark.report
    assert "Machine: " in report
    assert "Command: `python benchmarks/build.py --pages 10 --runs 1" in report
    for build in BUILDS:
        row = rf"^\| 10 \| {re.escape(build)} \| {NUMBER} \| {NUMBER} \| {NUMBER} \| {NUMBER} \|"
        assert re.search(row, report, re.MULTILINE), f"no row for {build}:\n{report}"
    for build in SERVED:
        for mode in SERVE_MODES:
            row = rf"^\| 10 \| {re.escape(build)} \| {re.escape(mode)} \| {NUMBER} \| {NUMBER} \|$"
            assert re.search(row, report, re.MULTILINE), f"no {mode} row for {build}:\n{report}"
    assert [entry["build"] for entry in benchmark.raw["builds"]] == list(BUILDS)
    assert all(entry["search_index_bytes"] > 0 for entry in benchmark.raw["builds"])


def test_project_build_renders_macros_and_the_others_get_them_prerendered(
    benchmark: BenchmarkRun,
) -> None:
    corpus = benchmark.workdir / "n10"
    page = "conditions/example-condition-0001"
    assert "{{ stat('" in (corpus / "project/docs" / f"{page}.md").read_text(encoding="utf-8")
    for site in ("s-b", "s-a"):  # the project build, and Material defaults
        html = (corpus / site / page / "index.html").read_text(encoding="utf-8")
        assert "{{" not in html
        assert re.search(r"(found|estimates) that", html)
        assert '<h2 id="references">References' in html
