"""Publish one version of the site to the gh-pages branch with mike.

Usage, from the repository root: ``python -m healthsite.publishing.publish [--ref REF]``
(the ref defaults to ``GITHUB_REF``). The deploy workflow runs this; the tests
run it against a local bare repository standing in for GitHub.

Steps: fetch the history of the commit published (if the checkout is
shallow; it dates out-of-date translations), fetch gh-pages, ``mike deploy``,
remove the releases beyond the newest
``extra.publishing.browsable_releases`` (healthsite/publishing/retention.py),
then keep the site root whole (the redirect to ``latest`` and a 404 page),
then one ``git push``, refused if the published tree would be above
``extra.publishing.max_published_mb`` (all again on top, if a pull request
preview was pushed meanwhile: healthsite/publishing/ghpages.py).
"""

from __future__ import annotations

import argparse
import base64
import datetime
import logging
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from mike import commands, git_utils

from healthsite.publishing import ghpages, retention
from healthsite.publishing.settings import PublishingSettings, SettingsError, read_settings
from healthsite.publishing.treesize import PublishedTreeTooLargeError
from healthsite.publishing.versioning import (
    LATEST_ALIAS,
    PublishTarget,
    UnpublishableRefError,
    newer_release_deployed,
    target_for_ref,
)

log = logging.getLogger("healthsite.publishing.publish")

BRANCH = ghpages.BRANCH
REMOTE = ghpages.REMOTE
# GitHub Pages serves the branch root's 404.html for any missing page,
# including a page that an older version had and latest no longer has.
ROOT_404 = "404.html"


def tool_env() -> dict[str, str]:
    """Environment for git and mike: this interpreter's tools, and auth if set.

    mike runs ``mkdocs`` from PATH, so the bin folder of the Python running
    this script goes first. In the workflow, checkout keeps no credentials
    (persist-credentials: false); the token reaches git only here, as an
    HTTP header in environment-only git config (GIT_CONFIG_*), so it is never
    written to .git/config where later steps or artifacts could read it.
    """
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    token = env.pop("GITHUB_TOKEN", "")
    if token:
        basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
        index = int(env.get("GIT_CONFIG_COUNT", "0"))
        env[f"GIT_CONFIG_KEY_{index}"] = "http.https://github.com/.extraheader"
        env[f"GIT_CONFIG_VALUE_{index}"] = f"AUTHORIZATION: basic {basic}"
        env["GIT_CONFIG_COUNT"] = str(index + 1)
    return env


def _reset_to_remote(remote_exists: bool) -> None:
    """Start from the remote gh-pages, dropping unpushed local commits."""
    if remote_exists:
        git_utils.update_ref(BRANCH, git_utils.get_latest_commit(ghpages.REMOTE_REF))
    elif git_utils.has_branch(BRANCH):
        git_utils.delete_branch(BRANCH)


def _keep_root_404() -> None:
    """Copy latest's 404 page to the branch root (mike only writes index.html there)."""
    page = git_utils.read_file(BRANCH, f"{LATEST_ALIAS}/{ROOT_404}")
    try:
        with git_utils.Commit(BRANCH, f"Root {ROOT_404} from {LATEST_ALIAS}") as commit:
            commit.add_file(git_utils.FileInfo(ROOT_404, page))
    except git_utils.GitEmptyCommit:
        log.info("root %s already matches %s", ROOT_404, LATEST_ALIAS)


def _keep_root_redirect() -> None:
    """The root index.html redirects to latest (what ``mike set-default latest`` does)."""
    try:
        commands.set_default(LATEST_ALIAS, branch=BRANCH)
    except git_utils.GitEmptyCommit:
        log.info("root index.html already redirects to %s", LATEST_ALIAS)


def publish(target: PublishTarget, config_file: Path) -> None:
    """Deploy ``target`` with mike, keep the branch root whole, push once.

    If gh-pages moved on meanwhile (a pull request preview was pushed), the
    push is refused and the whole deploy is made again on the new tip.
    """
    env = tool_env()
    settings = read_settings(config_file)
    fetch_history(env)
    for attempt in range(1, ghpages.ATTEMPTS + 1):
        # Always from the remote tip: a local gh-pages left from an earlier
        # run (or this run's refused attempt) is not what is published, and
        # once previews move the remote on, a shallow fetch cannot relate them.
        _reset_to_remote(ghpages.fetch(env))
        _deploy(target, config_file, env, settings)
        if ghpages.push(f"refs/heads/{BRANCH}", env, settings.max_published_bytes):
            return
        log.warning("attempt %d of %d: deploying again on top", attempt, ghpages.ATTEMPTS)
    raise ghpages.BranchKeptMovingError(
        f"{BRANCH} moved on before each of {ghpages.ATTEMPTS} pushes"
    )


def fetch_history(env: dict[str, str]) -> None:
    """The whole history of the commit being published, if the checkout is shallow.

    The build dates each out-of-date translation from the English page's
    history (healthsite/translations/): without it, readers of the published
    site would see that the English page changed, but not when. Only this
    commit's ancestry is fetched, before gh-pages (which stays shallow). If
    the fetch fails, the site is still published, with undated notices.
    """
    shallow = subprocess.run(
        ["git", "rev-parse", "--is-shallow-repository"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if shallow.stdout.strip() != "true":
        return
    head = git_utils.get_latest_commit("HEAD")
    fetched = subprocess.run(
        ["git", "fetch", "--quiet", "--no-tags", "--unshallow", REMOTE, head],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if fetched.returncode != 0:
        log.warning(
            "could not fetch the history of %s (%s): out-of-date translations will show no date",
            head[:7],
            fetched.stderr.strip(),
        )


def _deploy(
    target: PublishTarget, config_file: Path, env: dict[str, str], settings: PublishingSettings
) -> None:
    """``mike deploy`` on the local gh-pages, older releases removed, then the
    root redirect and 404 page."""
    aliases = list(target.aliases)
    deployed = [str(info.version) for info in commands.list_versions(f"{REMOTE}/{BRANCH}")]
    newer = newer_release_deployed(target, deployed)
    if newer and LATEST_ALIAS in aliases:
        log.warning(
            "%s is older than the published %s: deploying it without the %s alias",
            target.version,
            newer,
            LATEST_ALIAS,
        )
        aliases.remove(LATEST_ALIAS)
    # The one mike command run as a program: it builds the site with mkdocs.
    # The rest is mike's library, saving a config load (~2 s) per step.
    ghpages.run(
        [
            "mike",
            "deploy",
            "--config-file",
            str(config_file),
            "--update-aliases",
            "--title",
            target.title,
            target.version,
            *aliases,
        ],
        env,
    )
    today = datetime.datetime.now(datetime.UTC).date()
    retention.retire(BRANCH, settings.browsable_releases, today)
    if commands.list_versions(BRANCH).find(LATEST_ALIAS):
        _keep_root_redirect()
        _keep_root_404()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--ref",
        default=os.environ.get("GITHUB_REF", ""),
        help="git ref to publish, e.g. refs/tags/v1.2 (default: $GITHUB_REF)",
    )
    parser.add_argument(
        "--config-file",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the site's MkDocs configuration (default: mkdocs.yml)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="publish: %(message)s")
    try:
        target = target_for_ref(args.ref)
    except UnpublishableRefError as error:
        log.error("%s", error)
        return 2
    try:
        publish(target, args.config_file.resolve())
    except SettingsError as error:
        log.error("%s", error)
        return 2
    except PublishedTreeTooLargeError as error:
        log.error("refused: %s", error)
        return 1
    except subprocess.CalledProcessError as error:
        command = " ".join(error.cmd)
        log.error("'%s' failed (exit %s); see its output above", command, error.returncode)
        return 1
    except (git_utils.GitError, ghpages.BranchKeptMovingError) as error:
        log.error("updating the %s branch failed: %s", BRANCH, error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
