"""The pull request's preview comment: changed pages, links, and how the workflows post it.

The workflows post it with GitHub's CLI (`gh pr comment --edit-last`). Their
steps' scripts run here as written, with a stand-in `gh` on the PATH that keeps
the pull request's comments in a file, so the real commands of the real
workflows are run and what they leave on the pull request is checked.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from healthsite.publishing.prcomment import (
    MARKER,
    ChangedPage,
    PreviewInfo,
    StaleTranslation,
    comment_body,
    describe,
    main,
    our_comment,
    plain,
    stale_translations,
)
from tests.sitebuild import ROOT, Build
from tests.test_translations import current_print, spanish
from tests.translationrepo import ENGLISH, Project
from tests.workflowstep import run_script, workflow_step

SITE_URL = "https://crps-info.github.io/site/"
PREVIEW = f"{SITE_URL}pr-preview/pr-7/"
HEAD = "0123456789abcdef0123456789abcdef01234567"
CRPS_TITLE = "Complex regional pain syndrome (CRPS)"


# --- What the comment says ------------------------------------------------------


def test_describe_lists_changed_pages_with_titles_and_removed_ones(built_site: Build) -> None:
    changed = ["docs/conditions/crps.md", "docs/conditions/withdrawn.md", "README.md"]
    info = describe(7, changed, built_site.site_dir)
    assert info == PreviewInfo(
        pull_request=7,
        every_page=False,
        pages=[
            ChangedPage(
                path="conditions/crps/", source="docs/conditions/crps.md", title=CRPS_TITLE
            ),
            ChangedPage(
                path="conditions/withdrawn/", source="docs/conditions/withdrawn.md", title=None
            ),
        ],
    )
    assert describe(7, ["data/sources.yml"], built_site.site_dir).every_page


def test_comment_links_the_preview_and_each_changed_page() -> None:
    info = PreviewInfo(
        pull_request=7,
        every_page=True,
        pages=[
            ChangedPage(
                path="conditions/crps/", source="docs/conditions/crps.md", title=CRPS_TITLE
            ),
            ChangedPage(path="old/", source="docs/old.md", title=None),
        ],
    )
    body = comment_body(info, SITE_URL, HEAD, fork=False)
    assert body.startswith(MARKER + "\n### Preview of this pull request\n")
    assert f"**Open the preview:** {PREVIEW}\n" in body
    assert (
        f"- [Complex regional pain syndrome \\(CRPS\\)]({PREVIEW}conditions/crps/) "
        "(`docs/conditions/crps.md`)\n"
    ) in body
    assert "- `docs/old.md`: removed by this pull request\n" in body
    assert "It also changes what every page is built from" in body
    assert "It is a proposed change, not published guidance" in body
    assert "Built from 0123456." in body


def test_fork_comment_says_how_to_view_the_artifact() -> None:
    info = PreviewInfo(
        pull_request=7,
        every_page=False,
        pages=[ChangedPage(path="", source="docs/index.md", title="Home")],
    )
    run = "https://github.com/crps-info/site/actions/runs/42"
    body = comment_body(info, SITE_URL, HEAD, fork=True, run_url=run)
    assert "pr-preview" not in body
    assert f"1. Open [the checks of this pull request]({run}) and download the **site**" in body
    assert "run `python3 -m http.server 8000`" in body
    assert "- [Home](http://127.0.0.1:8000/) (`docs/index.md`)" in body


def test_comment_names_the_translations_the_pull_request_makes_stale() -> None:
    info = PreviewInfo(
        pull_request=7,
        every_page=False,
        pages=[ChangedPage(path="a/", source="docs/a.md", title="A")],
        stale_translations=[StaleTranslation(spanish="docs/a.es.md", english="docs/a.md")],
    )
    for fork in (False, True):
        body = comment_body(info, SITE_URL, HEAD, fork=fork, run_url="https://run")
        assert "Spanish translations this pull request makes out of date" in body
        assert "- `docs/a.es.md` (translates `docs/a.md`)\n" in body
    info.stale_translations = []
    assert "Spanish translations" not in comment_body(info, SITE_URL, HEAD, fork=False)


def test_stale_translations_are_those_current_at_the_base(tmp_path: Path) -> None:
    repo = Project(tmp_path / "site")
    repo.write("docs/old.md", ENGLISH)
    repo.commit("2026-01-01")
    repo.write("docs/page.es.md", spanish(current_print(repo)))
    repo.write("docs/old.es.md", spanish(current_print(repo, "docs/old.md")))
    repo.commit("2026-01-02")
    repo.write("docs/old.md", ENGLISH + "\nStale before the pull request.\n")
    repo.commit("2026-01-03")
    base = repo.git("rev-parse", "HEAD").strip()
    repo.write("docs/page.md", ENGLISH + "\nChanged by the pull request.\n")
    repo.write("docs/old.md", ENGLISH + "\nChanged again.\n")
    repo.commit("2026-02-01")
    assert stale_translations(repo.root, base) == [
        StaleTranslation(spanish="docs/page.es.md", english="docs/page.md")
    ]


def test_text_from_a_forks_build_cannot_add_links_markup_or_mentions() -> None:
    title = "Pain](https://evil.example) <img src=x> @everyone `code`"
    shown = plain(title)
    # Every character Markdown or HTML would read as markup is escaped.
    assert re.findall(r"(?<!\\)[\[\]()<>`]", shown) == []
    assert shown.startswith("Pain\\]\\(https")
    assert "@everyone" not in shown


@pytest.mark.parametrize(
    "change",
    [
        {"pull_request": -1},
        {"extra": "field"},
        {"pages": [{"path": "../../evil/", "source": "docs/a.md", "title": "A"}]},
        {"pages": [{"path": "a/", "source": "https://evil.example/a.md", "title": "A"}]},
        {"stale_translations": [{"spanish": "docs/a`@x`.es.md", "english": "docs/a.md"}]},
    ],
    ids=["negative-number", "extra-field", "path-outside", "source-not-a-page", "odd-translation"],
)
def test_a_tampered_description_is_refused(
    tmp_path: Path,
    change: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """In-process; the command, as the fork's workflow runs it, is the test below."""
    args = _tampered(tmp_path, change)
    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.ERROR, logger="healthsite.publishing.prcomment"):
        assert main(args) == 2
    assert "preview.json: not a preview description" in caplog.text
    assert not (tmp_path / "c.md").exists()


def test_the_command_refuses_a_tampered_description_without_a_traceback(
    tmp_path: Path,
) -> None:
    result = _prcomment(_tampered(tmp_path, {"pull_request": -1}), tmp_path, {})
    assert result.returncode == 2
    assert "prcomment: preview.json: not a preview description" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "c.md").exists()


def _tampered(folder: Path, change: dict[str, Any]) -> list[str]:
    """A preview description with ``change`` made, in ``folder``; the arguments of
    the fork workflow's ``body`` command that reads it."""
    info = {"pull_request": 7, "every_page": False, "pages": [], **change}
    (folder / "preview.json").write_text(json.dumps(info))
    return ["body", "--info", "preview.json", "--head-sha", HEAD, "--fork", "--out", "c.md"]


# --- The workflows' steps, with a stand-in for GitHub's CLI ----------------------

FAKE_GH = """#!{python}
# Stands in for GitHub's CLI (gh): keeps pull request 7's comments in a JSON
# file, records each call, and edits or adds comments as `gh pr comment` does.
import json, os, sys

state_file = os.environ["FAKE_GH_STATE"]
with open(state_file) as opened:
    state = json.load(opened)
args = sys.argv[1:]
state["calls"].append(args)
bot = {{"login": "github-actions"}}  # the job token's login, as gh's GraphQL names it
status = 0
if args[:2] == ["pr", "view"] and "headRefOid" in args:
    print(state["head_sha"])
elif args[:2] == ["pr", "view"]:
    print(json.dumps({{"comments": state["comments"]}}))
elif args[:2] == ["pr", "comment"]:
    with open(args[args.index("--body-file") + 1]) as opened:
        body = opened.read()
    mine = [c for c in state["comments"] if c["author"] == bot]
    if "--edit-last" in args and mine:
        mine[-1]["body"] = body
    elif "--edit-last" in args and "--create-if-none" not in args:
        print("no comments found for current user", file=sys.stderr)
        status = 1
    else:
        state["comments"].append({{"author": bot, "body": body}})
with open(state_file, "w") as opened:
    json.dump(state, opened)
sys.exit(status)
"""


@dataclass
class FakeGh:
    """Pull request 7 as the stand-in gh sees it, and every call made to it."""

    state_file: Path
    bin_dir: Path

    @property
    def state(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.state_file.read_text())
        return loaded

    def set(self, **values: Any) -> None:
        self.state_file.write_text(json.dumps({**self.state, **values}))

    @property
    def comments(self) -> list[dict[str, Any]]:
        return list(self.state["comments"])

    def calls(self, verb: str) -> list[list[str]]:
        return [call for call in self.state["calls"] if call[:2] == ["pr", verb]]


@pytest.fixture
def gh(tmp_path: Path) -> FakeGh:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH.format(python=sys.executable))
    (bin_dir / "gh").chmod(0o755)
    # The workflow's `python`: this one, with the project's dependencies.
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec {sys.executable} "$@"\n')
    (bin_dir / "python").chmod(0o755)
    state = FakeGh(tmp_path / "gh-state.json", bin_dir)
    state.state_file.write_text(json.dumps({"comments": [], "calls": [], "head_sha": HEAD}))
    return state


def _prcomment(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "healthsite.publishing.prcomment", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def described_once(tmp_path_factory: pytest.TempPathFactory, built_site: Build) -> Path:
    """The describe step, as the build job runs it, and the project's mkdocs.yml."""
    folder = tmp_path_factory.mktemp("described")
    (folder / "changed.txt").write_text("docs/conditions/crps.md\n")
    (folder / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text())
    args = ["describe", "--pr", "7", "--changed-from", "changed.txt", "--out", "preview-info"]
    result = _prcomment([*args, "--site-dir", str(built_site.site_dir)], folder, {})
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def described(described_once: Path, tmp_path: Path) -> Path:
    """What the describe step left, copied for a test whose steps write beside it."""
    shutil.copytree(described_once, tmp_path, dirs_exist_ok=True)
    return tmp_path


# The values GitHub would put in each step's `env:` (its ${{ }} expressions).
EVENT = {
    "GH_TOKEN": "test-token",
    "GH_REPO": "owner/repo",
    "PR_NUMBER": "7",
    "HEAD_SHA": HEAD,
    "RUN_URL": "https://github.com/owner/repo/actions/runs/42",
    "REMOVED": "7",
}


def run_step(workflow: str, job: str, name: str, cwd: Path, gh: FakeGh) -> CompletedStep:
    """Run one step's script from a workflow file, with the stand-in gh, in ``cwd``."""
    step = workflow_step(workflow, job, lambda step: step.get("name") == name)
    env = {key: EVENT[key] for key in step["env"]}
    result = run_script(
        step["run"],
        cwd,
        {
            "PATH": f"{gh.bin_dir}:/usr/bin:/bin",
            "PYTHONPATH": str(ROOT),
            "NO_MKDOCS_2_WARNING": "1",
            "FAKE_GH_STATE": str(gh.state_file),
            **env,
        },
    )
    return CompletedStep(result.returncode, result.stdout + result.stderr)


@dataclass(frozen=True)
class CompletedStep:
    returncode: int
    output: str


def comment_on_preview(cwd: Path, gh: FakeGh) -> CompletedStep:
    step = "Add or update the comment linking to the changed pages"
    return run_step("pull-request.yml", "preview", step, cwd, gh)


def test_the_comment_is_added_once_then_updated(described: Path, gh: FakeGh) -> None:
    # Someone else's comment that copies the marker is never edited.
    mallory = {"author": {"login": "mallory"}, "body": MARKER + " hi"}
    gh.set(comments=[mallory])
    first = comment_on_preview(described, gh)
    assert first.returncode == 0, first.output
    second = comment_on_preview(described, gh)
    assert second.returncode == 0, second.output
    assert [call[2:] for call in gh.calls("comment")] == [
        ["7", "--body-file", "comment.md", "--edit-last", "--create-if-none"]
    ] * 2
    theirs, ours = gh.comments
    assert theirs == mallory
    assert ours["body"].startswith(MARKER + "\n### Preview of this pull request\n")
    assert f"**Open the preview:** {PREVIEW}" in ours["body"]
    assert f"[{plain(CRPS_TITLE)}]({PREVIEW}conditions/crps/)" in ours["body"]


def comment_for_fork(cwd: Path, gh: FakeGh) -> CompletedStep:
    step = "Add or update the comment"
    return run_step("pr-preview-fork-comment.yml", "comment", step, cwd, gh)


def test_fork_comment_only_for_the_commit_that_was_built(described: Path, gh: FakeGh) -> None:
    gh.set(head_sha="f" * 40)  # the fork's pull request is at another commit
    refused = comment_for_fork(described, gh)
    assert refused.returncode == 1
    assert (
        "::error::pull request #7 is at fffffff, not at the commit built (0123456); "
        "not commenting" in refused.output
    )
    assert gh.comments == []
    assert gh.calls("comment") == []
    gh.set(head_sha=HEAD)
    done = comment_for_fork(described, gh)
    assert done.returncode == 0, done.output
    [ours] = gh.comments
    assert "download the **site** artifact" in ours["body"]
    assert f"({EVENT['RUN_URL']})" in ours["body"]


def close_pull_request(cwd: Path, gh: FakeGh) -> CompletedStep:
    step = "Say so in the preview comment"
    return run_step("pr-preview-remove.yml", "remove", step, cwd, gh)


def test_closing_updates_the_comment_and_never_adds_one(described: Path, gh: FakeGh) -> None:
    none_yet = close_pull_request(described, gh)
    assert none_yet.returncode == 0, none_yet.output
    assert "no preview comment to update" in none_yet.output
    assert gh.comments == []
    assert gh.calls("comment") == []
    comment_on_preview(described, gh)
    closed = close_pull_request(described, gh)
    assert closed.returncode == 0, closed.output
    [ours] = gh.comments
    assert "The pull request is closed, so its preview has been removed." in ours["body"]
    assert gh.calls("comment")[-1][2:] == ["7", "--body-file", "comment.md", "--edit-last"]


def make_room(cwd: Path, gh: FakeGh) -> CompletedStep:
    step = "Say so on the pull requests whose previews made room"
    return run_step("pull-request.yml", "preview", step, cwd, gh)


def test_a_preview_removed_to_make_room_keeps_its_list_and_says_so(
    described: Path, gh: FakeGh
) -> None:
    comment_on_preview(described, gh)
    [ours] = gh.comments
    assert "At most 5 previews stay on the site at once" in ours["body"]
    done = make_room(described, gh)
    assert done.returncode == 0, done.output
    assert "says its preview was removed to make room" in done.output
    [ours] = gh.comments
    body = ours["body"]
    assert body.startswith(
        MARKER + "\n### Preview of this pull request\n\n"
        "> **This preview has been removed** from the site to make room: at most 5 previews "
        "stay on the site at once, and this one was pushed least recently."
    )
    assert f"[{plain(CRPS_TITLE)}]({PREVIEW}conditions/crps/)" in body  # every page still listed
    make_room(described, gh)
    assert gh.comments[0]["body"] == body  # said once


def test_the_preview_comment_is_the_bots_last_with_the_marker() -> None:
    def comment(login: str, body: str) -> dict[str, Any]:
        return {"author": {"login": login}, "body": body}

    comments = [
        comment("github-actions", MARKER + "\nold"),
        comment("github-actions", MARKER + "\nnew"),
        comment("mallory", MARKER + "\ncopied"),
        comment("github-actions", "another comment of the bot"),
    ]
    assert our_comment(json.dumps({"comments": comments})) == MARKER + "\nnew"
    assert our_comment(json.dumps({"comments": comments[2:]})) is None
