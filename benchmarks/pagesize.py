"""How the built HTML of one page grows with the library; report in Markdown.

    python benchmarks/pagesize.py --pages 10 100 1000

For each N it writes a corpus of N pages (``benchmarks/corpus.py``: copies of
the CRPS page, or synthetic pages with ``--corpus synthetic``),
builds it once with the project's real configuration (``mkdocs build
--strict``) and reports, for a few pages, the size of the built HTML (bytes
as written, and gzip at level 6, what a static host sends), and how much of
it is navigation (the tabs and the sidebar, Material's ``md-tabs`` and
``md-nav--primary`` elements). Sizes do not vary between runs, so each N is
built once.

The goal (issue 10): a condition page's HTML grows by at most 10% from 100 to
1,000 pages. Pages that list the library (the A to Z, a section's index)
grow with it by design and are reported for information.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import logging
import re
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if sys.path[0] == str(ROOT / "benchmarks"):
    sys.path[0] = str(ROOT)  # import as the package ``benchmarks``, not loose files

from benchmarks.corpus import KINDS, Corpus, make_corpus  # noqa: E402
from benchmarks.measure import mkdocs_build  # noqa: E402

log = logging.getLogger("benchmarks.pagesize")

# The pages whose size must not grow with the library, then pages listing it.
# The generated page's address depends on the corpus (Corpus.edited_page).
GENERATED = "condition (generated, number 1)"
BOUNDED = {
    "condition (CRPS)": "conditions/crps/",
    GENERATED: "",
    "treatment (IV ketamine)": "treatments/iv-ketamine/",
    "home": "",
}
LISTINGS = {"A to Z": "a-to-z/", "Conditions index": "conditions/"}
GOAL_GROWTH = 0.10
NAV_TAG = re.compile(r"<(/?)nav\b[^>]*>")
NAV_CLASSES = ("md-tabs", "md-nav--primary")


@dataclass(frozen=True)
class PageSize:
    """One built page of one corpus."""

    pages: int
    name: str
    url: str
    raw_bytes: int
    gzip_bytes: int
    nav_bytes: int


def outer_nav_bytes(html: str) -> int:
    """Bytes of the tabs and the primary sidebar, each a ``<nav>`` with nested navs."""
    total, depth, start = 0, 0, 0
    counting = False
    for tag in NAV_TAG.finditer(html):
        closing = tag.group(1) == "/"
        if not closing:
            if depth == 0:
                start, counting = tag.start(), any(name in tag.group(0) for name in NAV_CLASSES)
            depth += 1
            continue
        depth -= 1
        if depth == 0 and counting:
            total += len(html[start : tag.end()].encode("utf-8"))
    return total


def measure_page(site_dir: Path, pages: int, name: str, url: str) -> PageSize | None:
    path = site_dir / url / "index.html"
    if not path.is_file():
        return None
    body = path.read_bytes()
    html = body.decode("utf-8")
    gzipped = len(gzip.compress(body, compresslevel=6))
    return PageSize(pages, name, url, len(body), gzipped, outer_nav_bytes(html))


def measured_pages(corpus: Corpus) -> dict[str, str]:
    """Each page measured, by name, and its address in the built site."""
    generated = corpus.edited_page.removesuffix(".md") + "/"
    return {**BOUNDED, GENERATED: generated, **LISTINGS}


def measure_site(site_dir: Path, corpus: Corpus) -> list[PageSize]:
    """The sizes of the measured pages of one built site of ``corpus``."""
    sizes = [
        measure_page(site_dir, corpus.generated, name, url)
        for name, url in measured_pages(corpus).items()
    ]
    return [size for size in sizes if size is not None]


def measure(workdir: Path, count: int, kind: str) -> list[PageSize]:
    log.info("writing a corpus of %d pages", count)
    corpus = make_corpus(workdir / f"n{count}", count, kind)
    site_dir = corpus.root / "site"
    log.info("building N=%d", count)
    mkdocs_build(corpus.project_dir / "mkdocs.yml", site_dir)
    return measure_site(site_dir, corpus)


def _kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def sizes_table(sizes: list[PageSize]) -> list[str]:
    rows = [
        "| pages | page | HTML KB | gzip KB | navigation KB | navigation share |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    rows += [
        f"| {s.pages} | {s.name} | {_kb(s.raw_bytes)} | {_kb(s.gzip_bytes)} "
        f"| {_kb(s.nav_bytes)} | {s.nav_bytes / s.raw_bytes:.0%} |"
        for s in sizes
    ]
    return rows


def growth_rows(sizes: list[PageSize]) -> list[str]:
    counts = sorted({s.pages for s in sizes})
    if len(counts) < 2:
        return ["(One size only: nothing to compare.)"]
    rows = ["| page | from N | to N | HTML growth | within 10%? |", "|---|---:|---:|---:|---|"]
    for small, large in itertools.pairwise(counts):
        for before in (s for s in sizes if s.pages == small):
            after = next((s for s in sizes if s.pages == large and s.url == before.url), None)
            if after is None:
                continue
            growth = after.raw_bytes / before.raw_bytes - 1
            bounded = before.name in BOUNDED
            verdict = ("yes" if growth <= GOAL_GROWTH else "**no**") if bounded else "(a listing)"
            rows.append(f"| {before.name} | {small} | {large} | {growth:+.1%} | {verdict} |")
    return rows


def report_lines(sizes: list[PageSize]) -> list[str]:
    """The tables: sizes, then growth from each size to the next."""
    return [
        "Built HTML of each page, as written and gzip level 6; 'pages' is the number of "
        "generated pages (the project's own pages come on top).",
        "",
        *sizes_table(sizes),
        "",
        "Growth of each page's HTML from one size to the next:",
        "",
        *growth_rows(sizes),
    ]


def report(sizes: list[PageSize], command: str) -> str:
    lines = ["# Page size benchmark", "", f"Command: `{command}`", "", *report_lines(sizes)]
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--corpus", choices=KINDS, default=KINDS[0], help="which pages")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--json", type=Path, help="write the raw measurements to this file")
    parser.add_argument("--workdir", type=Path, help="keep corpora here (default: temporary)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    args = parse_args(argv)
    command = " ".join(["python benchmarks/pagesize.py", *argv])
    with tempfile.TemporaryDirectory(prefix="pagesize-") as temporary:
        workdir = args.workdir or Path(temporary)
        sizes = [size for count in args.pages for size in measure(workdir, count, args.corpus)]
    text = report(sizes, command)
    sys.stdout.write(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps([asdict(s) for s in sizes], indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
