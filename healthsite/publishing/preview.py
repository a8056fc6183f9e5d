"""Previews of pull requests on GitHub Pages, beside the published versions.

A pull request from a branch of this repository gets its built site at
``pr-preview/pr-<N>/`` on the gh-pages branch, so at
``<site_url>pr-preview/pr-<N>/``. That folder is outside mike's versions and
``versions.json``; nothing else on the branch is touched. Each push replaces
the preview; closing the pull request removes it. With ``--pages-from`` (the
workflow's preview.json) a preview holds only the pages the pull request
changes, so it does not copy the whole library; a link to another page leads
to the site's 404 page, which sends the reader to that page in ``latest``
(overrides/404.html). At most ``extra.publishing.live_previews`` previews stay
on the site: the one pushed least recently makes room.

The site is built for a preview with ``HEALTHSITE_PREVIEW_PR=<N>``: every page
then says it is a proposed change, not published guidance, and asks search
engines not to index it (overrides/main.html), and canonical links point at
the published site. A robots.txt would not help: crawlers read it only at the
root of a host, and this site lives below one (…github.io/site/).

Usage, from the repository root (the pull request workflows run these; the
comment on the pull request is written by healthsite/publishing/prcomment.py
and posted with gh)::

    python -m healthsite.publishing.preview deploy --pr N --site-dir site [--pages-from FILE]
    python -m healthsite.publishing.preview remove --pr N
"""

from __future__ import annotations

import argparse
import datetime
import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urljoin

from mike import git_utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from healthsite.publishing import ghpages
from healthsite.publishing.previewinfo import InfoError, PreviewInfo, read_info
from healthsite.publishing.publish import tool_env
from healthsite.publishing.settings import PublishingSettings, SettingsError, read_settings
from healthsite.publishing.treesize import PublishedTreeTooLargeError
from healthsite.publishing.versioning import LATEST_ALIAS

log = logging.getLogger("healthsite.publishing.preview")

PREVIEW_ROOT = "pr-preview"
PREVIEW_VARIABLE = "HEALTHSITE_PREVIEW_PR"
# mkdocs.yml: extra.preview_pull_request: !ENV [HEALTHSITE_PREVIEW_PR, ""]
CONFIG_KEY = "preview_pull_request"
# When each preview was last deployed, so the oldest can be removed first.
PREVIEW_INDEX = f"{PREVIEW_ROOT}/previews.json"
# A preview's pages are not for search engines: no sitemap lists them.
LEFT_OUT = frozenset({"sitemap.xml", "sitemap.xml.gz"})
# A preview of some pages has neither search (Pagefind's index covers every
# page) nor the library's data feed (one entry per page, 4 KB each): both grow
# with the library and are no part of reviewing the changed pages.
EVERY_PAGE_FILES = ("pagefind/", "api/")
NOT_FOUND_PAGE = "404.html"


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


def published_pages(info: PreviewInfo) -> frozenset[str] | None:
    """The pages a preview holds (URL paths, "" for home), or None for every page.

    Only the pages the pull request changes, and the preview's home page (the
    comment's "Open the preview" link): a link to any other page leads to the
    site's 404 page, which sends the reader to that page in ``latest``. A pull
    request that changes what every page is built from gets every page.
    """
    if info.every_page:
        return None
    return frozenset({"", *(page.path for page in info.pages if page.title is not None)})


def kept_in_preview(path: str, pages: frozenset[str] | None) -> bool:
    """Whether a file of the built site (its path in the site) goes into the preview."""
    if path in LEFT_OUT:
        return False
    if pages is None:
        return True
    if path.startswith(EVERY_PAGE_FILES):
        return False
    if not path.endswith(".html"):
        return True  # the stylesheets, scripts and images the pages need
    return path == NOT_FOUND_PAGE or path.removesuffix("index.html") in pages


def _site_files(
    site_dir: Path, destination: str, pages: frozenset[str] | None
) -> list[git_utils.FileInfo]:
    """The built site's files that the preview holds, placed under ``destination``."""
    return [
        info.copy(destination, str(site_dir))
        for info in git_utils.walk_real_files(str(site_dir))
        if kept_in_preview(Path(info.path).relative_to(site_dir).as_posix(), pages)
    ]


def live_previews(branch: str) -> dict[int, str]:
    """The previews on ``branch``, each with when it was last deployed (UTC, ISO 8601).

    A preview deployed before the index existed has no time: it counts as the oldest.
    """
    try:
        listing = git_utils.read_file(branch, PREVIEW_INDEX, universal_newlines=True)
        deployed: dict[str, str] = json.loads(listing)
    except git_utils.GitError:
        deployed = {}
    folders = subprocess.run(
        ["git", "ls-tree", "--name-only", f"{branch}:{PREVIEW_ROOT}"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    numbers = [int(name[3:]) for name in folders if re.fullmatch(r"pr-[0-9]+", name)]
    return {number: deployed.get(str(number), "") for number in numbers}


def oldest_beyond(live: dict[int, str], keep: int, current: int) -> list[int]:
    """The previews to remove so that at most ``keep`` stay, ``current`` among them."""
    others = sorted((when, number) for number, when in live.items() if number != current)
    return [number for _, number in others[: max(0, len(others) + 1 - keep)]]


def _index_file(live: dict[int, str]) -> git_utils.FileInfo:
    data = {str(number): when for number, when in sorted(live.items())}
    return git_utils.FileInfo(PREVIEW_INDEX, json.dumps(data, indent=2) + "\n")


def deploy(
    number: int,
    site_dir: Path,
    env: dict[str, str],
    settings: PublishingSettings,
    pages: frozenset[str] | None = None,
) -> list[int]:
    """Put the built site at pr-preview/pr-<N>/, replacing any earlier preview.

    With ``pages``, only those pages (``published_pages``). At most
    ``settings.live_previews`` previews stay: the ones deployed least recently
    are removed. Returns the pull requests whose previews were removed.
    """
    destination = preview_folder(number)
    files = _site_files(site_dir, destination, pages)
    if not any(Path(info.path).name == "index.html" for info in files):
        raise FileNotFoundError(f"{site_dir}: no built site here (no index.html)")
    evicted: list[int] = []

    def change(commit: git_utils.Commit) -> None:
        live = live_previews(ghpages.WORK_BRANCH)
        evicted[:] = oldest_beyond(live, settings.live_previews, number)
        commit.delete_files([destination, *map(preview_folder, evicted)])
        for info in files:
            commit.add_file(info)
        now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        kept = {n: when for n, when in live.items() if n not in evicted}
        commit.add_file(_index_file({**kept, number: now}))

    if ghpages.update(
        f"Preview of pull request #{number}", change, env, settings.max_published_bytes
    ):
        shown = "every page" if pages is None else f"{len(pages)} pages"
        log.info("preview of #%d is at %s/ (%s)", number, destination, shown)
    for old in evicted:
        log.info(
            "removed the preview of #%d, the least recently pushed: at most %d previews "
            "stay on the site (extra.publishing.live_previews)",
            old,
            settings.live_previews,
        )
    return evicted


def remove(number: int, env: dict[str, str], settings: PublishingSettings) -> bool:
    """Delete pr-preview/pr-<N>/; False if there was none."""
    destination = preview_folder(number)

    def change(commit: git_utils.Commit) -> None:
        live = live_previews(ghpages.WORK_BRANCH)
        commit.delete_files([destination])
        if number in live:
            commit.add_file(_index_file({n: when for n, when in live.items() if n != number}))

    removed = ghpages.update(
        f"Remove the preview of pull request #{number}", change, env, settings.max_published_bytes
    )
    log.info("%s: %s", destination, "removed" if removed else "there was no preview to remove")
    return removed


def write_output(name: str, value: str) -> None:
    """A step output for the workflow (``GITHUB_OUTPUT``), when there is one."""
    output = os.environ.get("GITHUB_OUTPUT", "")
    if output:
        with Path(output).open("a", encoding="utf-8") as opened:
            opened.write(f"{name}={value}\n")


# --- Command line ----------------------------------------------------------------


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m healthsite.publishing.preview", description=__doc__.splitlines()[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    deploy_command = commands.add_parser("deploy", help="publish the built site as a preview")
    deploy_command.add_argument("--pr", type=int, required=True, help="pull request number")
    deploy_command.add_argument("--site-dir", type=Path, default=Path("site"))
    deploy_command.add_argument(
        "--pages-from",
        type=Path,
        help="preview.json (prcomment describe): publish only the pages it lists",
    )
    remove_command = commands.add_parser("remove", help="delete a pull request's preview")
    remove_command.add_argument("--pr", type=int, required=True, help="pull request number")
    for command in (deploy_command, remove_command):
        command.add_argument(
            "--config-file",
            type=Path,
            default=Path("mkdocs.yml"),
            help="where extra.publishing is read (default: mkdocs.yml)",
        )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _arguments(argv)
    logging.basicConfig(level=logging.INFO, format="preview: %(message)s")
    env = tool_env()
    try:
        settings = read_settings(arguments.config_file)
        if arguments.command == "deploy":
            pages = (
                published_pages(read_info(arguments.pages_from)) if arguments.pages_from else None
            )
            evicted = deploy(arguments.pr, arguments.site_dir, env, settings, pages)
            write_output("removed", " ".join(map(str, evicted)))
        else:
            remove(arguments.pr, env, settings)
    except (FileNotFoundError, SettingsError, InfoError) as error:
        log.error("%s", error)
        return 2
    except PublishedTreeTooLargeError as error:
        log.error("refused: %s", error)
        return 1
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
