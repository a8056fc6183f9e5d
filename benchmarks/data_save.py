"""How long a saved data file takes to show under ``make serve-fast``; report in Markdown.

    python benchmarks/data_save.py --pages 1000 --saves 3

``make serve-fast`` is ``mkdocs serve --dirty``: a saved page renders only
what it changed, but a saved data file renders every page of both languages
again, since any page may show a statistic, a source or a term
(healthsite/i18n/rebuilds.py). This writes the corpus ``benchmarks/build.py``
times (N copies of the real CRPS page, each with a Spanish copy:
``benchmarks/corpus.py``), serves it with ``--dirty``, opens one English copy
as a browser would, and changes the value of the statistic that page shows
in data/statistics.yml, ``--saves`` times. Each save is timed from writing
the file to the answer that makes the browser reload, and to the page served
after it in hand, with the new figure checked on it and on its Spanish copy.
The machine's load is written beside each save: it is shared, and a
rebuild's wall time follows it.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if sys.path[0] == str(ROOT / "benchmarks"):
    sys.path[0] = str(ROOT)  # import as the package ``benchmarks``, not loose files

from benchmarks.corpus import make_corpus  # noqa: E402
from benchmarks.measure import RebuildRun, Save, page_address, timed_saves  # noqa: E402

STATISTICS = "data/statistics.yml"
# The statistic every CRPS copy shows, and its value in the real data file.
VALUE = "  value: 5.46\n"
# How the English and the Spanish page show it.
ENGLISH_CLAIM = "about {} people in every 100,000"
SPANISH_CLAIM = "unas {} de cada 100,000"
DIRTY = ("--dirty",)
# A rebuild of every page of both languages at 1,000 pages each took over
# 15 minutes at a load of 22 to 27 on two cores: wait up to an hour.
REBUILD_TIMEOUT_S = 3600.0


def measure(
    project_dir: Path,
    source: str,
    translation: str | None,
    saves: int,
    rebuild_timeout_s: float = REBUILD_TIMEOUT_S,
) -> list[tuple[str, RebuildRun]]:
    """Serve ``project_dir`` with ``--dirty`` and save a new figure ``saves``
    times: each figure and its save, timed."""
    path = project_dir / STATISTICS
    original = path.read_text(encoding="utf-8")
    if original.count(VALUE) != 1:
        raise ValueError(f"{STATISTICS}: expected one line {VALUE.strip()!r} to change")
    figures = [f"{7.91 + save / 100:.2f}" for save in range(saves)]
    planned = [
        Save(
            path,
            original.replace(VALUE, f"  value: {figure}\n"),
            ENGLISH_CLAIM.format(figure),
            ((page_address(translation), SPANISH_CLAIM.format(figure)),) if translation else (),
        )
        for figure in figures
    ]
    try:
        config = project_dir / "mkdocs.yml"
        runs = timed_saves(config, source, DIRTY, planned, rebuild_timeout_s)
    finally:
        path.write_text(original, encoding="utf-8")
    return list(zip(figures, runs, strict=True))


def _s(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f} s"


def _shown(updated: bool | None) -> str:
    return {True: "new figure", False: "OLD figure", None: "n/a"}[updated]


def report(saves: list[tuple[str, RebuildRun]], pages: int, total_pages: int, command: str) -> str:
    lines = [
        f"## A data file saved under `make serve-fast`, {pages:,} pages per language",
        "",
        f"Command: `{command}`; {total_pages:,} pages in both languages.",
        "",
        "| save | save to page with the figure | save to reload | rebuild (log) "
        "| rebuild CPU | English page | Spanish copy | checks ran | load (1 min) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for number, (figure, run) in enumerate(saves, 1):
        load = "n/a" if run.load is None else f"{run.load[0]:.1f} to {run.load[1]:.1f}"
        lines.append(
            f"| {number} ({figure}) | {_s(run.edit_to_page_s)} | {_s(run.edit_to_reload_s)} "
            f"| {_s(run.build_s)} | {_s(run.cpu_s)} | {_shown(run.page_updated)} "
            f"| {_shown(run.elsewhere_updated)} | {'yes' if run.checked else 'no'} | {load} |"
        )
    shown = [run.edit_to_page_s for _, run in saves if run.edit_to_page_s is not None]
    if shown:
        lines += ["", f"Median, save to page with the figure: {statistics.median(shown):.2f} s."]
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=1000, help="CRPS copies per language")
    parser.add_argument("--saves", type=int, default=3, help="saves of data/statistics.yml")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--workdir", type=Path, help="keep the corpus here (default: temporary)")
    parser.add_argument(
        "--timeout-s",
        type=float,
        default=REBUILD_TIMEOUT_S,
        help="the longest wait for one rebuild, in seconds",
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    args = parse_args(argv)
    command = " ".join(["python benchmarks/data_save.py", *argv])
    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        workdir = args.workdir or Path(temporary)
        corpus = make_corpus(workdir / f"n{args.pages}", args.pages, plain=False)
        saves = measure(
            corpus.project_dir,
            corpus.edited_page,
            corpus.edited_translation,
            args.saves,
            args.timeout_s,
        )
        text = report(saves, args.pages, corpus.total_pages, command)
    sys.stdout.write(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
