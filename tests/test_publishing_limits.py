"""The published tree kept within GitHub Pages' limit, with the real mike and git.

A local bare repository stands in for GitHub. It starts as a copy of one
holding releases 1.0 and 1.1 (published once per run for all publishing tests:
tests/ghpagesremote.py, ``released``). With ``browsable_releases: 2`` and
``live_previews: 2`` in the copy's mkdocs.yml, release 1.2 is published (1.0
is then removed), previews of pull requests 7, 8 and 9 are
deployed (7's is then removed), and with ``max_published_mb`` lowered below
the tree's size, release 1.3 and a preview are refused while removing a
preview (which makes the tree smaller) still goes through.
"""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from healthsite.publishing.preview import kept_in_preview, oldest_beyond, published_pages
from healthsite.publishing.previewinfo import PreviewInfo
from healthsite.publishing.retention import releases_to_remove
from healthsite.publishing.settings import SettingsError, read_settings
from healthsite.publishing.treesize import TreeSize, folder_of, refusal
from tests.browser import SiteServer, serve
from tests.ghpagesremote import (
    AFTER_1_0,
    PUBLISHING,
    Remote,
    check_out_for_serving,
    gh_pages_entries,
    git,
    once_from_releases,
    project_with_remote,
    run_module,
)
from tests.sitebuild import ROOT, builds_site

# One worker runs every publishing module (tests/ghpagesremote.py, PUBLISHING).
pytestmark = PUBLISHING
LIMITS = (
    "  publishing:\n    browsable_releases: 4\n    live_previews: 5\n    max_published_mb: 900\n"
)
TINY_MB = 0.5
# Pull request 9 changes one page and removes another.
PR_9_CHANGES = {
    "pull_request": 9,
    "every_page": False,
    "pages": [
        {"path": "conditions/crps/", "source": "docs/conditions/crps.md", "title": "CRPS"},
        {"path": "old/", "source": "docs/old.md", "title": None},
    ],
}


def _set_limits(work: Path, releases: int, previews: int, megabytes: float) -> None:
    config = work / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    block = re.search(r"  publishing:\n(?:    .*\n)+", text)
    assert block is not None, "mkdocs.yml has no extra.publishing block"
    limits = (
        f"  publishing:\n    browsable_releases: {releases}\n    live_previews: {previews}\n"
        f"    max_published_mb: {megabytes}\n"
    )
    config.write_text(text.replace(block.group(0), limits), encoding="utf-8")


def _tool(module: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_module(module, *args, cwd=cwd, env={"GITHUB_ACTIONS": "true"})


def _ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _release(work: Path, minor: int) -> subprocess.CompletedProcess[str]:
    page = work / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nRelease 1.{minor}.\n", "utf-8")
    git("add", "--all", cwd=work)
    git("commit", "--quiet", "--message", f"Content of release 1.{minor}", cwd=work)
    return _tool("healthsite.publishing.publish", "--ref", f"refs/tags/v1.{minor}", cwd=work)


def _gh_pages_tip(origin: Path) -> str:
    return git("rev-parse", "gh-pages", cwd=origin).strip()


def _run_all(released_folder: Path, folder: Path) -> None:
    """From a copy of releases 1.0 and 1.1 (``released``), published without
    these limits: release 1.2 with them, and every step after it."""
    origin = folder / "origin.git"
    work = project_with_remote(folder, origin_from=released_folder / "origin.git")
    _set_limits(work, releases=2, previews=2, megabytes=900)
    record: dict[str, object] = {
        "after 1.0": sorted(gh_pages_entries(released_folder / AFTER_1_0)),
        "after 1.1": sorted(gh_pages_entries(origin)),
    }
    _ok(_release(work, 2))
    record["after 1.2"] = sorted(gh_pages_entries(origin))
    zipped = _tool("healthsite.publishing.archive", "--ref", "refs/tags/v1.2", "--out", "zips",
                   cwd=work)  # fmt: skip
    record["archive"] = [zipped.returncode, zipped.stderr, zipped.stdout]
    with zipfile.ZipFile(work / "zips" / "crps-info-1.2.zip") as opened:
        record["zip names"] = sorted(opened.namelist())
    dev_zip = _tool("healthsite.publishing.archive", "--ref", "refs/heads/main", "--out", "dev",
                    cwd=work)  # fmt: skip
    record["dev archive"] = [dev_zip.returncode, dev_zip.stderr, (work / "dev").exists()]
    removed_zip = _tool("healthsite.publishing.archive", "--ref", "refs/tags/v1.0", "--out",
                        "old", cwd=work)  # fmt: skip
    old_zip = (work / "old").exists()
    record["removed archive"] = [removed_zip.returncode, removed_zip.stderr, old_zip]
    site = folder / "released"
    check_out_for_serving(origin, site)
    preview_site = str(site / "site" / "1.2")
    previews = {}
    described = folder / "preview.json"
    described.write_text(json.dumps(PR_9_CHANGES))
    for number in ("7", "8", "9"):
        only = ["--pages-from", str(described)] if number == "9" else []
        done = _ok(_tool("healthsite.publishing.preview", "deploy", "--pr", number,
                         "--site-dir", preview_site, *only, cwd=work))  # fmt: skip
        previews[number] = {
            "log": done.stderr,
            "live": sorted(gh_pages_entries(origin, "pr-preview")),
        }
    record["previews"] = previews
    record["pr-8 glossary"] = "glossary" in gh_pages_entries(origin, "pr-preview/pr-8")

    _set_limits(work, releases=2, previews=2, megabytes=TINY_MB)
    before = _gh_pages_tip(origin)
    refused = _release(work, 3)
    preview_refused = _tool("healthsite.publishing.preview", "deploy", "--pr", "10",
                            "--site-dir", preview_site, cwd=work)  # fmt: skip
    unchanged = _gh_pages_tip(origin) == before
    removal = _tool("healthsite.publishing.preview", "remove", "--pr", "8", cwd=work)
    record["refused"] = {
        "release": [refused.returncode, refused.stdout, refused.stderr],
        "preview": [preview_refused.returncode, preview_refused.stdout, preview_refused.stderr],
        "unchanged": unchanged,
        "removal": [removal.returncode, removal.stderr],
        "previews after removal": sorted(gh_pages_entries(origin, "pr-preview")),
    }
    check_out_for_serving(origin, folder / "served")
    (folder / "record.json").write_text(json.dumps(record))


@dataclass(frozen=True)
class Limited(Remote):
    record: dict[str, object]


@pytest.fixture(scope="session")
@builds_site
def limited(tmp_path_factory: pytest.TempPathFactory) -> Limited:
    """Run every step once per test run; pytest-xdist workers share the result."""
    folder = once_from_releases(tmp_path_factory, "limited", "record.json", _run_all)
    return Limited(folder, json.loads((folder / "record.json").read_text()))


# --- Retention ------------------------------------------------------------------


def test_only_the_newest_releases_stay_browsable(limited: Limited) -> None:
    assert {"1.0", "1.1"} <= set(limited.record["after 1.1"])  # type: ignore[arg-type]
    after = set(limited.record["after 1.2"])  # type: ignore[arg-type]
    assert {"1.1", "1.2", "latest", "removed-versions.json"} <= after
    assert "1.0" not in after
    versions = [entry["version"] for entry in json.loads(limited.show("versions.json"))]
    assert versions == ["1.2", "1.1"]


def test_a_removed_release_is_recorded_with_the_day_it_was_removed(limited: Limited) -> None:
    [entry] = json.loads(limited.show("removed-versions.json"))
    assert entry["version"] == entry["title"] == "1.0"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["removed"])


def test_root_404_page_carries_the_removed_version_notice(limited: Limited) -> None:
    page = limited.show("404.html")
    assert page == limited.show("latest/404.html")
    assert "404 - Not found" in page
    assert 'data-release-url="https://github.com/crps-info/site/releases/tag/v"' in page
    assert "we keep only the newest 2 versions online" in " ".join(page.split())
    assert re.search(r'<script src="/site/latest/assets/javascripts/not-found.js', page)


def test_releases_beyond_the_newest_are_removed_but_never_latest_or_dev() -> None:
    deployed = {"dev": [], "1.10": ["latest"], "1.9": [], "1.2": [], "0.5": []}
    assert releases_to_remove(deployed, 2) == ["1.2", "0.5"]
    assert releases_to_remove(deployed, 12) == []
    # An older tag's deploy re-run never takes latest: 1.10 stays whatever its place.
    assert releases_to_remove({"2.0": [], "1.10": ["latest"]}, 1) == []


def test_a_release_is_zipped_as_published_for_its_github_release(limited: Limited) -> None:
    code, stderr, _ = limited.record["archive"]  # type: ignore[misc]
    assert code == 0, stderr
    assert "archive: zips/crps-info-1.2.zip" in stderr
    names = limited.record["zip names"]
    assert isinstance(names, list)
    assert "crps-info-1.2/conditions/crps/index.html" in names
    assert "crps-info-1.2/404.html" in names
    assert limited.record["dev archive"] == [0, "archive: dev is not a release: no zip\n", False]
    # A re-run of a removed release's deploy: nothing to zip, and no failure.
    removed = limited.record["removed archive"]
    assert removed == [0, "archive: 1.0 is not on gh-pages: no zip\n", False]


# --- Previews -----------------------------------------------------------------------


def test_the_least_recently_pushed_preview_makes_room(limited: Limited) -> None:
    previews = limited.record["previews"]
    assert isinstance(previews, dict)
    assert previews["8"]["live"] == ["pr-7", "pr-8", "previews.json"]
    assert previews["9"]["live"] == ["pr-8", "pr-9", "previews.json"]
    assert (
        "removed the preview of #7, the least recently pushed: at most 2 previews stay "
        "on the site (extra.publishing.live_previews)"
    ) in previews["9"]["log"]


def test_a_preview_holds_only_the_pages_its_pull_request_changes(limited: Limited) -> None:
    files = set(git("ls-tree", "-r", "--name-only", "gh-pages:pr-preview/pr-9",
                    cwd=limited.origin).split())  # fmt: skip
    assert {"index.html", "404.html", "conditions/crps/index.html"} <= files
    assert any(name.startswith("assets/stylesheets/") for name in files)
    pages = {name for name in files if name.endswith("index.html")}
    assert pages == {"index.html", "conditions/crps/index.html"}
    assert not any(name.startswith(("pagefind/", "api/")) for name in files)
    assert limited.record["pr-8 glossary"] is True  # without --pages-from: every page


def test_which_files_a_preview_of_some_pages_keeps() -> None:
    pages = published_pages(PreviewInfo.model_validate(PR_9_CHANGES))
    assert pages == frozenset({"", "conditions/crps/"})
    assert kept_in_preview("conditions/crps/index.html", pages)
    assert kept_in_preview("index.html", pages)
    assert kept_in_preview("assets/javascripts/bundle.min.js", pages)
    assert not kept_in_preview("glossary/index.html", pages)
    assert not kept_in_preview("pagefind/pagefind.js", pages)
    assert not kept_in_preview("api/pages.json", pages)
    assert not kept_in_preview("sitemap.xml", None)
    assert kept_in_preview("glossary/index.html", None)
    every = PreviewInfo.model_validate({**PR_9_CHANGES, "every_page": True})
    assert published_pages(every) is None


def test_oldest_previews_are_chosen_by_their_last_push() -> None:
    live = {7: "2026-12-01T10:00:00+00:00", 8: "2026-12-03T10:00:00+00:00", 9: "", 10: ""}
    assert oldest_beyond(live, 2, current=10) == [9, 7]
    assert oldest_beyond(live, 10, current=11) == []
    assert oldest_beyond({7: "2026-12-01T10:00:00+00:00"}, 1, current=7) == []


# --- The guard ----------------------------------------------------------------------


def test_a_release_above_the_limit_is_refused_naming_what_takes_the_space(
    limited: Limited,
) -> None:
    refused = limited.record["refused"]
    assert isinstance(refused, dict)
    code, stdout, stderr = refused["release"]
    assert code == 1
    message = re.search(r"publish: refused: (.*)", stderr)
    assert message is not None, stderr
    assert re.match(
        r"the published tree would be [\d.]+ MB, above the limit of 0\.5 MB "
        r"\(extra\.publishing\.max_published_mb in mkdocs\.yml; GitHub Pages serves at most "
        r"1 GB\); largest parts: ",
        message.group(1),
    )
    parts = re.findall(r"([\w./-]+/) [\d.]+ MB", message.group(1).split("largest parts: ")[1])
    assert {"1.3/", "latest/", "1.2/", "pr-preview/pr-8/", "pr-preview/pr-9/"} <= set(parts)
    assert "::error title=Published site too large::the published tree would be" in stdout
    assert "Traceback" not in stderr


def test_a_preview_above_the_limit_is_refused_and_nothing_is_pushed(limited: Limited) -> None:
    refused = limited.record["refused"]
    assert isinstance(refused, dict)
    code, stdout, stderr = refused["preview"]
    assert code == 1
    assert "preview: refused: the published tree would be" in stderr
    assert "::error title=Published site too large::" in stdout
    assert refused["unchanged"] is True
    assert "1.3" not in gh_pages_entries(limited.origin)


def test_removing_a_preview_is_allowed_above_the_limit(limited: Limited) -> None:
    refused = limited.record["refused"]
    assert isinstance(refused, dict)
    code, stderr = refused["removal"]
    assert code == 0, stderr
    assert "smaller than the tree published now: pushing" in stderr
    assert refused["previews after removal"] == ["pr-9", "previews.json"]


def test_each_part_of_the_tree_is_named_by_its_folder() -> None:
    assert folder_of("1.2/conditions/crps/index.html") == "1.2/"
    assert folder_of("pr-preview/pr-7/about/index.html") == "pr-preview/pr-7/"
    assert folder_of("pr-preview/previews.json") == "pr-preview/"
    assert folder_of("404.html") == "404.html"
    size = TreeSize(3_000_000, {"1.2/": 2_000_000, "latest/": 900_000, "404.html": 100_000})
    assert refusal(size, 1_000_000).startswith(
        "the published tree would be 3.0 MB, above the limit of 1.0 MB"
    )
    assert "largest parts: 1.2/ 2.0 MB, latest/ 0.9 MB, 404.html 0.1 MB." in refusal(
        size, 1_000_000
    )


# --- Settings -----------------------------------------------------------------------


def test_settings_mistakes_name_the_field_and_what_is_expected(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  publishing:\n    browsable_releases: 0\n    previews: 3\n")
    with pytest.raises(SettingsError) as error:
        read_settings(config)
    assert str(error.value) == (
        f"{config}: extra.publishing.browsable_releases: Input should be greater than or "
        "equal to 1; extra.publishing.previews: Extra inputs are not permitted; expected whole "
        "numbers of releases and previews (at least 1) and a size in MB"
    )


def test_versions_page_states_the_number_of_browsable_releases() -> None:
    settings = read_settings(ROOT / "mkdocs.yml")
    assert LIMITS in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    versions = (ROOT / "docs" / "versions.md").read_text(encoding="utf-8")
    assert f"We keep the newest {settings.browsable_releases} versions online." in versions


# --- In the browser -----------------------------------------------------------------


@pytest.fixture(scope="session")
def pages_server(limited: Limited) -> Iterator[SiteServer]:
    with serve(limited.served, not_found="site/404.html") as server:
        yield server


@pytest.mark.browser
def test_an_old_link_into_a_removed_version_names_it_and_links_to_latest(
    pages_server: SiteServer, chromium: Browser
) -> None:
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(pages_server.url("site/1.0/conditions/crps/"))
        notice = page.locator(".removed-version")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("You followed a link to version 1.0 of this site.")
        expect(notice).to_contain_text("we keep only the newest 2 versions online")
        release = notice.get_by_role("link", name="its release on GitHub")
        expect(release).to_have_attribute(
            "href", "https://github.com/crps-info/site/releases/tag/v1.0"
        )
        notice.get_by_role("link", name="Read this page in the latest version").click()
        page.wait_for_url(pages_server.url("site/latest/conditions/crps/"))
        expect(page.locator("h1")).to_contain_text("Complex regional pain syndrome")
    finally:
        context.close()


@pytest.mark.browser
def test_a_page_a_preview_does_not_hold_links_to_the_published_page(
    pages_server: SiteServer, chromium: Browser
) -> None:
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(pages_server.url("site/pr-preview/pr-9/glossary/"))
        notice = page.locator(".preview-unchanged")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text(
            "This page is not part of the preview of pull request #9: the pull request does "
            "not change it"
        )
        expect(page.locator(".removed-version")).to_be_hidden()
        notice.get_by_role("link", name="Read this page on the published site").click()
        page.wait_for_url(pages_server.url("site/latest/glossary/"))
    finally:
        context.close()


@pytest.mark.browser
def test_a_missing_page_of_a_browsable_version_shows_no_notice(
    pages_server: SiteServer, chromium: Browser
) -> None:
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(pages_server.url("site/1.2/no-such-page/"))
        expect(page.locator("h1")).to_have_text("404 - Not found")
        page.wait_for_load_state("networkidle")
        expect(page.locator(".removed-version")).to_be_hidden()
    finally:
        context.close()
