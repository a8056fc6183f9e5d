"""The link check (lychee) against a real, badly behaved HTTP server on 127.0.0.1."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from healthsite.links.changed import changed_pages
from healthsite.links.check import (
    LinkResult,
    Outcome,
    check_site,
    our_link,
    page_path,
    results_by_link,
)
from healthsite.links.classify import Verdict, classify, final_url, result_text
from healthsite.links.locate import SourceEntry, sources_by_url
from healthsite.links.lychee import Row
from healthsite.links.report import render
from healthsite.links.settings import RefusesBots, Settings, load_settings
from tests.linkserver import FlakyWeb, fast_settings, flaky_web
from tests.sitebuild import ROOT, build, builds_site, copy_project

ENDPOINTS = [
    "live",
    "moved",
    "loop",
    "missing",
    "gone",
    "busy",
    "broken-server",
    "forbidden",
    "hang",
]
# A link lychee.toml excludes (the site's own repository): never requested.
EXCLUDED = "https://github.com/crps-info/site/edit/main/docs/index.md"
DAY = 24 * 60 * 60
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def web() -> Iterator[FlakyWeb]:
    with flaky_web() as server:
        yield server


@pytest.fixture(scope="module")
def configs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return fast_settings(tmp_path_factory.mktemp("settings"))


@pytest.fixture(scope="module")
def lychee_config(configs: tuple[Path, Path]) -> Path:
    return configs[0]


@pytest.fixture(scope="module")
def settings(configs: tuple[Path, Path]) -> Settings:
    return load_settings(configs[1])


def small_site(site_dir: Path, links: list[str]) -> Path:
    """Two pages: the home page has ``links``; the second repeats the last one."""
    anchors = "".join(f'<a href="{link}">{link}</a>\n' for link in links)
    (site_dir / "sources").mkdir(parents=True)
    (site_dir / "index.html").write_text(
        f'<!doctype html><html><body><a href="sources/">Sources</a>{anchors}</body></html>'
    )
    (site_dir / "sources" / "index.html").write_text(
        f'<!doctype html><html><body><h1 id="top">Sources</h1><a href="{links[-1]}">again</a>'
        "</body></html>"
    )
    return site_dir


@pytest.fixture(scope="module")
def every_answer(
    tmp_path_factory: pytest.TempPathFactory,
    web: FlakyWeb,
    settings: Settings,
    lychee_config: Path,
) -> Outcome:
    """One check of a site linking to every kind of answer (links last: /gone)."""
    ours = ["sources/#top", "sources/#no-such-part", "no-such-page/"]
    links = [*ours, EXCLUDED, *(f"{web.base}/{name}" for name in [*ENDPOINTS, "gone"])]
    site = small_site(tmp_path_factory.mktemp("every") / "site", links)
    return check_site(site, settings, lychee_config)


def by_link(outcome: Outcome, web: FlakyWeb) -> dict[str, LinkResult]:
    return {r.link.removeprefix(web.base + "/"): r for r in outcome.links}


@pytest.mark.slow  # waits out the local server's hangs and retries
def test_each_answer_gets_its_verdict(every_answer: Outcome, web: FlakyWeb) -> None:
    outcome = every_answer
    results = by_link(outcome, web)
    verdicts = {name: results[name].verdict for name in ENDPOINTS}
    assert verdicts == {
        "live": Verdict.OK,
        "moved": Verdict.REDIRECTED,
        "loop": Verdict.DEAD,
        "missing": Verdict.DEAD,
        "gone": Verdict.DEAD,
        "busy": Verdict.OK,
        "broken-server": Verdict.SERVER_ERROR,
        "forbidden": Verdict.DEAD,
        "hang": Verdict.TIMEOUT,
    }
    assert results["moved"].final_url == f"{web.base}/live"
    assert results["missing"].result == "404 Not Found"
    assert results["gone"].result == "410 Gone"
    assert results["loop"].result.startswith("redirect loop")
    # 429 then 200: lychee asked again, and the second answer counts.
    assert web.requests["/busy"] == 2
    # lychee does not ask again after a 500; the check does (server_error_retries = 2).
    assert (results["broken-server"].attempts, web.requests["/broken-server"]) == (3, 3)
    assert results["gone"].pages == {"", "sources/"}
    # Links between our pages: the page and its #anchor must exist.
    assert results["/sources/#top"].verdict is Verdict.OK
    assert results["/sources/#no-such-part"].verdict is Verdict.MISSING_ANCHOR
    assert results["/no-such-page/"].verdict is Verdict.DEAD
    assert all(results[link].internal for link in ("/sources/#top", "/no-such-page/"))
    assert results[EXCLUDED].verdict is Verdict.SKIPPED
    assert "lychee.toml" in results[EXCLUDED].reason
    failing = {r.link.removeprefix(web.base + "/") for r in outcome.failing}
    assert failing == {
        "loop",
        "missing",
        "gone",
        "broken-server",
        "forbidden",
        "/sources/#no-such-part",
        "/no-such-page/",
    }
    assert [r.link.rsplit("/", 1)[1] for r in outcome.unchecked] == ["hang"]
    assert outcome.pages == ["", "sources/"]


@pytest.mark.slow  # waits out the local server's hangs and retries
def test_report_names_each_broken_link_its_pages_status_and_fix(
    every_answer: Outcome, web: FlakyWeb, tmp_path: Path
) -> None:
    report = render(every_answer, tmp_path, NOW)
    assert "**7 broken links.**" in report
    gone = report.split(f"### <{web.base}/gone>")[1].split("###")[0]
    assert "- **Status:** 410 Gone" in gone
    assert "- **On:** `/`, `/sources/`" in gone
    assert f"<https://web.archive.org/web/*/{web.base}/gone>" in gone
    anchor = report.split("### `/sources/#no-such-part`")[1].split("###")[0]
    assert "the page has no `#no-such-part`" in anchor
    assert "has no such section" in anchor
    moved = report.split("## Moved permanently (1)")[1].split("\n## ")[0]
    assert f"update the link to <{web.base}/live>" in moved
    unchecked = report.split("## Could not be checked (1)")[1]
    assert f"### <{web.base}/hang>" in unchecked
    assert "no answer in time (timeout)" in unchecked


@pytest.mark.slow  # waits out the local server's hangs and retries
def test_allowlisted_host_may_refuse_robots_but_not_lose_pages(
    tmp_path: Path, web: FlakyWeb, settings: Settings, lychee_config: Path
) -> None:
    reason = "answers 403 to scripts (test)"
    allowing = dataclasses.replace(
        settings, refuses_bots=(RefusesBots("localhost", (403,), reason),)
    )
    links = [f"{web.base}/forbidden?allowlist", f"{web.base}/missing?allowlist"]
    site = small_site(tmp_path / "site", links)
    outcome = check_site(site, allowing, lychee_config)
    results = by_link(outcome, web)
    assert results["forbidden?allowlist"].verdict is Verdict.REFUSES_BOTS
    assert results["missing?allowlist"].verdict is Verdict.DEAD
    assert f"- {reason} <{links[0]}>" in render(outcome, tmp_path, NOW)


def age_cache(cache_file: Path, days: float) -> None:
    """Make every answer in lychee's cache (CSV: address, status, Unix time) older."""
    lines = []
    for line in cache_file.read_text().splitlines():
        address, status, checked_at = line.rsplit(",", 2)
        lines.append(f"{address},{status},{int(checked_at) - int(days * DAY)}")
    cache_file.write_text("\n".join(lines) + "\n")


@pytest.mark.slow  # waits out the local server's hangs and retries
def test_cache_spares_recent_good_links_but_asks_again_for_failures(
    tmp_path: Path, web: FlakyWeb, settings: Settings, lychee_config: Path
) -> None:
    live, gone = f"{web.base}/live?cache", f"{web.base}/gone?cache"
    site = small_site(tmp_path / "site", [live, gone])
    cache_dir = tmp_path / "cache"
    check_site(site, settings, lychee_config, cache_dir=cache_dir)
    requests_after_first = web.requests.copy()

    age_cache(cache_dir / ".lycheecache", days=7)
    outcome = check_site(site, settings, lychee_config, cache_dir=cache_dir)
    results = by_link(outcome, web)
    assert web.requests["/live?cache"] == requests_after_first["/live?cache"] == 1
    assert results["live?cache"].from_cache
    assert results["live?cache"].verdict is Verdict.OK
    assert web.requests["/gone?cache"] > requests_after_first["/gone?cache"]
    assert results["gone?cache"].verdict is Verdict.DEAD
    assert "1 answered from the cache" in render(outcome, tmp_path, NOW)

    age_cache(cache_dir / ".lycheecache", days=14)  # 21 days: older than max_cache_age
    check_site(site, settings, lychee_config, cache_dir=cache_dir)
    assert web.requests["/live?cache"] == 2


def test_changed_files_map_to_their_pages() -> None:
    assert changed_pages(["docs/conditions/crps.md", "docs/index.md", "README.md"]) == [
        "",
        "conditions/crps/",
    ]
    assert changed_pages(["docs/about.md", "data/sources.yml"]) is None
    assert changed_pages([".github/workflows/pr.yml"]) == []


def test_a_source_s_url_maps_to_its_line_in_the_sources_file(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    sources = tmp_path / "data" / "sources.yml"
    sources.write_text(
        "# Sources\na2020:\n  title: A\n  url: https://a.example/\n"
        "b2021:\n  title: B\nno_url:\n  title: C\n  url: 5\n"
        "c2022:\n  url: https://c.example/\n",
        encoding="utf-8",
    )
    assert sources_by_url(tmp_path) == {
        "https://a.example/": SourceEntry("a2020", "data/sources.yml:4"),
        "https://c.example/": SourceEntry("c2022", "data/sources.yml:11"),
    }


@pytest.mark.parametrize(
    "content",
    [b"", b"a2020: [\n", b"- a list\n", b"a2020:\n  title: \xff\n"],
    ids=["empty", "not YAML", "not a mapping", "not UTF-8"],
)
def test_a_sources_file_the_build_refuses_gives_the_report_no_places(
    tmp_path: Path, content: bytes
) -> None:
    """The build names the mistake on its line; the link report only says less."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "sources.yml").write_bytes(content)
    assert sources_by_url(tmp_path) == {}
    assert sources_by_url(tmp_path / "none") == {}


def cite_on(project: Path, page: str, key: str, url: str) -> None:
    """A new source ``key`` at ``url``, cited at the end of ``page`` (docs/...)."""
    sources = project / "data" / "sources.yml"
    sources.write_text(
        sources.read_text() + f"\n{key}:\n  title: A test source\n  publisher: Test\n  year: 2020\n"
        f"  url: {url}\n  accessed: 2026-11-20\n  checked: primary\n"
    )
    written = project / page
    written.write_text(written.read_text() + f"\nA claim.{{{{ cite('{key}') }}}}\n")


# The three checks below read one build, each its own page (the check reads the
# pages of the files a pull request changed: --changed-from), and its own source.
DEAD_PAGE, MARKED_PAGE, LIVE_PAGE = "docs/about.md", "docs/glossary.md", "docs/a-to-z.md"
MISSING_LINK = "See [this page]({base}/missing?page)."


@pytest.fixture(scope="module")
@builds_site
def cited(tmp_path_factory: pytest.TempPathFactory, web: FlakyWeb) -> Path:
    """The about page cites a source that is gone; the glossary cites another
    that is gone and links to a page that is missing; the A to Z cites a live one."""
    project = copy_project(tmp_path_factory.mktemp("cited"))
    cite_on(project, DEAD_PAGE, "test2020", f"{web.base}/gone?cli")
    cite_on(project, MARKED_PAGE, "test2021", f"{web.base}/gone?source")
    marked = project / MARKED_PAGE
    marked.write_text(marked.read_text() + "\n" + MISSING_LINK.format(base=web.base) + "\n")
    cite_on(project, LIVE_PAGE, "test2022", f"{web.base}/live?cli")
    built = build(project)
    assert built.returncode == 0, built.output
    return project


def run_link_check(
    project: Path, page: str, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The link check of ``page``'s links, as for a pull request that changed it
    only; its report is written to ``report-<page's name>.md``."""
    changed = project / f"changed-{Path(page).stem}.txt"
    changed.write_text(f"{page}\n")
    lychee_config, settings = fast_settings(project / f"fast-settings-{Path(page).stem}")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "healthsite.links",
            "--site-dir",
            "site",
            "--settings",
            str(settings),
            "--lychee-config",
            str(lychee_config),
            "--changed-from",
            str(changed),
            "--report",
            f"report-{Path(page).stem}.md",
            *extra,
        ],
        cwd=project,
        env={**os.environ, "GITHUB_ACTIONS": "", **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


# One worker builds ``cited`` once for the three.
@pytest.mark.xdist_group("links_cited")
def test_dead_citation_fails_the_check_naming_page_and_source(cited: Path, web: FlakyWeb) -> None:
    checked = run_link_check(cited, DEAD_PAGE)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    report = (cited / "report-about.md").read_text()
    assert report == checked.stdout
    assert "**1 broken link.**" in report
    entry = report.split(f"### <{web.base}/gone?cli>")[1]
    assert "- **Status:** 410 Gone" in entry
    assert "- **On:** `/about/` (docs/about.md)" in entry
    line = (cited / "data" / "sources.yml").read_text().splitlines().index("test2020:") + 5
    assert f"- **Cited as:** source `test2020`, data/sources.yml:{line} (`url:`)" in entry
    assert "Pages changed: about/" in checked.stderr
    assert "::error" not in checked.stdout  # annotations only in GitHub Actions


@pytest.mark.xdist_group("links_cited")
def test_in_github_actions_broken_links_are_marked_where_they_are_written(
    cited: Path, web: FlakyWeb
) -> None:
    checked = run_link_check(
        cited, MARKED_PAGE, env={"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": ""}
    )
    assert checked.returncode == 1, checked.stdout + checked.stderr
    url_line = (cited / "data" / "sources.yml").read_text().splitlines().index("test2021:") + 5
    page_lines = (cited / MARKED_PAGE).read_text().splitlines()
    page_line = page_lines.index(MISSING_LINK.format(base=web.base))
    annotations = [line for line in checked.stdout.splitlines() if line.startswith("::error")]
    assert annotations == [
        f"::error file=data/sources.yml,line={url_line},title=test2021.url::{web.base}/gone?source "
        "is broken (410 Gone); expected a working address: The page is gone: look for its new "
        f"address on the publisher's site, or cite an archived copy if there is one: "
        f"<https://web.archive.org/web/*/{web.base}/gone?source>.",
        f"::error file={MARKED_PAGE},line={page_line + 1},title=link::{web.base}/missing?page "
        "is broken (404 Not Found); expected a working link: The page is gone: look for its new "
        f"address on the publisher's site, or cite an archived copy if there is one: "
        f"<https://web.archive.org/web/*/{web.base}/missing?page>.",
    ]


@pytest.mark.xdist_group("links_cited")
def test_live_citation_passes_the_check(cited: Path, web: FlakyWeb) -> None:
    checked = run_link_check(cited, LIVE_PAGE)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "**No broken links.**" in checked.stdout
    assert web.requests["/live?cli"] == 1


def run_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m healthsite.links`` run in ``folder`` (no build needed)."""
    return subprocess.run(
        [sys.executable, "-m", "healthsite.links", *args],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_broken_settings_file_is_reported_not_a_traceback(tmp_path: Path) -> None:
    settings = tmp_path / "linkcheck.toml"
    text = (ROOT / "linkcheck.toml").read_text().replace("server_error_retries = 3", "")
    settings.write_text(text)
    checked = run_in(tmp_path, "--settings", str(settings))
    assert checked.returncode == 2
    assert f"{settings}: server_error_retries: is missing or not a number" in checked.stderr
    assert "Traceback" not in checked.stderr


def test_broken_lychee_config_is_reported_not_a_traceback(tmp_path: Path) -> None:
    """lychee checks its own settings; its message reaches the editor as it is."""
    (tmp_path / "site").mkdir()
    config = tmp_path / "lychee.toml"
    config.write_text((ROOT / "lychee.toml").read_text().replace("timeout = 20", "timeout = 'x'"))
    settings = str(ROOT / "linkcheck.toml")
    checked = run_in(tmp_path, "--internal-only", "--settings", settings)
    assert checked.returncode == 2
    assert "lychee failed (3)" in checked.stderr
    assert "Cannot load configuration file" in checked.stderr
    assert "Traceback" not in checked.stderr


def test_lychee_names_map_to_the_sites_own_addresses(tmp_path: Path) -> None:
    """lychee names our pages by file; the report names them as a reader's browser does."""
    site = tmp_path / "site"
    (site / "about").mkdir(parents=True)
    root = site.as_uri()
    assert our_link(f"{root}/about#how-we-review", site) == "/about/#how-we-review"
    assert our_link(f"{root}#top", site) == "/#top"
    assert our_link(f"{root}/no-such-page", site) == "/no-such-page/"
    assert our_link(f"{root}/assets/site.css", site) == "/assets/site.css"
    assert our_link(f"{root}/caf%C3%A9", site) == "/café/"  # codespell:ignore
    assert our_link("https://doi.org/10.1/x", site) is None
    assert page_path(str(site / "about" / "index.html"), site) == "about/"
    assert page_path(str(site / "index.html"), site) == ""


def test_lychee_answers_read_as_the_report_words_them() -> None:
    settings = Settings(server_error_retries=0, backoff_seconds=0)
    gone = Row("https://a.org/x", "p", "error", "Rejected status code: 410 Gone", 410)
    assert (classify(gone, settings), result_text(gone)) == (Verdict.DEAD, "410 Gone")
    loop = Row(
        "https://a.org/l", "p", "error", "Rejected status code: 301", 301, (("u", 301),) * 10
    )
    assert classify(loop, settings) is Verdict.DEAD
    assert result_text(loop) == "redirect loop (10 redirects, the last 301)"
    moved = Row("https://a.org/m", "p", "ok", "200 OK", 200, (("https://a.org/new", 308),))
    assert (classify(moved, settings), final_url(moved)) == (
        Verdict.REDIRECTED,
        "https://a.org/new",
    )
    found = Row("https://a.org/t", "p", "ok", "200 OK", 200, (("https://a.org/new", 302),))
    assert classify(found, settings) is Verdict.OK  # a temporary redirect: keep the link
    cached = Row("https://a.org/c", "p", "ok", "OK (cached)", 200, cached=True)
    assert result_text(cached) == "200 OK"
    anchor = Row("file:///s/a#b", "p", "error", "Cannot find fragment", None)
    assert classify(anchor, settings) is Verdict.MISSING_ANCHOR
    doi = Row("https://doi.org/10.1/x", "p", "error", "Rejected status code: 403", 403)
    publisher = (RefusesBots("doi.org", (403,), "bot protection"),)
    assert classify(doi, settings) is Verdict.DEAD
    assert classify(doi, Settings(0, 0, publisher)) is Verdict.REFUSES_BOTS


def test_a_dead_link_on_two_pages_reports_what_the_server_said(tmp_path: Path) -> None:
    # lychee requests a link once per run and answers its other places from the
    # run's cache ("Error (cached)"), in whichever order the requests end.
    settings = Settings(server_error_retries=0, backoff_seconds=0)
    site = tmp_path / "site"
    (site / "sources").mkdir(parents=True)
    pages = [str(site / "sources" / "index.html"), str(site / "index.html")]
    link = "https://a.org/gone"
    remembered = Row(link, pages[0], "error", "Error (cached)", 410, cached=True)
    requested = Row(link, pages[1], "error", "Rejected status code: 410 Gone", 410)
    for rows in ([remembered, requested], [requested, remembered]):
        (result,) = results_by_link(rows, site, settings)
        assert (result.verdict, result.result) == (Verdict.DEAD, "410 Gone")
        assert not result.from_cache  # requested in this run, not an earlier one
        assert result.pages == {"", "sources/"}


def test_an_answer_from_an_earlier_run_is_worded_by_its_status_code() -> None:
    gone = Row("https://a.org/x", "p", "error", "Error (cached)", 410, cached=True)
    odd = Row("https://a.org/y", "p", "error", "Error (cached)", 999, cached=True)
    silent = Row("https://a.org/z", "p", "error", "Error (cached)", None, cached=True)
    assert [result_text(row) for row in (gone, odd, silent)] == ["410 Gone", "999", "Error"]
