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
import yaml

from benchmarks import build as build_benchmark
from benchmarks.corpus import ENGLISH_ONLY_CONFIG, Corpus, english_only, top_level_block
from benchmarks.measure import BuildRun, extract_at_commit, page_address
from benchmarks.same_markdown import Comparison, Timed, report
from tests.sitebuild import ROOT, builds_site

BUILDS = (
    "Material defaults",
    "Material + navigation.prune",
    "project full build",
    "project, English only",
)
SERVE_MODES = ("serve", "serve --dirty")
NUMBER = r"\d+(?:\.\d+)?"
# The tests of one benchmark run share it on one worker (tests/xdistgroups.py).
ONE_RUN = pytest.mark.xdist_group("benchmark_build")
# The smallest corpus that still has a page beside the one each save edits.
PAGES = 2


@dataclass(frozen=True)
class BenchmarkRun:
    report: str
    raw: dict
    workdir: Path


@pytest.fixture(scope="module")
@builds_site
def benchmark(tmp_path_factory: pytest.TempPathFactory) -> BenchmarkRun:
    """``benchmarks/build.py`` once at N=2 CRPS copies, one run of each build, one edit."""
    tmp = tmp_path_factory.mktemp("benchmark")
    command = [sys.executable, str(ROOT / "benchmarks/build.py"), "--pages", str(PAGES)]
    command += ["--runs", "1"]
    command += ["--edits", "1", "--workdir", str(tmp / "work"), "--json", str(tmp / "raw.json")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    raw = json.loads((tmp / "raw.json").read_text(encoding="utf-8"))
    return BenchmarkRun(result.stdout, raw, tmp / "work")


@ONE_RUN
def test_report_has_a_row_for_every_build_and_rebuild(benchmark: BenchmarkRun) -> None:
    report = benchmark.report
    assert "Machine: " in report
    assert f"Command: `python benchmarks/build.py --pages {PAGES} --runs 1" in report
    for build in BUILDS:
        ratios = rf" \| {NUMBER}" * 8
        row = rf"^\| {PAGES} \| {re.escape(build)}{ratios} \|"
        assert re.search(row, report, re.MULTILINE), f"no row for {build}:\n{report}"
    for mode in SERVE_MODES:
        for page in ("conditions/crps-copy-0001.md", "conditions/crps-copy-0001.es.md"):
            figures = rf" \| {NUMBER}" * 4
            row = rf"^\| {PAGES} \| {re.escape(mode)} \| {re.escape(page)}{figures} \| yes \|$"
            assert re.search(row, report, re.MULTILINE), f"no {mode} row for {page}:\n{report}"
    assert [entry["build"] for entry in benchmark.raw["builds"]] == list(BUILDS)
    assert all(entry["search_index_bytes"] > 0 for entry in benchmark.raw["builds"])
    # Each save under mkdocs serve was rebuilt, checked and shown.
    for served in benchmark.raw["serves"]:
        assert all(run["checked"] and run["page_updated"] for run in served["runs"])


@ONE_RUN
def test_report_gives_each_goal_and_the_page_sizes(benchmark: BenchmarkRun) -> None:
    report = benchmark.report
    for goal in (
        "times Material + prune",
        "times Material's defaults",
        "times the English-only build",
        "editor's wait",
    ):
        assert re.search(
            rf"^\| [^|]*{re.escape(goal)}[^|]* \| .+ \| (met|\*\*not met\*\*)", report, re.MULTILINE
        ), goal
    assert re.search(
        rf"^\| {PAGES} \| condition \(generated, number 1\) \| {NUMBER} \|", report, re.MULTILINE
    )


@ONE_RUN
def test_project_build_renders_macros_and_the_others_get_them_prerendered(
    benchmark: BenchmarkRun,
) -> None:
    corpus = benchmark.workdir / f"n{PAGES}"
    page = "conditions/crps-copy-0001"
    assert "{{ stat('" in (corpus / "project/docs" / f"{page}.md").read_text(encoding="utf-8")
    for site in ("s-b", "s-a"):  # the project build, and Material defaults
        html = (corpus / site / page / "index.html").read_text(encoding="utf-8")
        assert "{{" not in html
        assert re.search(r"(found|estimates) that", html)
        assert '<h2 id="references">References' in html


@ONE_RUN
def test_both_languages_build_the_spanish_copies_and_english_only_builds_no_spanish(
    benchmark: BenchmarkRun,
) -> None:
    """Each CRPS copy has its Spanish page, current (no stale notice, no English
    fallback); the English-only build has no Spanish site."""
    corpus = benchmark.workdir / f"n{PAGES}"
    spanish = (corpus / "s-b/es/conditions/crps-copy-0001/index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>Síndrome de dolor regional complejo \(SDRC\), copia 1<", spanish)
    assert 'lang="es"' in spanish
    assert "translation-outdated-notice" not in spanish
    assert (corpus / "s-en/conditions/crps-copy-0001/index.html").is_file()
    assert not (corpus / "s-en/es").exists()


def test_a_spanish_page_is_served_under_es() -> None:
    assert page_address("conditions/crps-copy-0001.es.md") == "/es/conditions/crps-copy-0001/"
    assert page_address("conditions/crps-copy-0001.md") == "/conditions/crps-copy-0001/"


def test_a_baseline_is_the_code_of_that_commit_not_the_working_tree(tmp_path: Path) -> None:
    """`--baseline COMMIT` times the project as it was then (benchmarks/measure.py)."""
    first = subprocess.run(
        ["git", "-C", str(ROOT), "rev-list", "--max-parents=0", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[0]
    extract_at_commit(first, ["README.md"], tmp_path)
    then = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{first}:README.md"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == then
    assert then != (ROOT / "README.md").read_text(encoding="utf-8")


# mkdocs.yml as commits before the data-file layer (ef544d2) had it: macros read
# the data files itself, through include_yaml, which their hooks required.
OLDER_CONFIG = """\
site_name: CRPS Info
theme:
  name: material
plugins:
  - search:
      lang: en
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          default: true
          build: true
        - locale: es
          build: true
  - macros:
      include_yaml:
        - stats: data/statistics.yml
        - sources: data/sources.yml
      on_undefined: strict
hooks:
  - hooks.py
"""


def _plugins(config_text: str) -> dict[str, dict]:
    """Each plugin of a mkdocs.yml by name, with its options."""
    listed = yaml.safe_load(top_level_block(config_text, "plugins").group(0))["plugins"]
    return {name: options for entry in listed for name, options in entry.items()}


def test_english_only_keeps_the_commit_s_own_plugins_and_builds_english_alone() -> None:
    """What ``--baseline`` builds from an older commit's mkdocs.yml: that commit's
    plugins as they were (macros still reading the data through include_yaml),
    with the i18n plugin told to build English only."""
    plugins = _plugins(english_only(OLDER_CONFIG))
    assert plugins["i18n"]["build_only_locale"] == "en"
    assert plugins["macros"]["include_yaml"] == [
        {"stats": "data/statistics.yml"},
        {"sources": "data/sources.yml"},
    ]
    # Nothing else changes: the one added line taken out gives the commit's text back.
    assert english_only(OLDER_CONFIG).replace("      build_only_locale: en\n", "") == OLDER_CONFIG


def test_english_only_refuses_a_config_whose_i18n_entry_it_cannot_find() -> None:
    no_i18n = OLDER_CONFIG.replace("  - i18n:\n", "  - i18n_renamed:\n")
    with pytest.raises(
        ValueError, match=re.escape("mkdocs.yml: expected one '- i18n:' plugin entry")
    ):
        english_only(no_i18n)


def test_a_baseline_s_english_only_config_is_its_commit_s_not_today_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``write_baseline`` writes mkdocs-en.yml from the mkdocs.yml of the commit
    (before 310890f it kept today's, which an older commit's hooks refused)."""
    project = tmp_path / "project"
    project.mkdir()
    today = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(today, encoding="utf-8")
    (project / ENGLISH_ONLY_CONFIG).write_text(english_only(today), encoding="utf-8")
    corpus = Corpus(tmp_path, project, tmp_path / "plain", 1, 1, "conditions/crps-copy-0001.md")

    def older_commit(ref: str, parts: object, destination: Path) -> None:
        assert ref == "older"
        (destination / "mkdocs.yml").write_text(OLDER_CONFIG, encoding="utf-8")

    monkeypatch.setattr(build_benchmark, "extract_at_commit", older_commit)
    baseline = build_benchmark.write_baseline(corpus, "older")
    written = (baseline / ENGLISH_ONLY_CONFIG).read_text(encoding="utf-8")
    assert written == english_only(OLDER_CONFIG)
    assert "include_yaml" in _plugins(written)["macros"]
    assert "include_yaml" not in _plugins(english_only(today)).get("macros", {})


@pytest.fixture(scope="module")
@builds_site
def same_markdown(tmp_path_factory: pytest.TempPathFactory) -> BenchmarkRun:
    """``benchmarks/same_markdown.py`` once at N=2 English CRPS copies, one run of each build."""
    tmp = tmp_path_factory.mktemp("same-markdown")
    command = [sys.executable, str(ROOT / "benchmarks/same_markdown.py"), "--pages", "2"]
    command += ["--runs", "1", "--workdir", str(tmp / "work")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    return BenchmarkRun(result.stdout, {}, tmp / "work")


def test_same_markdown_times_material_and_the_project_on_the_same_english_pages(
    same_markdown: BenchmarkRun,
) -> None:
    """Issue 21's independent measure: English copies only, macros rendered for
    Material, Material's search index written, the project's English-only site."""
    report = same_markdown.report
    for build in ("Material + navigation.prune + search, macros rendered", "project, English only"):
        row = rf"^\| {re.escape(build)} \| {NUMBER} \| {NUMBER} \| {NUMBER} \| {NUMBER} \|$"
        assert re.search(row, report, re.MULTILINE), f"no row for {build}:\n{report}"
    assert re.search(rf"\*\*{NUMBER} by CPU\*\*, {NUMBER} by wall time", report)
    corpus = same_markdown.workdir / "n2"
    assert not list((corpus / "plain/docs").rglob("*.es.md"))
    assert not (corpus / "project/docs/conditions/crps-copy-0001.es.md").exists()
    page = "conditions/crps-copy-0001"
    assert "{{ cite('" in (corpus / "project/docs" / f"{page}.md").read_text(encoding="utf-8")
    plain = (corpus / "plain/docs" / f"{page}.md").read_text(encoding="utf-8")
    assert "{{" not in plain
    assert "[^" in plain  # the citations' footnotes, as the macros render them
    material = (corpus / "s-m" / page / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="references">References' in material
    assert (corpus / "s-m/search/search_index.json").stat().st_size > 0
    assert (corpus / "s-en" / page / "index.html").is_file()
    assert (corpus / "s-en/pagefind").is_dir()
    assert not (corpus / "s-en/es").exists()


def test_same_markdown_reports_the_baseline_code_beside_this_code() -> None:
    """``same_markdown.py --baseline REF``: the code at REF gets its own row, its
    ratio to Material, and this code's ratio to it, from the runs given."""

    def timed(name: str, *cpu: float) -> Timed:
        return Timed(name, [BuildRun(seconds * 2, seconds, 100.0) for seconds in cpu])

    comparison = Comparison(
        1000,
        1046,
        timed("Material", 40.0, 50.0),
        timed("project, English only", 54.0, 60.0),
        30_000 * 1024,
        [5.0, 6.0],
        timed("project, English only, code at main", 60.0, 66.0),
    )
    text = report(comparison, "python benchmarks/same_markdown.py --baseline main")
    assert re.search(r"^\| project, English only, code at main \| 60.00, 66.00 \|", text, re.M)
    # Medians: Material 45, this code 57, main 63.
    assert "Project to Material + prune: **1.27 by CPU**" in text
    assert "code at main to Material + prune: **1.40 by CPU**" in text
    assert "each run by CPU: 1.50; 1.32" in text
    assert "This code to that code: 0.90 by CPU" in text
