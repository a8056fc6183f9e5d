"""A zipped copy of a published release, for its GitHub release.

Only the newest releases stay on the site (healthsite/publishing/retention.py);
every release stays obtainable as this zip, attached to the GitHub release of
its tag by the deploy workflow. The zip holds the version's folder of
gh-pages exactly as it was published.

Usage, after ``python -m healthsite.publishing.publish`` in the same checkout::

    python -m healthsite.publishing.archive [--ref REF] --out DIR

For a release tag it writes ``DIR/crps-info-X.Y.zip`` and, in GitHub Actions,
the step outputs ``tag`` and ``zip``; for ``dev`` it writes nothing.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from healthsite.publishing.ghpages import BRANCH
from healthsite.publishing.preview import write_output
from healthsite.publishing.versioning import UnpublishableRefError, target_for_ref

log = logging.getLogger("healthsite.publishing.archive")

NAME = "crps-info"


def on_branch(version: str) -> bool:
    """Whether the local gh-pages holds ``version``'s folder."""
    found = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{BRANCH}:{version}"],
        capture_output=True,
        check=False,
    )
    return found.returncode == 0


def archive(version: str, out: Path) -> Path:
    """Zip ``version``'s folder of the local gh-pages into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    zipped = out / f"{NAME}-{version}.zip"
    subprocess.run(
        [
            "git",
            "archive",
            "--format=zip",
            f"--prefix={NAME}-{version}/",
            f"--output={zipped}",
            f"{BRANCH}:{version}",
        ],
        check=True,
    )
    return zipped


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default=os.environ.get("GITHUB_REF", ""))
    parser.add_argument("--out", type=Path, required=True, help="folder for the zip")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="archive: %(message)s")
    try:
        target = target_for_ref(args.ref)
    except UnpublishableRefError as error:
        log.error("%s", error)
        return 2
    if not target.is_release:
        log.info("%s is not a release: no zip", target.version)
        return 0
    if not on_branch(target.version):
        # A re-run of an older tag's deploy: the release is older than the
        # browsable ones and was removed again; its zip is on its release.
        log.info("%s is not on %s: no zip", target.version, BRANCH)
        return 0
    zipped = archive(target.version, args.out)
    log.info("%s", zipped)
    write_output("tag", f"v{target.version}")
    write_output("zip", str(zipped))
    return 0


if __name__ == "__main__":
    sys.exit(main())
