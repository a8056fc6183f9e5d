"""Benchmark the site build and the editor's wait at N pages; report in Markdown.

    python benchmarks/build.py --pages 10 100 1000 --runs 3 --profile

For each N it writes a corpus (``benchmarks/corpus.py``; by default N copies
of the real CRPS page, ``--corpus synthetic`` for generated pages) to a
temporary folder and times, alternating, clean full builds of the same pages:

- Material defaults: Material with no theme features, search only, no project
  hooks or macros (the pages' macros rendered beforehand), and the project's
  Markdown extensions, so every build converts the same Markdown; every page
  is in its nav, in groups of 25 (Material's way to list a library);
- the same with ``navigation.prune``;
- the project's real configuration, every hook, macro and check on; library
  pages are kept out of the nav by the build and listed on their section's
  page and the A to Z (healthsite/library/sections.py);
- with ``--baseline REF``, the project's code (hooks, healthsite/, mkdocs.yml,
  overrides/) at a git commit, on the same pages, to compare a change in one
  run;
- optionally Zensical (``--zensical PATH``), on the Material-defaults config.

It reports wall and CPU time (the build's own and its children's, Pagefind
included), peak memory, the ratios to both Material builds, time per page as
N grows, the editor's wait under ``mkdocs serve`` (from saving a page to the
answer that makes the browser reload, as the live-reload script of every
served page asks for it), the size of a few built pages
(``benchmarks/pagesize.py``), with ``--profile`` where the project build's
time goes at the largest N, and issue 12's goals as met or not.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if sys.path[0] == str(ROOT / "benchmarks"):
    sys.path[0] = str(ROOT)  # import as the package ``benchmarks``, not loose files

from benchmarks.corpus import (  # noqa: E402
    ENGLISH_ONLY_CONFIG,
    KINDS,
    Corpus,
    english_only,
    make_corpus,
)
from benchmarks.measure import (  # noqa: E402
    BuildRun,
    RebuildRun,
    extract_at_commit,
    mkdocs_build,
    serve_rebuilds,
    timed_build,
)
from benchmarks.pagesize import PageSize, measure_site  # noqa: E402
from benchmarks.pagesize import report_lines as page_size_lines  # noqa: E402
from benchmarks.profiling import Profile, profile_build  # noqa: E402

log = logging.getLogger("benchmarks.build")

DEFAULTS = "Material defaults"
PRUNE = "Material + navigation.prune"
PROJECT = "project full build"
# The same build with the i18n plugin's build_only_locale: en (issue 20's comparison).
ENGLISH_ONLY = "project, English only"
SEARCH_INDEXES = ("search/search_index.json", "search.json")
# `mkdocs serve` modes, by their name on the command line: how the report
# names each, and its options. "full" rebuilds the site on each save; "dirty"
# is the editor's mode (`make serve-fast`), which rebuilds the saved page.
SERVE_MODES: dict[str, tuple[str, tuple[str, ...]]] = {
    "full": ("serve", ()),
    "dirty": ("serve --dirty", ("--dirty",)),
}
EDITOR_MODE = SERVE_MODES["dirty"][0]
# The code of the project, as opposed to its pages and data.
CODE_PARTS = ("hooks.py", "healthsite", "mkdocs.yml", "overrides")
# Issue 12's goals for the full build and the editor's wait.
GOAL_PRUNE, STRETCH_PRUNE, GOAL_DEFAULTS, GOAL_GROWTH, GOAL_WAIT_S = 1.25, 1.10, 0.35, 1.10, 2.0
# Issue 20's: both languages at most this many times the English-only build.
GOAL_LANGUAGES = 2.2
NAV_SETUP = (
    "How each build lists the pages: the Material builds have every page in their nav, "
    "conditions and treatments in groups of 25; the project's own configuration keeps "
    "condition, treatment and guide pages out of the nav (only each section's index page "
    "is in it) and lists them on the section's page, in the A to Z and on the home page."
)


@dataclass
class BuildResult:
    """Every timed run of one build of one corpus."""

    pages: int
    total_pages: int
    build: str
    runs: list[BuildRun] = field(default_factory=list)
    search_index_bytes: int | None = None

    @property
    def median_s(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def median_cpu_s(self) -> float:
        return statistics.median(run.cpu_s for run in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(run.peak_mb for run in self.runs)

    @property
    def s_per_page(self) -> float:
        return self.median_s / self.total_pages

    @property
    def cpu_s_per_page(self) -> float:
        return self.median_cpu_s / self.total_pages


@dataclass
class ServeResult:
    """Edits of one page under ``mkdocs serve``."""

    pages: int
    build: str
    mode: str
    runs: list[RebuildRun]
    page: str = ""

    @property
    def median_reload_s(self) -> float:
        return statistics.median(run.edit_to_reload_s for run in self.runs)

    @property
    def median_build_s(self) -> float:
        return statistics.median(run.build_s for run in self.runs)

    @property
    def median_cpu_s(self) -> float | None:
        measured = [run.cpu_s for run in self.runs if run.cpu_s is not None]
        return statistics.median(measured) if measured else None

    @property
    def every_edit_checked(self) -> bool:
        return all(run.checked and run.page_updated for run in self.runs)


@dataclass
class Results:
    builds: list[BuildResult] = field(default_factory=list)
    serves: list[ServeResult] = field(default_factory=list)
    page_sizes: list[PageSize] = field(default_factory=list)
    profile: Profile | None = None
    profile_pages: int | None = None
    load: list[float] = field(default_factory=list)


def baseline_name(ref: str) -> str:
    return f"project at {ref}"


def write_baseline(corpus: Corpus, ref: str) -> Path:
    """The corpus's project with the code of commit ``ref`` (same pages and data)."""
    destination = corpus.root / "baseline"
    shutil.rmtree(destination, ignore_errors=True)
    shutil.copytree(corpus.project_dir, destination)
    for part in CODE_PARTS:
        target = destination / part
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)
    extract_at_commit(ref, CODE_PARTS, destination)
    # The English-only configuration comes from the commit's own mkdocs.yml:
    # the copied one is today's, which an older commit's code may refuse
    # (before i21-data, the build required macros' include_yaml).
    config_text = (destination / "mkdocs.yml").read_text(encoding="utf-8")
    (destination / ENGLISH_ONLY_CONFIG).write_text(english_only(config_text), encoding="utf-8")
    return destination


def builders(
    corpus: Corpus,
    zensical: Path | None,
    baseline: str | None,
    material: bool = True,
) -> dict[str, Callable[[], BuildRun]]:
    """Each build of the corpus, by name; each call times one clean build.
    ``material=False`` leaves out the Material builds (issue 20's ratio needs
    only the project's two)."""
    root = corpus.root
    runs: dict[str, Callable[[], BuildRun]] = {}
    if material:
        runs[DEFAULTS] = lambda: mkdocs_build(
            corpus.plain_config("material-defaults"), root / "s-a"
        )
        runs[PRUNE] = lambda: mkdocs_build(corpus.plain_config("material-prune"), root / "s-p")
    runs[PROJECT] = lambda: mkdocs_build(corpus.project_dir / "mkdocs.yml", root / "s-b")
    runs[ENGLISH_ONLY] = lambda: mkdocs_build(corpus.english_only_config, root / "s-en")
    if baseline is not None:
        config = write_baseline(corpus, baseline) / "mkdocs.yml"
        runs[baseline_name(baseline)] = lambda: mkdocs_build(config, root / "s-base")
    if zensical is not None:
        config = corpus.plain_config("material-defaults")
        command = [str(zensical), "build", "--clean", "-f", str(config)]
        runs[zensical_name(zensical)] = lambda: timed_build(
            command, corpus.plain_dir, corpus.plain_dir / "site"
        )
    return runs


def site_dir_of(corpus: Corpus, build: str) -> Path:
    names = {DEFAULTS: "s-a", PRUNE: "s-p", PROJECT: "s-b", ENGLISH_ONLY: "s-en"}
    if build.startswith("project at "):
        return corpus.root / "s-base"
    return corpus.root / names[build] if build in names else corpus.plain_dir / "site"


def search_index_bytes(site_dir: Path) -> int | None:
    """Bytes of the search index on disk; for Pagefind, its chunks and fragments
    (gzip-compressed on disk), of which a query fetches only a few."""
    pagefind = [site_dir / "pagefind" / part for part in ("index", "fragment")]
    if all(folder.is_dir() for folder in pagefind):
        return sum(path.stat().st_size for folder in pagefind for path in folder.iterdir())
    for relative in SEARCH_INDEXES:
        if (site_dir / relative).is_file():
            return (site_dir / relative).stat().st_size
    return None


def zensical_name(executable: Path) -> str:
    answer = subprocess.run([str(executable), "--version"], capture_output=True, text=True)
    return f"Zensical {answer.stdout.strip() or '(unknown version)'}, clean build"


def measure_builds(
    corpus: Corpus,
    runs: int,
    zensical: Path | None,
    baseline: str | None,
    material: bool = True,
) -> list[BuildResult]:
    timed = builders(corpus, zensical, baseline, material)
    results = {name: BuildResult(corpus.generated, corpus.total_pages, name) for name in timed}
    for run in range(runs):
        for name, build in timed.items():
            outcome = build()
            log.info(
                "N=%d run %d %s: %.2f s, CPU %.2f s",
                corpus.generated,
                run + 1,
                name,
                outcome.seconds,
                outcome.cpu_s,
            )
            results[name].runs.append(outcome)
    for name, result in results.items():
        result.search_index_bytes = search_index_bytes(site_dir_of(corpus, name))
    return list(results.values())


def measure_serve(corpus: Corpus, edits: int, modes: list[str]) -> list[ServeResult]:
    """Edit one generated page under ``mkdocs serve`` of the project, in each mode,
    then its Spanish translation if the corpus has one, under the same server
    (an editor saves one page, then another: only the first build is new)."""
    config = corpus.project_dir / "mkdocs.yml"
    edited = [corpus.edited_page]
    if corpus.edited_translation is not None:
        edited.append(corpus.edited_translation)
    pages = [corpus.project_dir / "docs" / source for source in edited]
    results = []
    for mode in modes:
        label, options = SERVE_MODES[mode]
        every_page_runs = serve_rebuilds(config, pages, options, edits)
        for source, runs in zip(edited, every_page_runs, strict=True):
            log.info("N=%d %s, %s: %s", corpus.generated, label, source, runs)
            results.append(ServeResult(corpus.generated, PROJECT, label, runs, source))
    return results


def machine() -> str:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = next(
        (line.split(":", 1)[1].strip() for line in lscpu.splitlines() if "Model name" in line),
        platform.processor() or "unknown CPU",
    )
    cores = len(os.sched_getaffinity(0))
    packages = ", ".join(
        f"{name} {version(name)}"
        for name in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown")
    )
    return f"{model}, {cores} cores; Python {platform.python_version()}; {packages}"


def _base(result: BuildResult, builds: list[BuildResult], name: str) -> BuildResult:
    found = _timed(result, builds, name)
    if found is None:
        raise ValueError(f"no {name!r} build at {result.pages} pages")
    return found


def _timed(result: BuildResult, builds: list[BuildResult], name: str) -> BuildResult | None:
    """The build named ``name`` at ``result``'s size, if it was timed."""
    return next((b for b in builds if b.pages == result.pages and b.build == name), None)


def _ratios(result: BuildResult, builds: list[BuildResult]) -> str:
    cells = []
    for name in (DEFAULTS, PRUNE):
        base = _timed(result, builds, name)
        if base is None:
            cells.append("n/a | n/a")
            continue
        cells.append(
            f"{result.median_s / base.median_s:.2f} | {result.median_cpu_s / base.median_cpu_s:.2f}"
        )
    return " | ".join(cells)


def _index_per_page(result: BuildResult) -> str:
    if result.search_index_bytes is None:
        return "n/a"
    return f"{result.search_index_bytes / result.total_pages / 1024:.1f}"


def builds_table(builds: list[BuildResult]) -> list[str]:
    rows = [
        "| pages | build | median s | CPU s | CPU s per page | peak MB "
        "| to Material defaults | same, by CPU | to Material + prune | same, by CPU "
        "| search index KB per page |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    rows += [
        f"| {b.pages} | {b.build} | {b.median_s:.2f} | {b.median_cpu_s:.2f} "
        f"| {b.cpu_s_per_page:.4f} | {b.peak_mb:.0f} | {_ratios(b, builds)} "
        f"| {_index_per_page(b)} |"
        for b in builds
    ]
    return rows


def growth_table(builds: list[BuildResult]) -> list[str]:
    sizes = sorted({b.pages for b in builds})
    if len(sizes) < 2:
        return ["(One size only: nothing to compare.)"]
    rows = [
        "| build | from N | to N | CPU s per page, from | CPU s per page, to | growth "
        "| wall s per page, from | wall s per page, to | growth |"
    ]
    rows.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for small, large in itertools.pairwise(sizes):
        for before in (b for b in builds if b.pages == small):
            after = next(b for b in builds if b.pages == large and b.build == before.build)
            rows.append(
                f"| {before.build} | {small} | {large} | {before.cpu_s_per_page:.4f} "
                f"| {after.cpu_s_per_page:.4f} "
                f"| {after.cpu_s_per_page / before.cpu_s_per_page:.2f}x "
                f"| {before.s_per_page:.4f} | {after.s_per_page:.4f} "
                f"| {after.s_per_page / before.s_per_page:.2f}x |"
            )
    return rows


def _seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def serve_table(serves: list[ServeResult]) -> list[str]:
    rows = [
        "| pages | mode | page saved | save to reload, median s | each save, s "
        "| rebuild (log), median s | rebuild CPU, median s "
        "| checks ran and page updated on every save |",
        "|---:|---|---|---:|---|---:|---:|---|",
    ]
    rows += [
        f"| {s.pages} | {s.mode} | {s.page} | {s.median_reload_s:.2f} "
        f"| {', '.join(f'{run.edit_to_reload_s:.2f}' for run in s.runs)} "
        f"| {s.median_build_s:.2f} | {_seconds(s.median_cpu_s)} "
        f"| {'yes' if s.every_edit_checked else '**no**'} |"
        for s in serves
    ]
    return rows


def _verdict(met: bool) -> str:
    return "met" if met else "**not met**"


def goals(results: Results) -> list[str]:
    """Issue 12's goals for the build and the editor's wait, at the largest N."""
    largest = max(b.pages for b in results.builds)
    project = next(b for b in results.builds if b.pages == largest and b.build == PROJECT)
    prune = _timed(project, results.builds, PRUNE)
    defaults = _timed(project, results.builds, DEFAULTS)
    rows = ["| goal | measured | |", "|---|---|---|"]
    for base, goal, label in (
        (prune, GOAL_PRUNE, f"at most {GOAL_PRUNE} times Material + prune"),
        (defaults, GOAL_DEFAULTS, f"at most {GOAL_DEFAULTS} times Material's defaults"),
    ):
        if base is None:
            continue
        wall = project.median_s / base.median_s
        cpu = project.median_cpu_s / base.median_cpu_s
        rows.append(
            f"| full build at {largest} pages, {label} | {cpu:.2f} by CPU time, "
            f"{wall:.2f} by wall time | {_verdict(cpu <= goal)} by CPU |"
        )
    english = _base(project, results.builds, ENGLISH_ONLY)
    wall = project.median_s / english.median_s
    cpu = project.median_cpu_s / english.median_cpu_s
    rows.append(
        f"| both languages at {largest} pages, at most {GOAL_LANGUAGES} times the English-only "
        f"build (issue 20) | {cpu:.2f} by CPU time, {wall:.2f} by wall time "
        f"| {_verdict(cpu <= GOAL_LANGUAGES)} by CPU |"
    )
    if prune is not None:
        cpu_prune = project.median_cpu_s / prune.median_cpu_s
        rows.append(
            f"| stretch: at most {STRETCH_PRUNE} times Material + prune | {cpu_prune:.2f} by CPU "
            f"| {_verdict(cpu_prune <= STRETCH_PRUNE)} |"
        )
    smaller = [b for b in results.builds if b.build == PROJECT and b.pages < largest]
    if smaller:
        before = max(smaller, key=lambda b: b.pages)
        growth = project.cpu_s_per_page / before.cpu_s_per_page
        rows.append(
            f"| time per page flat from {before.pages} to {largest} pages "
            f"(at most {GOAL_GROWTH}x) | {growth:.2f}x by CPU time, "
            f"{project.s_per_page / before.s_per_page:.2f}x by wall time "
            f"| {_verdict(growth <= GOAL_GROWTH)} |"
        )
    editor = [s for s in results.serves if s.mode == EDITOR_MODE and s.pages == largest]
    for served in editor:
        met = served.median_reload_s <= GOAL_WAIT_S and served.every_edit_checked
        rows.append(
            f"| editor's wait at {largest} pages (`{EDITOR_MODE}`, {served.page}), "
            f"at most {GOAL_WAIT_S:g} s "
            f"from save to reload, every check run | {served.median_reload_s:.2f} s median "
            f"(rebuild CPU {_seconds(served.median_cpu_s)} s); checks "
            f"{'ran on every save' if served.every_edit_checked else 'MISSING'} "
            f"| {_verdict(met)} |"
        )
    return rows


def profile_section(profile: Profile, pages: int) -> list[str]:
    rows = [
        f"Project full build at N={pages} under pyinstrument: {profile.total_s:.1f} s "
        "(profiling adds overhead).",
        "",
        "| where the time goes (self time) | s | share |",
        "|---|---:|---:|",
    ]
    rows += [
        f"| {part} | {seconds:.2f} | {seconds / profile.total_s:.0%} |"
        for part, seconds in profile.self_by_part.items()
    ]
    rows += ["", "| inclusive time of | s | share |", "|---|---:|---:|"]
    rows += [
        f"| {part} | {seconds:.2f} | {seconds / profile.total_s:.0%} |"
        for part, seconds in profile.inclusive_by_part.items()
    ]
    rows += ["", "| hottest functions (self time) | s |", "|---|---:|"]
    rows += [f"| `{name}` | {seconds:.2f} |" for name, seconds in profile.hottest]
    return rows


def report(results: Results, command: str, runs: int, corpus: str) -> str:
    own_pages = results.builds[0].total_pages - results.builds[0].pages
    pages = (
        "copies of the real CRPS page (docs/conditions/crps.md), each with its own file, "
        "title, names and one sentence"
        if corpus == "crps"
        else "synthetic pages shaped like ours"
    )
    load = ", ".join(f"{value:.1f}" for value in results.load)
    lines = [
        "# Build benchmark",
        "",
        f"Command: `{command}`",
        "",
        f"Date: {date.today().isoformat()}. Machine: {machine()}. "
        f"Load average (1 min) at the start of each size and at the end: {load}.",
        "",
        f"Pages: N {pages}; every build also has the project's own {own_pages} pages, and "
        "'per page' counts them too. " + NAV_SETUP,
        "",
        "## Goals (issue 12)",
        "",
        *goals(results),
        "",
        "## Full builds",
        "",
        f"Median of {runs} runs per build, builds alternating, each from a clean site "
        "folder. CPU time is the build's own and its children's (Pagefind): on a shared "
        "machine it varies less than wall time.",
        "",
        *builds_table(results.builds),
        "",
        "## Time per page as the site grows",
        "",
        *growth_table(results.builds),
    ]
    if results.serves:
        lines += [
            "",
            "## Editor's wait under mkdocs serve",
            "",
            "One page is saved (a sentence appended) a few times; the time runs from "
            "the save to the live-reload answer that makes an open browser reload. "
            "'serve --dirty' is `make serve-fast`.",
            "",
            *serve_table(results.serves),
        ]
    if results.page_sizes:
        lines += ["", "## Page size", "", *page_size_lines(results.page_sizes)]
    if results.profile is not None and results.profile_pages is not None:
        lines += ["", "## Profile", "", *profile_section(results.profile, results.profile_pages)]
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--corpus", choices=KINDS, default=KINDS[0], help="which pages")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each build")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve edits")
    parser.add_argument(
        "--no-material",
        action="store_true",
        help="time the project's builds only (both languages, English only; issue 20)",
    )
    parser.add_argument(
        "--serve-modes",
        nargs="+",
        choices=list(SERVE_MODES),
        default=list(SERVE_MODES),
        help="mkdocs serve modes to time: full rebuilds, or --dirty (make serve-fast)",
    )
    parser.add_argument("--edits", type=int, default=3, help="page saves under mkdocs serve")
    parser.add_argument("--baseline", help="also time the project's code at this git commit")
    parser.add_argument("--profile", action="store_true", help="profile at the largest N")
    parser.add_argument("--zensical", type=Path, help="a zensical executable to time too")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--json", type=Path, help="write the raw measurements to this file")
    parser.add_argument("--workdir", type=Path, help="keep corpora here (default: temporary)")
    return parser.parse_args(argv)


def run(args: argparse.Namespace, workdir: Path) -> Results:
    results = Results()
    for count in args.pages:
        results.load.append(os.getloadavg()[0])
        log.info("writing a corpus of %d pages", count)
        corpus = make_corpus(workdir / f"n{count}", count, args.corpus)
        results.builds += measure_builds(
            corpus, args.runs, args.zensical, args.baseline, not args.no_material
        )
        results.page_sizes += measure_site(site_dir_of(corpus, PROJECT), corpus)
        if not args.no_serve:
            results.serves += measure_serve(corpus, args.edits, args.serve_modes)
        if args.profile and count == max(args.pages):
            log.info("profiling the project build at N=%d", count)
            results.profile = profile_build(
                corpus.project_dir / "mkdocs.yml", corpus.root / "s-prof", workdir / "build.pyis"
            )
            (workdir / "profile.txt").write_text(results.profile.text_report, encoding="utf-8")
            results.profile_pages = count
    results.load.append(os.getloadavg()[0])
    return results


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    args = parse_args(argv)
    command = " ".join(["python benchmarks/build.py", *argv])
    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        workdir = args.workdir or Path(temporary)
        results = run(args, workdir)
        text = report(results, command, args.runs, args.corpus)
    sys.stdout.write(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    if args.json:
        raw = {
            "builds": [asdict(b) for b in results.builds],
            "serves": [asdict(s) for s in results.serves],
            "page_sizes": [asdict(s) for s in results.page_sizes],
            "load": results.load,
        }
        args.json.write_text(json.dumps(raw, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
