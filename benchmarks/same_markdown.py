"""The project's build against Material + prune converting the same English Markdown.

    python benchmarks/same_markdown.py --pages 1000 --runs 2

Issue 21's independent measure: N copies of the real CRPS page, English only
(no Spanish copies), their macro calls rendered beforehand to the sentences
and footnotes they stand for (``benchmarks/corpus.py``'s ``prerender``, the
same functions the macros call); Material with ``navigation.prune``, the
Markdown extensions of mkdocs.yml and Material's search plugin (MkDocs'
default plugin, Material's under its theme), against the project's own
build of the same English pages (``build_only_locale: en``, every hook,
macro and check, Pagefind). Builds alternate; each is a clean
``mkdocs build --strict`` in a child process, timed by wall clock and by CPU
(the child's and its waited-for children's, Pagefind included:
``benchmarks/measure.py``).

With ``--baseline REF``, each run also builds the same pages with the
project's code at commit ``REF`` (English only, as ``benchmarks/build.py``'s
``--baseline`` writes it), between the two: a change's cost is measured in
the same window as the ratio, on a machine whose load moves.

``benchmarks/build.py`` compares both languages instead: its corpus has a
Spanish copy of each page, which Material builds as extra pages of one site
and the project as a second site; benchmarks/README.md ("Issue 21: build
cost against Material, and against main before") says what that changes.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if sys.path[0] == str(ROOT / "benchmarks"):
    sys.path[0] = str(ROOT)  # import as the package ``benchmarks``, not loose files

from benchmarks.build import write_baseline  # noqa: E402
from benchmarks.corpus import ENGLISH_ONLY_CONFIG, Corpus, make_corpus  # noqa: E402
from benchmarks.measure import BuildRun, mkdocs_build  # noqa: E402

log = logging.getLogger("benchmarks.same_markdown")

MATERIAL = "Material + navigation.prune + search, macros rendered"
PROJECT = "project, English only"
MATERIAL_INDEX = "search/search_index.json"


@dataclass
class Timed:
    build: str
    runs: list[BuildRun] = field(default_factory=list)

    @property
    def wall_s(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def cpu_s(self) -> float:
        return statistics.median(run.cpu_s for run in self.runs)


@dataclass
class Comparison:
    pages: int
    total_pages: int
    material: Timed
    project: Timed
    material_index_bytes: int
    load: list[float]
    baseline: Timed | None = None

    @property
    def cpu_ratio(self) -> float:
        return self.project.cpu_s / self.material.cpu_s

    @property
    def wall_ratio(self) -> float:
        return self.project.wall_s / self.material.wall_s

    def run_ratios(self, project: Timed | None = None) -> list[tuple[float, float]]:
        """Each run's ratio (by CPU, by wall) of ``project`` (default: this
        code's build) to Material, the builds of a run side by side."""
        ours = project or self.project
        return [
            (mine.cpu_s / theirs.cpu_s, mine.seconds / theirs.seconds)
            for mine, theirs in zip(ours.runs, self.material.runs, strict=True)
        ]


def english_corpus(root: Path, pages: int) -> Corpus:
    return make_corpus(root, pages, "crps", spanish=False)


def compare(corpus: Corpus, runs: int, baseline_ref: str | None = None) -> Comparison:
    material, project = Timed(MATERIAL), Timed(PROJECT)
    load = [os.getloadavg()[0]]
    material_site, project_site = corpus.root / "s-m", corpus.root / "s-en"
    builds = [(material, corpus.plain_config("material-prune"), material_site)]
    baseline = None
    if baseline_ref is not None:
        baseline = Timed(f"{PROJECT}, code at {baseline_ref}")
        config = write_baseline(corpus, baseline_ref) / ENGLISH_ONLY_CONFIG
        builds.append((baseline, config, corpus.root / "s-base"))
    builds.append((project, corpus.english_only_config, project_site))
    for run in range(runs):
        for timed, config, site in builds:
            outcome = mkdocs_build(config, site)
            seconds, cpu = outcome.seconds, outcome.cpu_s
            log.info("run %d %s: %.2f s, CPU %.2f s", run + 1, timed.build, seconds, cpu)
            timed.runs.append(outcome)
    load.append(os.getloadavg()[0])
    index = material_site / MATERIAL_INDEX
    if not index.is_file():
        raise RuntimeError(f"{index}: Material's search plugin wrote no index")
    return Comparison(
        corpus.generated,
        corpus.total_pages,
        material,
        project,
        index.stat().st_size,
        load,
        baseline,
    )


def report(comparison: Comparison, command: str) -> str:
    rows = [
        f"Command: `{command}`",
        "",
        f"{comparison.pages} English copies of the CRPS page, {comparison.total_pages} "
        "Markdown files in the project (its own Spanish pages included; the English-only "
        "build skips them, and the Material project has none). Load average (1 min) "
        f"before and after: {', '.join(f'{value:.1f}' for value in comparison.load)}. "
        f"Material's search index: {comparison.material_index_bytes / 1024:.0f} KB.",
        "",
        "| build | runs, CPU s | runs, wall s | median CPU s | median wall s |",
        "|---|---|---|---:|---:|",
    ]
    baseline = [comparison.baseline] if comparison.baseline else []
    for timed in (comparison.material, *baseline, comparison.project):
        rows.append(
            f"| {timed.build} | {', '.join(f'{run.cpu_s:.2f}' for run in timed.runs)} "
            f"| {', '.join(f'{run.seconds:.2f}' for run in timed.runs)} "
            f"| {timed.cpu_s:.2f} | {timed.wall_s:.2f} |"
        )
    each = "; ".join(
        f"{cpu:.2f} by CPU, {wall:.2f} by wall" for cpu, wall in comparison.run_ratios()
    )
    rows += [
        "",
        f"Project to Material + prune: **{comparison.cpu_ratio:.2f} by CPU**, "
        f"{comparison.wall_ratio:.2f} by wall time (medians); each run: {each}.",
    ]
    if comparison.baseline:
        before = comparison.baseline
        each = "; ".join(f"{cpu:.2f}" for cpu, _ in comparison.run_ratios(before))
        rows += [
            "",
            f"{before.build} to Material + prune: **{before.cpu_s / comparison.material.cpu_s:.2f}"
            f" by CPU**, {before.wall_s / comparison.material.wall_s:.2f} by wall time "
            f"(medians); each run by CPU: {each}. This code to that code: "
            f"{comparison.project.cpu_s / before.cpu_s:.2f} by CPU (medians).",
        ]
    return "\n".join(rows) + "\n"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=1000, help="English copies of the CRPS page")
    parser.add_argument("--runs", type=int, default=2, help="timed runs of each build")
    parser.add_argument("--workdir", type=Path, help="keep the corpus here (default: temporary)")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument(
        "--baseline", help="also time the project's code at this git commit, in the same runs"
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    args = parse_args(argv)
    command = " ".join(["python benchmarks/same_markdown.py", *argv])
    with tempfile.TemporaryDirectory(prefix="same-markdown-") as temporary:
        workdir = args.workdir or Path(temporary)
        log.info("writing a corpus of %d English pages", args.pages)
        corpus = english_corpus(workdir / f"n{args.pages}", args.pages)
        comparison = compare(corpus, args.runs, args.baseline)
    text = report(comparison, command)
    sys.stdout.write(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
