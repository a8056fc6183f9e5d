"""The pull request's preview comment: changed pages, links, and GitHub's API.

GitHub's REST API is stood in for by a small HTTP server on 127.0.0.1 that
keeps comments in memory, so the real requests of the real command are made.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from healthsite.publishing.prcomment import (
    BOT_LOGIN,
    MARKER,
    ChangedPage,
    PreviewInfo,
    StaleTranslation,
    comment_body,
    describe,
    plain,
    stale_translations,
)
from tests.sitebuild import ROOT, Build
from tests.test_translations import current_print, spanish
from tests.translationrepo import ENGLISH, Project

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
def test_a_tampered_description_is_refused(tmp_path: Path, change: dict[str, Any]) -> None:
    info = {"pull_request": 7, "every_page": False, "pages": [], **change}
    (tmp_path / "preview.json").write_text(json.dumps(info))
    result = _prcomment(
        ["comment", "--info", "preview.json", "--head-sha", HEAD, "--fork"], tmp_path, {}
    )
    assert result.returncode == 2
    assert "prcomment: preview.json: not a preview description" in result.stderr
    assert "Traceback" not in result.stderr


# --- GitHub's API, stood in for ------------------------------------------------------


@dataclass
class FakeGitHub:
    """Comments of pull request 7 in owner/repo, and every request made."""

    head_sha: str = HEAD
    comments: list[dict[str, Any]] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    url: str = ""


def _handler(state: FakeGitHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def _answer(self, status: int, body: object) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> dict[str, Any]:
            length = int(self.headers.get("Content-Length", "0"))
            loaded: dict[str, Any] = json.loads(self.rfile.read(length))
            return loaded

        def _route(self, method: str) -> None:
            state.requests.append((method, self.path))
            if self.headers.get("Authorization") != "Bearer test-token":
                return self._answer(401, {"message": "Bad credentials"})
            path = self.path.split("?")[0]
            if method == "GET" and path == "/repos/owner/repo/pulls/7":
                return self._answer(200, {"head": {"sha": state.head_sha}})
            if method == "GET" and path == "/repos/owner/repo/issues/7/comments":
                return self._answer(200, state.comments)
            if method == "POST" and path == "/repos/owner/repo/issues/7/comments":
                comment = {"id": 100 + len(state.comments), "user": {"login": BOT_LOGIN}}
                state.comments.append({**comment, "body": self._body()["body"]})
                return self._answer(201, state.comments[-1])
            edited = re.fullmatch(r"/repos/owner/repo/issues/comments/(\d+)", path)
            if method == "PATCH" and edited:
                [comment] = [c for c in state.comments if c["id"] == int(edited.group(1))]
                comment["body"] = self._body()["body"]
                return self._answer(200, comment)
            return self._answer(404, {"message": "Not Found"})

        def do_GET(self) -> None:
            self._route("GET")

        def do_POST(self) -> None:
            self._route("POST")

        def do_PATCH(self) -> None:
            self._route("PATCH")

    return Handler


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    state = FakeGitHub()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def _prcomment(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "healthsite.publishing.prcomment", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def described(tmp_path: Path, built_site: Build) -> Path:
    """The describe step, as the build job runs it, and the project's mkdocs.yml."""
    (tmp_path / "changed.txt").write_text("docs/conditions/crps.md\n")
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text())
    args = ["describe", "--pr", "7", "--changed-from", "changed.txt", "--out", "info"]
    result = _prcomment([*args, "--site-dir", str(built_site.site_dir)], tmp_path, {})
    assert result.returncode == 0, result.stderr
    return tmp_path


def _api(github: FakeGitHub) -> dict[str, str]:
    return {
        "GITHUB_API_URL": github.url,
        "GITHUB_REPOSITORY": "owner/repo",
        "GITHUB_TOKEN": "test-token",
    }


def test_the_comment_is_added_once_then_updated(described: Path, github: FakeGitHub) -> None:
    # Someone else's comment that copies the marker is never edited.
    github.comments.append({"id": 1, "user": {"login": "mallory"}, "body": MARKER + " hi"})
    comment = ["comment", "--info", "info/preview.json", "--head-sha", HEAD]
    first = _prcomment(comment, described, _api(github))
    assert first.returncode == 0, first.stderr
    assert "comment on #7 added" in first.stderr
    second = _prcomment(comment, described, _api(github))
    assert "comment on #7 updated" in second.stderr
    mallorys, ours = github.comments
    assert mallorys["body"] == MARKER + " hi"
    assert f"**Open the preview:** {PREVIEW}" in ours["body"]
    assert f"[{plain(CRPS_TITLE)}]({PREVIEW}conditions/crps/)" in ours["body"]
    assert [m for m, _ in github.requests].count("POST") == 1
    assert ("PATCH", "/repos/owner/repo/issues/comments/101") in github.requests


def test_fork_comment_only_for_the_commit_that_was_built(
    described: Path, github: FakeGitHub
) -> None:
    comment = ["comment", "--fork", "--info", "info/preview.json", "--run-url", "https://x/run"]
    github.head_sha = "f" * 40  # the fork's pull request is at another commit
    refused = _prcomment([*comment, "--head-sha", HEAD], described, _api(github))
    assert refused.returncode == 2
    assert "pull request #7 is at fffffff, not at the commit built (0123456); not commenting" in (
        refused.stderr
    )
    assert github.comments == []
    github.head_sha = HEAD
    done = _prcomment([*comment, "--head-sha", HEAD], described, _api(github))
    assert done.returncode == 0, done.stderr
    [ours] = github.comments
    assert "download the **site** artifact" in ours["body"]


def test_closing_updates_the_comment_and_never_adds_one(
    described: Path, github: FakeGitHub
) -> None:
    none_yet = _prcomment(["removed", "--pr", "7"], described, _api(github))
    assert none_yet.returncode == 0, none_yet.stderr
    assert "no comment to update" in none_yet.stderr
    assert github.comments == []
    comment = ["comment", "--info", "info/preview.json", "--head-sha", HEAD]
    _prcomment(comment, described, _api(github))
    _prcomment(["removed", "--pr", "7"], described, _api(github))
    [ours] = github.comments
    assert "The pull request is closed, so its preview has been removed." in ours["body"]


def test_missing_token_is_reported_not_a_traceback(described: Path) -> None:
    comment = ["comment", "--info", "info/preview.json", "--head-sha", HEAD]
    result = _prcomment(comment, described, {"GITHUB_TOKEN": "", "GITHUB_REPOSITORY": ""})
    assert result.returncode == 2
    assert "GITHUB_TOKEN and GITHUB_REPOSITORY not set; the workflow sets them" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_preview_removed_to_make_room_keeps_its_list_and_says_so(
    described: Path, github: FakeGitHub
) -> None:
    comment = ["comment", "--info", "info/preview.json", "--head-sha", HEAD]
    _prcomment(comment, described, _api(github))
    [ours] = github.comments
    assert "At most 5 previews stay on the site at once" in ours["body"]
    evicted = ["removed", "--evicted", "--pr", "7"]
    done = _prcomment(evicted, described, _api(github))
    assert done.returncode == 0, done.stderr
    assert "comment on #7: says its preview was removed to make room" in done.stderr
    body = ours["body"]
    assert body.startswith(
        MARKER + "\n### Preview of this pull request\n\n"
        "> **This preview has been removed** from the site to make room: at most 5 previews "
        "stay on the site at once, and this one was pushed least recently."
    )
    assert f"[{plain(CRPS_TITLE)}]({PREVIEW}conditions/crps/)" in body  # every page still listed
    _prcomment(evicted, described, _api(github))
    assert ours["body"] == body  # said once
