"""``python -m healthsite.links``: check the links of a built site, print a report.

Exit status: 0 no broken links, 1 broken links, 2 the check itself could not run.
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path

from healthsite.annotations import annotate
from healthsite.links.changed import changed_pages
from healthsite.links.check import check_site
from healthsite.links.lychee import LycheeError
from healthsite.links.problems import link_problems
from healthsite.links.report import render
from healthsite.links.settings import SettingsError, load_settings

log = logging.getLogger("healthsite.links")


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m healthsite.links", description=__doc__)
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="the built site")
    parser.add_argument("--project-dir", type=Path, default=Path())
    parser.add_argument("--settings", type=Path, default=Path("linkcheck.toml"))
    parser.add_argument("--lychee-config", type=Path, default=Path("lychee.toml"))
    parser.add_argument(
        "--cache-dir", type=Path, help="where lychee keeps .lycheecache (kept by CI)"
    )
    parser.add_argument("--report", type=Path, help="also write the report to this file")
    parser.add_argument(
        "--changed-from",
        type=Path,
        help="a file listing the files a pull request changed: check only their pages",
    )
    parser.add_argument(
        "--internal-only", action="store_true", help="check only links between our pages"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(format="%(message)s", level=logging.INFO)
    arguments = _arguments(argv)
    try:
        settings = load_settings(arguments.settings, str(arguments.settings))
    except SettingsError as error:
        log.error("%s", error)
        return 2
    pages = None
    if arguments.changed_from:
        changed = arguments.changed_from.read_text(encoding="utf-8").split()
        pages = changed_pages(changed)
        log.info("Pages changed: %s", "all" if pages is None else ", ".join(pages) or "none")
    try:
        outcome = check_site(
            arguments.site_dir,
            settings,
            arguments.lychee_config,
            cache_dir=arguments.cache_dir,
            pages=pages,
            internal_only=arguments.internal_only,
        )
    except LycheeError as error:
        log.error("%s", error)
        return 2
    report = render(outcome, arguments.project_dir, datetime.now(UTC))
    sys.stdout.write(report)
    if arguments.report:
        arguments.report.write_text(report, encoding="utf-8")
    # In GitHub Actions, each broken link is also marked where it is written.
    annotate(link_problems(outcome, arguments.project_dir), arguments.project_dir)
    return 1 if outcome.failing else 0


if __name__ == "__main__":
    sys.exit(main())
