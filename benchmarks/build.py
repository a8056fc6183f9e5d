"""Benchmark the site build on a synthetic corpus of N pages; report in Markdown.

    python benchmarks/build.py --pages 10 100 1000 --runs 3 --profile

For each N it writes a corpus (see ``benchmarks/corpus.py``) to a temporary
folder and times, alternating, full builds of the same pages with:

- Material defaults: Material with no theme features, search only, no project
  hooks or macros (the pages' macros rendered beforehand), and the project's
  Markdown extensions, so every build converts the same Markdown;
- the same with ``navigation.prune``;
- the project's real configuration, every hook, macro and check on;
- optionally Zensical (``--zensical PATH``), on the Material-defaults config.

It reports the median wall time, peak memory, the ratio to Material defaults,
the search index size per page, time per page as N grows, the rebuild after
editing one page under ``mkdocs serve`` (with and without ``--dirty``), and,
with ``--profile``, where the project build's time goes at the largest N.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if sys.path[0] == str(ROOT / "benchmarks"):
    sys.path[0] = str(ROOT)  # import as the package ``benchmarks``, not loose files

from benchmarks.corpus import Corpus, make_corpus  # noqa: E402
from benchmarks.measure import (  # noqa: E402
    BuildRun,
    RebuildRun,
    mkdocs_build,
    serve_rebuilds,
    timed_build,
)
from benchmarks.profiling import Profile, profile_build  # noqa: E402

log = logging.getLogger("benchmarks.build")

DEFAULTS = "Material defaults"
PRUNE = "Material + navigation.prune"
PROJECT = "project full build"
SERVED = (PROJECT,)
SEARCH_INDEXES = ("search/search_index.json", "search.json")


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


@dataclass
class ServeResult:
    """Edits of one page under ``mkdocs serve``."""

    pages: int
    build: str
    mode: str
    runs: list[RebuildRun]

    @property
    def median_reload_s(self) -> float:
        return statistics.median(run.edit_to_reload_s for run in self.runs)

    @property
    def median_build_s(self) -> float:
        return statistics.median(run.build_s for run in self.runs)


@dataclass
class Results:
    builds: list[BuildResult] = field(default_factory=list)
    serves: list[ServeResult] = field(default_factory=list)
    profile: Profile | None = None
    profile_pages: int | None = None


def builders(corpus: Corpus, zensical: Path | None) -> dict[str, Callable[[], BuildRun]]:
    """Each build of the corpus, by name; each call times one clean build."""
    root = corpus.root
    runs: dict[str, Callable[[], BuildRun]] = {
        DEFAULTS: lambda: mkdocs_build(corpus.plain_config("material-defaults"), root / "s-a"),
        PRUNE: lambda: mkdocs_build(corpus.plain_config("material-prune"), root / "s-p"),
        PROJECT: lambda: mkdocs_build(corpus.project_dir / "mkdocs.yml", root / "s-b"),
    }
    if zensical is not None:
        config = corpus.plain_config("material-defaults")
        command = [str(zensical), "build", "--clean", "-f", str(config)]
        runs[zensical_name(zensical)] = lambda: timed_build(
            command, corpus.plain_dir, corpus.plain_dir / "site"
        )
    return runs


def site_dir_of(corpus: Corpus, build: str) -> Path:
    names = {DEFAULTS: "s-a", PRUNE: "s-p", PROJECT: "s-b"}
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


def measure_builds(corpus: Corpus, runs: int, zensical: Path | None) -> list[BuildResult]:
    timed = builders(corpus, zensical)
    results = {name: BuildResult(corpus.generated, corpus.total_pages, name) for name in timed}
    for run in range(runs):
        for name, build in timed.items():
            outcome = build()
            log.info("N=%d run %d %s: %.2f s", corpus.generated, run + 1, name, outcome.seconds)
            results[name].runs.append(outcome)
    for name, result in results.items():
        result.search_index_bytes = search_index_bytes(site_dir_of(corpus, name))
    return list(results.values())


def measure_serve(corpus: Corpus, edits: int, baseline: bool) -> list[ServeResult]:
    configs = {
        DEFAULTS: (corpus.plain_config("material-defaults"), corpus.plain_dir),
        PROJECT: (corpus.project_dir / "mkdocs.yml", corpus.project_dir),
    }
    results = []
    for name in (DEFAULTS, *SERVED) if baseline else SERVED:
        config, project = configs[name]
        page = project / "docs/conditions/example-condition-0001.md"
        for mode, dirty in (("serve", False), ("serve --dirty --no-strict", True)):
            runs = serve_rebuilds(config, page, dirty, edits)
            log.info("N=%d %s %s: %s", corpus.generated, name, mode, runs)
            results.append(ServeResult(corpus.generated, name, mode, runs))
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


def _ratios(result: BuildResult, builds: list[BuildResult]) -> str:
    base = next(b for b in builds if b.pages == result.pages and b.build == DEFAULTS)
    wall = result.median_s / base.median_s
    return f"{wall:.2f} | {result.median_cpu_s / base.median_cpu_s:.2f}"


def _index_per_page(result: BuildResult) -> str:
    if result.search_index_bytes is None:
        return "n/a"
    return f"{result.search_index_bytes / result.total_pages / 1024:.1f}"


def builds_table(builds: list[BuildResult]) -> list[str]:
    rows = [
        "| pages | build | median s | CPU s | s per page | peak MB "
        "| relative to Material defaults | same, by CPU time | search index KB per page |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    rows += [
        f"| {b.pages} | {b.build} | {b.median_s:.2f} | {b.median_cpu_s:.2f} | {b.s_per_page:.4f} "
        f"| {b.peak_mb:.0f} | {_ratios(b, builds)} | {_index_per_page(b)} |"
        for b in builds
    ]
    return rows


def growth_table(builds: list[BuildResult]) -> list[str]:
    sizes = sorted({b.pages for b in builds})
    rows = ["| build | from N | to N | s per page, from | s per page, to | growth |"]
    rows.append("|---|---:|---:|---:|---:|---:|")
    for small, large in itertools.pairwise(sizes):
        for before in (b for b in builds if b.pages == small):
            after = next(b for b in builds if b.pages == large and b.build == before.build)
            rows.append(
                f"| {before.build} | {small} | {large} | {before.s_per_page:.4f} "
                f"| {after.s_per_page:.4f} | {after.s_per_page / before.s_per_page:.2f}x |"
            )
    return rows


def serve_table(serves: list[ServeResult]) -> list[str]:
    rows = ["| pages | build | mode | edit to reload, median s | rebuild, median s |"]
    rows.append("|---:|---|---|---:|---:|")
    rows += [
        f"| {s.pages} | {s.build} | {s.mode} | {s.median_reload_s:.2f} | {s.median_build_s:.2f} |"
        for s in serves
    ]
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


def report(results: Results, command: str, runs: int) -> str:
    own_pages = results.builds[0].total_pages - results.builds[0].pages
    lines = [
        "# Build benchmark",
        "",
        f"Command: `{command}`",
        "",
        f"Machine: {machine()}",
        "",
        "## Full builds",
        "",
        f"Median of {runs} runs per build, builds alternating. 'pages' is the number of "
        f"generated pages; every build also has the project's own {own_pages} pages, and "
        "'s per page' counts them too.",
        "",
        *builds_table(results.builds),
        "",
        "## Time per page as the site grows",
        "",
        *growth_table(results.builds),
    ]
    if results.serves:
        lines += ["", "## Rebuild after editing one page under mkdocs serve", ""]
        lines += serve_table(results.serves)
    if results.profile is not None and results.profile_pages is not None:
        lines += ["", "## Profile", "", *profile_section(results.profile, results.profile_pages)]
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each build")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve rebuilds")
    parser.add_argument("--edits", type=int, default=3, help="page edits under mkdocs serve")
    parser.add_argument(
        "--serve-baseline", action="store_true", help="also serve Material defaults (slow)"
    )
    parser.add_argument("--profile", action="store_true", help="profile at the largest N")
    parser.add_argument("--zensical", type=Path, help="a zensical executable to time too")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--json", type=Path, help="write the raw measurements to this file")
    parser.add_argument("--workdir", type=Path, help="keep corpora here (default: temporary)")
    return parser.parse_args(argv)


def run(args: argparse.Namespace, workdir: Path) -> Results:
    results = Results()
    for count in args.pages:
        log.info("writing a corpus of %d pages", count)
        corpus = make_corpus(workdir / f"n{count}", count)
        results.builds += measure_builds(corpus, args.runs, args.zensical)
        if not args.no_serve:
            results.serves += measure_serve(corpus, args.edits, args.serve_baseline)
        if args.profile and count == max(args.pages):
            log.info("profiling the project build at N=%d", count)
            results.profile = profile_build(
                corpus.project_dir / "mkdocs.yml", corpus.root / "s-prof", workdir / "build.pyis"
            )
            (workdir / "profile.txt").write_text(results.profile.text_report, encoding="utf-8")
            results.profile_pages = count
    return results


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    args = parse_args(argv)
    command = " ".join(["python benchmarks/build.py", *argv])
    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        workdir = args.workdir or Path(temporary)
        results = run(args, workdir)
        text = report(results, command, args.runs)
    sys.stdout.write(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    if args.json:
        raw = {
            "builds": [asdict(b) for b in results.builds],
            "serves": [asdict(s) for s in results.serves],
        }
        args.json.write_text(json.dumps(raw, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
