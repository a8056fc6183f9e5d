"""Versioned publishing with the real mike and git, then read in real Chromium.

A local bare repository stands in for GitHub. The publish script
(``python -m healthsite.publishing.publish``, what the deploy workflow runs) publishes
release 1.0, release 1.1 (once per run for all publishing tests:
tests/ghpagesremote.py, ``released``), then, on this module's own copy of that
repository, ``dev`` from main, then 1.1 once more. Release 1.0 has a page,
"Withdrawn advice", that 1.1 no longer has.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import Browser, Locator, Page, expect

from healthsite.publishing.publish import tool_env
from tests.browser import SiteServer, reader_pages, serve
from tests.console import problems_on_pages
from tests.ghpagesremote import (
    PUBLISHING,
    Remote,
    check_out_for_serving,
    gh_pages_entries,
    git,
    hermetic_env,
    once_from_releases,
    publish_ok,
    publish_script,
)
from tests.pagetext import one_page_per_search_setting
from tests.sitebuild import ROOT, builds_site, copy_project

# One worker runs every publishing module (tests/ghpagesremote.py, PUBLISHING).
pytestmark = PUBLISHING
SITE_URL = "https://crps-info.github.io/site/"


def _publish(work: Path, ref: str) -> subprocess.CompletedProcess[str]:
    return publish_script(work, ref)


def _publish_all(released_folder: Path, folder: Path) -> None:
    """From a copy of releases 1.0 and 1.1 (``released``): dev, then 1.1 again."""
    origin = folder / "origin.git"
    shutil.copytree(released_folder / "origin.git", origin, symlinks=True)
    work = folder / "work"
    shutil.copytree(released_folder / "work", work, symlinks=True)
    git("remote", "set-url", "origin", str(origin), cwd=work)
    publish_ok(work, "refs/heads/main")
    before = gh_pages_entries(origin)
    publish_ok(work, "refs/tags/v1.1")
    after = gh_pages_entries(origin)
    check_out_for_serving(origin, folder / "served")
    (folder / "trees.json").write_text(json.dumps({"before": before, "after": after}))


@dataclass(frozen=True)
class Published(Remote):
    """The outcome of the four publishes, shared by every test here."""

    before_redeploy: dict[str, str]
    after_redeploy: dict[str, str]


@pytest.fixture(scope="session")
@builds_site
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    """Publish once per test run; pytest-xdist workers share the result."""
    folder = once_from_releases(tmp_path_factory, "published", "trees.json", _publish_all)
    recorded = json.loads((folder / "trees.json").read_text())
    return Published(folder, recorded["before"], recorded["after"])


# --- The gh-pages branch -----------------------------------------------------


def test_gh_pages_holds_every_version_and_a_whole_root(published: Published) -> None:
    assert set(published.after_redeploy) == {
        ".nojekyll",
        "404.html",
        "index.html",
        "versions.json",
        "removed-versions.json",
        "1.0",
        "1.1",
        "dev",
        "latest",
    }
    for version in ("1.0", "1.1", "dev", "latest"):
        assert "Complex regional pain syndrome" in published.show(
            f"{version}/conditions/crps/index.html"
        )
    # `latest` is a full copy of 1.1: the same git tree, stored once.
    assert published.after_redeploy["latest"] == published.after_redeploy["1.1"]


def test_versions_json_lists_versions_newest_first_with_latest_on_1_1(
    published: Published,
) -> None:
    assert json.loads(published.show("versions.json")) == [
        {"version": "dev", "title": "dev (unreleased preview)", "aliases": []},
        {"version": "1.1", "title": "1.1", "aliases": ["latest"]},
        {"version": "1.0", "title": "1.0", "aliases": []},
    ]


def test_root_redirects_to_latest_and_has_latest_404_page(published: Published) -> None:
    root = published.show("index.html")
    assert 'window.location.replace(\n      "latest/"' in root
    assert 'content="1; url=latest/"' in root
    assert published.show("404.html") == published.show("latest/404.html")
    assert "404 - Not found" in published.show("404.html")


def test_withdrawn_page_stays_in_release_1_0_only(published: Published) -> None:
    assert "Withdrawn advice" in published.show("1.0/withdrawn/index.html")
    with pytest.raises(subprocess.CalledProcessError):
        published.show("latest/withdrawn/index.html")


def test_canonical_links_of_every_version_point_at_the_page_in_latest(
    published: Published,
) -> None:
    for version in ("1.0", "1.1", "dev", "latest"):
        html = published.show(f"{version}/conditions/crps/index.html")
        canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', html)
        assert canonical == [f"{SITE_URL}latest/conditions/crps/"], version
        sitemap = published.show(f"{version}/sitemap.xml")
        assert f"<loc>{SITE_URL}latest/conditions/crps/</loc>" in sitemap, version


def test_report_a_problem_link_names_the_version_and_its_address(published: Published) -> None:
    # `latest` is a copy of 1.1: a reader there reports what release 1.1 says.
    for folder, version in (("1.0", "1.0"), ("latest", "1.1"), ("dev", "dev")):
        html = published.show(f"{folder}/conditions/crps/index.html")
        [link] = re.findall(r'<p class="report-problem">\s*<a href="([^"]+)"', html)
        query = parse_qs(urlsplit(unescape(link)).query)
        assert query["page-version"] == [version], folder
        assert query["page-address"] == [f"{SITE_URL}{version}/conditions/crps/"], folder


def test_redeploying_1_1_leaves_every_other_version_as_it_was(published: Published) -> None:
    before, after = published.before_redeploy, published.after_redeploy
    assert set(after) == set(before)
    unchanged = {name for name in before if name not in ("1.1", "latest")}
    assert {name: after[name] for name in unchanged} == {name: before[name] for name in unchanged}
    assert after["latest"] == after["1.1"]


def test_plain_mike_list_in_the_checkout_shows_versions_and_aliases(
    published: Published,
) -> None:
    """What an editor types: mike finds mkdocs.yml (a relative path) itself."""
    mike = Path(sys.executable).with_name("mike")
    result = subprocess.run(
        [str(mike), "list"],
        cwd=published.folder / "work",
        env=hermetic_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == '"dev (unreleased preview)" (dev)\n1.1 [latest]\n1.0\n'


def test_bad_release_tag_fails_with_the_fix_before_any_git_or_mike_step(tmp_path: Path) -> None:
    work = copy_project(tmp_path)
    result = _publish(work, "refs/tags/v1.1.1")
    assert result.returncode == 2
    assert (
        "publish: refs/tags/v1.1.1: release tags name a version as vX.Y (major.minor)"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert "$ git" not in result.stderr


# --- In the browser ----------------------------------------------------------


@pytest.fixture(scope="session")
def pages_server(published: Published) -> Iterator[SiteServer]:
    with serve(published.served) as server:
        yield server


@pytest.fixture
def browser_page(chromium: Browser) -> Iterator[Page]:
    context = chromium.new_context()
    try:
        yield context.new_page()
    finally:
        context.close()


def _wait_for_version_check(page: Page) -> None:
    """Material has read versions.json and decided whether this version is outdated."""
    expect(page.locator(".md-version__current")).to_be_visible()
    page.wait_for_function(
        "() => Object.keys(sessionStorage).some(key => key.endsWith('__outdated'))"
    )


def _open_banner(page: Page, url: str) -> Locator:
    """Open ``url``; Material's version banner on it (hidden unless outdated)."""
    page.goto(url)
    return page.locator("[data-md-component=outdated]")


@pytest.mark.browser
def test_root_url_lands_on_latest(pages_server: SiteServer, browser_page: Page) -> None:
    browser_page.goto(pages_server.url("site/"))
    browser_page.wait_for_url(pages_server.url("site/latest/"))
    expect(browser_page.locator("h1")).to_contain_text("Clear, cited information about CRPS")


@pytest.mark.browser
def test_version_selector_lists_versions_and_keeps_the_page(
    pages_server: SiteServer, browser_page: Page
) -> None:
    browser_page.goto(pages_server.url("site/latest/conditions/crps/"))
    _wait_for_version_check(browser_page)
    expect(browser_page.locator(".md-version__current")).to_have_text("1.1latest")
    browser_page.hover(".md-version")
    links = browser_page.locator(".md-version__link")
    expect(links).to_have_text(["dev (unreleased preview)", "1.1latest", "1.0"])
    links.filter(has_text=re.compile(r"^1\.0$")).click()
    browser_page.wait_for_url(pages_server.url("site/1.0/conditions/crps/"))


@pytest.mark.browser
def test_archived_version_shows_banner_linking_to_the_page_in_latest(
    pages_server: SiteServer, browser_page: Page
) -> None:
    banner = _open_banner(browser_page, pages_server.url("site/1.0/conditions/crps/"))
    expect(banner).to_be_visible()
    expect(banner).to_have_text(
        "You are reading an archived version of this guidance, reviewed on 20 November 2026; "
        "see the current page."
    )
    banner.get_by_role("link", name="see the current page").click()
    browser_page.wait_for_url(pages_server.url("site/latest/conditions/crps/"))
    _wait_for_version_check(browser_page)
    expect(banner).to_be_hidden()


@pytest.mark.browser
def test_banner_on_a_page_latest_no_longer_has_links_to_latest_home(
    pages_server: SiteServer, browser_page: Page
) -> None:
    banner = _open_banner(browser_page, pages_server.url("site/1.0/withdrawn/"))
    banner.get_by_role("link", name="see the current page").click()
    browser_page.wait_for_url(pages_server.url("site/latest/"))


@pytest.mark.browser
def test_dev_preview_says_it_is_unreleased(pages_server: SiteServer, browser_page: Page) -> None:
    banner = _open_banner(browser_page, pages_server.url("site/dev/conditions/crps/"))
    expect(banner).to_have_text(
        "You are reading a preview of changes not yet published as a release; see the current page."
    )


@pytest.mark.browser
def test_no_console_error_or_failed_request_on_published_pages(
    pages_server: SiteServer, chromium: Browser, published: Published
) -> None:
    """Every page of latest, and an archived version's home (with its banner),
    read as published: versions.json is there, nothing else fails. Searched
    on one page of each depth and language (``one_page_per_search_setting``):
    what a search fetches is found from the page's settings, the same on
    every page of a kind (so too in the page visits of a build,
    tests/pagevisit.py)."""
    site = published.served / "site"
    latest = [f"site/latest/{path}" for path in reader_pages(site / "latest")]
    paths = [*latest, "site/1.0/"]
    searched = one_page_per_search_setting(
        {path: site / path.removeprefix("site/") / "index.html" for path in paths},
        version_of=lambda path: path.removeprefix("site/").split("/")[0],
    )
    context = chromium.new_context()
    pages = {f"/{path}": pages_server.url(path) for path in paths}
    found = problems_on_pages(context, pages, {f"/{path}" for path in searched})
    context.close()
    assert "site/latest/conditions/crps/" in latest
    assert {"site/latest/", "site/latest/es/", "site/1.0/"} <= searched, searched
    assert not found, found


@pytest.mark.browser
def test_the_published_pages_check_names_the_page_whose_tab_had_the_problem(
    published: Published, chromium: Browser, tmp_path: Path
) -> None:
    """The check above can fail, and blames the right page: in a copy of the
    published site, About asks for an image that is not there; the failed
    request is reported under About's name, though the home page loads in the
    other tab while About is searched, and not under the home page's, nor
    under A to Z's, loaded next in About's tab (both read, not searched)."""
    served = tmp_path / "served"
    shutil.copytree(published.served, served)
    about = served / "site" / "latest" / "about" / "index.html"
    html = about.read_text(encoding="utf-8")
    about.write_text(html.replace("</body>", '<img src="no-such-image.png" alt=""></body>'))
    with serve(served) as server:
        context = chromium.new_context()
        pages = {
            "/about": server.url("site/latest/about/"),
            "/home": server.url("site/latest/"),
            "/a-to-z": server.url("site/latest/a-to-z/"),
        }
        found = problems_on_pages(context, pages, searched={"/about"})
        context.close()
    assert found.startswith("/about: "), found
    assert "HTTP 404: " in found, found
    assert "about/no-such-image.png" in found, found
    assert "/home" not in found, found
    assert "/a-to-z" not in found, found


# --- The workflow that runs the publish script -------------------------------


def test_deploy_workflow_runs_one_deploy_at_a_time_with_the_token_in_one_step() -> None:
    workflow = yaml_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text())
    # PyYAML reads the `on:` key as True.
    assert workflow[True]["push"] == {"branches": ["main"], "tags": ["v*"]}
    assert workflow["permissions"] == {}
    assert workflow["concurrency"] == {"group": "gh-pages", "cancel-in-progress": False}
    [job] = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write"}
    assert job["env"]["GIT_COMMITTER_NAME"]
    steps = job["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["persist-credentials"] is False
    for step in steps:
        if "uses" in step:
            assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    with_token = [step for step in steps if "GITHUB_TOKEN" in step.get("env", {})]
    assert [step["run"] for step in with_token] == ["python -m healthsite.publishing.publish"]
    # The zip of a release goes to its GitHub release, with the token only for `gh`.
    [release] = [step for step in steps if "GH_TOKEN" in step.get("env", {})]
    assert release["if"] == "steps.archive.outputs.zip != ''"
    commands = [line.split()[:3] for line in release["run"].splitlines() if "gh release" in line]
    assert commands == [
        ["if", "!", "gh"],
        ["gh", "release", "create"],
        ["gh", "release", "upload"],
    ]
    archive = next(step for step in steps if step.get("id") == "archive")
    assert archive["run"] == "python -m healthsite.publishing.archive --out release-zip"


def test_token_reaches_git_only_through_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", "not-a-real-token")
    env = tool_env()
    assert "GITHUB_TOKEN" not in env
    git("init", "--quiet", cwd=tmp_path)
    seen = subprocess.run(
        ["git", "config", "--get", "http.https://github.com/.extraheader"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    basic = base64.b64encode(b"x-access-token:not-a-real-token").decode()
    assert seen == f"AUTHORIZATION: basic {basic}"
    assert "extraheader" not in (tmp_path / ".git" / "config").read_text()
