"""A reader's first visit to pages of a built site: what the browser fetches, gzip.

    .venv/bin/python -m benchmarks.first_visit SITE_DIR conditions/crps/ es/conditions/crps/

Serves ``SITE_DIR`` (for example the project build that ``benchmarks/build.py
--workdir DIR`` keeps in ``DIR/nN/s-b``, both languages) on 127.0.0.1, opens
each page in Debian's headless Chromium with a cold cache and a phone viewport,
as ``benchmarks/reader.py`` does, and reports every request of the load with
its body gzip-compressed at level 6 (what GitHub Pages sends), against the
100 KB goal. No search is typed: the reader benchmark times that.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.reader import GOAL_KB, first_visit
from tests.browser import CHROMIUM, CHROMIUM_ARGS, missing_chromium, serve


def report_line(path: str, gzip_bytes: int, requests: int) -> str:
    """One Markdown table row: the page, its weight, requests and the goal's verdict."""
    verdict = "met" if gzip_bytes <= GOAL_KB * 1000 else "**not met**"
    return f"| `{path}` | {gzip_bytes / 1000:,.1f} KB | {requests} | {verdict} |"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="a built site")
    parser.add_argument("pages", nargs="+", help="pages, e.g. es/conditions/crps/")
    arguments = parser.parse_args(argv)
    problem = missing_chromium()
    if problem:
        sys.stderr.write(problem + "\n")
        return 2
    lines = [
        f"| page | first visit (gzip) | requests | at most {GOAL_KB} KB |",
        "|---|---:|---:|---|",
    ]
    with sync_playwright() as playwright, serve(arguments.site_dir) as server:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in arguments.pages:
            weight = first_visit(browser, server, path)
            lines.append(report_line(path, weight.gzip_bytes, weight.requests))
        browser.close()
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
