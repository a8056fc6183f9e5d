"""Pull request previews on gh-pages with the real git and mike, then in real Chromium.

A local bare repository stands in for GitHub: a copy of one where release
1.0 was published with the publish script (once per run for all publishing
tests: tests/ghpagesremote.py, ``released``). Then pull request 7's preview
is deployed, replaced by a second push, pull request 8's is deployed, 7's is
removed (twice), and ``dev`` is published while a preview for pull request 9
lands on gh-pages mid-deploy.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from mike import git_utils
from playwright.sync_api import Browser, expect

from healthsite.i18n.interface import load_interface
from healthsite.publishing import ghpages
from healthsite.publishing.publish import publish, tool_env
from healthsite.publishing.versioning import target_for_ref
from tests.browser import SiteServer, serve
from tests.ghpagesremote import (
    AFTER_1_0,
    GIT_ENV,
    PUBLISHING,
    Remote,
    check_out_for_serving,
    gh_pages_entries,
    git,
    once_from_releases,
    project_with_remote,
    run_module,
)
from tests.sitebuild import ROOT, Build, build, builds_site, copy_project

# One worker runs every publishing module (tests/ghpagesremote.py, PUBLISHING).
pytestmark = PUBLISHING
PUBLISHED = "https://crps-info.github.io/site/"
MARKER = "<!-- second push -->"
LIMIT = 900_000_000


def _tool(module: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_module(module, *args, cwd=cwd)


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stderr


def _new_clone(folder: Path, origin: Path) -> Path:
    folder.mkdir()
    git("init", "--quiet", "--initial-branch=main", cwd=folder)
    git("remote", "add", "origin", str(origin), cwd=folder)
    return folder


def _second_push(site: Path, destination: Path) -> Path:
    """The same preview after another push: one page gone, another changed."""
    shutil.copytree(site, destination)
    shutil.rmtree(destination / "glossary")
    about = destination / "about" / "index.html"
    about.write_text(about.read_text(encoding="utf-8") + MARKER, encoding="utf-8")
    return destination


def _run_all(released_folder: Path, folder: Path) -> None:
    """From a copy of release 1.0 as published (``released``): every step."""
    origin = folder / "origin.git"
    work = project_with_remote(folder, origin_from=released_folder / AFTER_1_0)
    trees: dict[str, dict[str, str]] = {"published": gh_pages_entries(origin)}
    versions = {"published": git("show", "gh-pages:versions.json", cwd=origin)}

    (folder / "pr7").mkdir()
    preview = build(copy_project(folder / "pr7"), env={"HEALTHSITE_PREVIEW_PR": "7"})
    assert preview.returncode == 0, preview.output
    site = preview.site_dir
    logs: dict[str, str] = {}

    def step(name: str, *args: str) -> None:
        logs[name] = _ok(_tool("healthsite.publishing.preview", *args, cwd=work))
        trees[name] = gh_pages_entries(origin)
        versions[name] = git("show", "gh-pages:versions.json", cwd=origin)

    step("deploy 7", "deploy", "--pr", "7", "--site-dir", str(site))
    trees["pr-7 first"] = gh_pages_entries(origin, "pr-preview/pr-7")
    step(
        "deploy 7 again",
        "deploy",
        "--pr",
        "7",
        "--site-dir",
        str(_second_push(site, folder / "pr7b")),
    )
    trees["pr-7 second"] = gh_pages_entries(origin, "pr-preview/pr-7")
    step("deploy 8", "deploy", "--pr", "8", "--site-dir", str(site))
    trees["pr-8 deployed"] = gh_pages_entries(origin, "pr-preview/pr-8")
    step("remove 7", "remove", "--pr", "7")
    step("remove 7 again", "remove", "--pr", "7")
    trees["previews before dev"] = gh_pages_entries(origin, "pr-preview")

    # Publish dev; while mike deploys it, pull request 9's preview lands.
    other = copy_project(_new_clone(folder / "other", origin))  # another run's checkout
    pushes = []
    real_push = ghpages.push

    def push_after_a_preview_lands(local_ref: str, env: dict[str, str], limit: int) -> bool:
        if not pushes:
            _ok(
                _tool(
                    "healthsite.publishing.preview",
                    "deploy",
                    "--pr",
                    "9",
                    "--site-dir",
                    str(site),
                    cwd=other,
                )
            )
        pushes.append(local_ref)
        return real_push(local_ref, env, limit)

    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(work)
        for name, value in GIT_ENV.items():
            patch.setenv(name, value)
        patch.setattr(ghpages, "push", push_after_a_preview_lands)
        publish(target_for_ref("refs/heads/main"), work / "mkdocs.yml")
    trees["after dev"] = gh_pages_entries(origin)
    trees["previews after dev"] = gh_pages_entries(origin, "pr-preview")

    check_out_for_serving(origin, folder / "served")
    record = {"trees": trees, "versions": versions, "logs": logs, "pushes": len(pushes)}
    (folder / "record.json").write_text(json.dumps(record))


@dataclass(frozen=True)
class Previewed(Remote):
    trees: dict[str, dict[str, str]]
    versions: dict[str, str]
    logs: dict[str, str]
    pushes: int


@pytest.fixture(scope="session")
@builds_site
def previewed(tmp_path_factory: pytest.TempPathFactory) -> Previewed:
    """Run every step once per test run; pytest-xdist workers share the result."""
    folder = once_from_releases(tmp_path_factory, "previewed", "record.json", _run_all)
    return Previewed(folder, **json.loads((folder / "record.json").read_text()))


# --- gh-pages ---------------------------------------------------------------


def test_preview_is_at_pr_preview_beside_the_published_versions(previewed: Previewed) -> None:
    assert set(previewed.trees["deploy 7"]) == {*previewed.trees["published"], "pr-preview"}
    page = previewed.show("pr-preview/pr-8/conditions/crps/index.html")  # 7 is removed later
    assert "Complex regional pain syndrome" in page
    assert "index.html" in previewed.trees["pr-7 first"]
    # No sitemap lists a preview's pages.
    assert "sitemap.xml" not in previewed.trees["pr-7 first"]
    assert "sitemap.xml.gz" not in previewed.trees["pr-7 first"]


def test_previews_never_touch_a_published_version_or_versions_json(previewed: Previewed) -> None:
    published = previewed.trees["published"]
    for step in ("deploy 7", "deploy 7 again", "deploy 8", "remove 7", "remove 7 again"):
        tree = previewed.trees[step]
        assert {name: tree[name] for name in published} == published, step
        assert set(tree) - set(published) <= {"pr-preview"}, step
        assert previewed.versions[step] == previewed.versions["published"], step
    assert [entry["version"] for entry in json.loads(previewed.versions["published"])] == ["1.0"]


def test_each_push_replaces_the_whole_preview(previewed: Previewed) -> None:
    first, second = previewed.trees["pr-7 first"], previewed.trees["pr-7 second"]
    assert "glossary" in first
    assert "glossary" not in second  # a page the second push no longer has is gone
    assert first["about"] != second["about"]
    assert {name: first[name] for name in second if name != "about"} == {
        name: second[name] for name in second if name != "about"
    }


def test_closing_removes_only_that_preview(previewed: Previewed) -> None:
    assert set(previewed.trees["previews before dev"]) == {"pr-8", "previews.json"}
    assert previewed.trees["pr-8 deployed"] == previewed.trees["pr-7 first"]  # the same site
    assert "pr-preview/pr-7: removed" in previewed.logs["remove 7"]
    assert "there was no preview to remove" in previewed.logs["remove 7 again"]
    assert previewed.trees["remove 7 again"] == previewed.trees["remove 7"]


def test_publishing_keeps_previews_and_redeploys_when_one_lands_meanwhile(
    previewed: Previewed,
) -> None:
    # The first push was refused (pull request 9's preview had landed); the
    # deploy was made again on top and pushed.
    assert previewed.pushes == 2
    after = previewed.trees["after dev"]
    assert {"1.0", "dev", "pr-preview", "versions.json"} <= set(after)
    assert set(previewed.trees["previews after dev"]) == {"pr-8", "pr-9", "previews.json"}
    assert (
        previewed.trees["previews after dev"]["pr-8"]
        == (previewed.trees["previews before dev"]["pr-8"])
    )
    versions = [entry["version"] for entry in json.loads(previewed.show("versions.json"))]
    assert versions == ["dev", "1.0"]
    assert after["1.0"] == previewed.trees["published"]["1.0"]


# --- What readers see ----------------------------------------------------------


def _html_pages(previewed: Previewed, number: int) -> list[Path]:
    root = previewed.served / "site" / "pr-preview" / f"pr-{number}"
    return sorted(root.rglob("*.html"))


def test_every_preview_page_says_it_is_a_proposed_change_and_asks_not_to_be_indexed(
    previewed: Previewed,
) -> None:
    pages = _html_pages(previewed, 8)
    assert len(pages) >= 7
    interface, _ = load_interface(ROOT)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        # A Spanish page says it in Spanish and links to the Spanish site.
        spanish = page.relative_to(previewed.served / "site/pr-preview/pr-8").parts[0] == "es"
        language, home = (
            ("es", f"{PUBLISHED}latest/es/") if spanish else ("en", f"{PUBLISHED}latest/")
        )
        assert '<meta name="robots" content="noindex">' in html, page
        assert interface.word("preview_banner_title", language) in html, page
        link = interface.word("preview_banner_link", language)
        assert f'<a href="{home}">{link}</a>' in html, page
    crps = previewed.show("pr-preview/pr-8/conditions/crps/index.html")
    assert f'<link rel="canonical" href="{PUBLISHED}latest/conditions/crps/">' in crps
    # The Spanish site's build runs mike's on_config again: the version is added once.
    spanish_home = previewed.show("pr-preview/pr-8/es/index.html")
    assert f'<link rel="canonical" href="{PUBLISHED}latest/es/">' in spanish_home


def test_published_pages_carry_neither_the_banner_nor_noindex(
    previewed: Previewed, built_site: Build
) -> None:
    for html in (previewed.show("1.0/conditions/crps/index.html"), built_site.page("")):
        assert 'name="robots"' not in html
        assert "Preview of a proposed change" not in html
        assert 'class="md-banner"' not in html


@pytest.fixture(scope="session")
def gh_pages_server(previewed: Previewed) -> Iterator[SiteServer]:
    with serve(previewed.served) as server:
        yield server


@pytest.mark.browser
def test_reader_of_a_preview_sees_the_banner_first(
    chromium: Browser, gh_pages_server: SiteServer
) -> None:
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(gh_pages_server.url("site/pr-preview/pr-8/conditions/crps/"))
        banner = page.locator(".md-banner", has_text="Preview of a proposed change")
        expect(banner).to_be_visible()
        expect(banner).to_be_in_viewport()
        expect(banner).to_have_text(
            "Preview of a proposed change (pull request #7). This is not published guidance "
            "and may be wrong. Go to the published site."
        )
        expect(page.locator("h1")).to_have_text(re.compile("Complex regional pain syndrome"))
    finally:
        context.close()


# --- Mistakes ------------------------------------------------------------------


def test_a_preview_number_that_is_not_a_number_fails_the_build(project: Path) -> None:
    result = build(project, env={"HEALTHSITE_PREVIEW_PR": "seven"})
    assert result.returncode != 0
    assert (
        "HEALTHSITE_PREVIEW_PR: 'seven' is not a pull request number; set it to the number, "
        "e.g. 7, or unset it"
    ) in result.output
    assert "Traceback" not in result.output


def test_deploying_an_empty_folder_fails_before_touchinggit(project: Path) -> None:
    (project / "empty").mkdir()
    result = _tool(
        "healthsite.publishing.preview", "deploy", "--pr", "3", "--site-dir", "empty", cwd=project
    )
    assert result.returncode == 2
    assert "preview: empty: no built site here (no index.html)" in result.stderr
    assert "$ git" not in result.stderr


def test_update_makes_its_change_again_when_the_branch_moved_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two previews pushed at once: the second is refused, then made on top."""
    origin = tmp_path / "origin.git"
    git("init", "--quiet", "--bare", str(origin), cwd=tmp_path)
    first, second = _new_clone(tmp_path / "a", origin), _new_clone(tmp_path / "b", origin)
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)
    env = tool_env()
    calls = []

    def add(name: str) -> Callable[[git_utils.Commit], None]:
        def change(commit: git_utils.Commit) -> None:
            calls.append(name)
            if calls == ["a"]:  # meanwhile, another run pushes
                monkeypatch.chdir(second)
                assert ghpages.update("b", add("b"), env, LIMIT)
                monkeypatch.chdir(first)
            commit.add_file(git_utils.FileInfo(f"{name}.txt", name))

        return change

    monkeypatch.chdir(first)
    assert ghpages.update("a", add("a"), env, LIMIT)
    assert calls == ["a", "b", "a"]
    assert set(gh_pages_entries(origin)) == {"a.txt", "b.txt"}
    log = git("log", "--format=%s", "gh-pages", cwd=origin).split()
    assert log == ["a", "b"]
    assert "healthsite-gh-pages-update" not in git("branch", cwd=first)
