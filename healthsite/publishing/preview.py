"""Previews of pull requests on GitHub Pages, beside the published versions.

A pull request from a branch of this repository gets its built site at
``pr-preview/pr-<N>/`` on the gh-pages branch, so at
``<site_url>pr-preview/pr-<N>/``. That folder is outside mike's versions and
``versions.json``; nothing else on the branch is touched. Each push replaces
the preview; closing the pull request removes it.

The site is built for a preview with ``HEALTHSITE_PREVIEW_PR=<N>``: every page
then says it is a proposed change, not published guidance, and asks search
engines not to index it (overrides/main.html), and canonical links point at
the published site. A robots.txt would not help: crawlers read it only at the
root of a host, and this site lives below one (…github.io/site/).

Usage, from the repository root (the pull request workflows run these; the
comment on the pull request is healthsite/publishing/prcomment.py's)::

    python -m healthsite.publishing.preview deploy --pr N --site-dir site
    python -m healthsite.publishing.preview remove --pr N
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urljoin

from mike import git_utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from healthsite.publishing import ghpages
from healthsite.publishing.publish import tool_env
from healthsite.publishing.versioning import LATEST_ALIAS

log = logging.getLogger("healthsite.publishing.preview")

PREVIEW_ROOT = "pr-preview"
PREVIEW_VARIABLE = "HEALTHSITE_PREVIEW_PR"
# mkdocs.yml: extra.preview_pull_request: !ENV [HEALTHSITE_PREVIEW_PR, ""]
CONFIG_KEY = "preview_pull_request"
# A preview's pages are not for search engines: no sitemap lists them.
LEFT_OUT = frozenset({"sitemap.xml", "sitemap.xml.gz"})


def preview_folder(number: int) -> str:
    """``7`` -> ``pr-preview/pr-7`` (on the gh-pages branch)."""
    return f"{PREVIEW_ROOT}/pr-{number}"


def preview_url(site_url: str, number: int) -> str:
    """The preview's address: ``https://…/site/`` -> ``https://…/site/pr-preview/pr-7/``."""
    return urljoin(
        site_url if site_url.endswith("/") else f"{site_url}/", f"{preview_folder(number)}/"
    )


# --- The build of a preview (hooks.py, on_config) ------------------------------


def preview_number(config: MkDocsConfig) -> int | None:
    """The pull request this build previews, or None for any other build."""
    value = str(config.extra.get(CONFIG_KEY) or "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise PluginError(
            f"{PREVIEW_VARIABLE}: '{value}' is not a pull request number; set it to the "
            "number, e.g. 7, or unset it"
        )
    return int(value)


def configure_preview(config: MkDocsConfig) -> None:
    """For a preview, canonical links name the published page (mike's `latest`)."""
    if preview_number(config) is not None and config.site_url:
        config.site_url = urljoin(config.site_url, f"{LATEST_ALIAS}/")


# --- gh-pages ----------------------------------------------------------------


def _site_files(site_dir: Path, destination: str) -> list[git_utils.FileInfo]:
    """The built site's files, placed under ``destination``; no sitemap."""
    return [
        info.copy(destination, str(site_dir))
        for info in git_utils.walk_real_files(str(site_dir))
        if Path(info.path).relative_to(site_dir).as_posix() not in LEFT_OUT
    ]


def deploy(number: int, site_dir: Path, env: dict[str, str]) -> None:
    """Put the built site at pr-preview/pr-<N>/, replacing any earlier preview."""
    destination = preview_folder(number)
    files = _site_files(site_dir, destination)
    if not any(Path(info.path).name == "index.html" for info in files):
        raise FileNotFoundError(f"{site_dir}: no built site here (no index.html)")

    def change(commit: git_utils.Commit) -> None:
        commit.delete_files([destination])
        for info in files:
            commit.add_file(info)

    if ghpages.update(f"Preview of pull request #{number}", change, env):
        log.info("preview of #%d is at %s/", number, destination)


def remove(number: int, env: dict[str, str]) -> bool:
    """Delete pr-preview/pr-<N>/; False if there was none."""
    destination = preview_folder(number)

    def change(commit: git_utils.Commit) -> None:
        commit.delete_files([destination])

    removed = ghpages.update(f"Remove the preview of pull request #{number}", change, env)
    log.info("%s: %s", destination, "removed" if removed else "there was no preview to remove")
    return removed


# --- Command line ----------------------------------------------------------------


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m healthsite.publishing.preview", description=__doc__.splitlines()[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    deploy_command = commands.add_parser("deploy", help="publish the built site as a preview")
    deploy_command.add_argument("--pr", type=int, required=True, help="pull request number")
    deploy_command.add_argument("--site-dir", type=Path, default=Path("site"))
    remove_command = commands.add_parser("remove", help="delete a pull request's preview")
    remove_command.add_argument("--pr", type=int, required=True, help="pull request number")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _arguments(argv)
    logging.basicConfig(level=logging.INFO, format="preview: %(message)s")
    env = tool_env()
    try:
        if arguments.command == "deploy":
            deploy(arguments.pr, arguments.site_dir, env)
        else:
            remove(arguments.pr, env)
    except FileNotFoundError as error:
        log.error("%s", error)
        return 2
    except subprocess.CalledProcessError as error:
        log.error(
            "'%s' failed (exit %s); see its output above", " ".join(error.cmd), error.returncode
        )
        return 1
    except (git_utils.GitError, ghpages.BranchKeptMovingError) as error:
        log.error("updating the %s branch failed: %s", ghpages.BRANCH, error)
        return 1
    return 0


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sys.exit(main())
