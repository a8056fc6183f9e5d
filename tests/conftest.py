"""Shared fixtures: a built copy of the real site, and a copy to break."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.browser import CHROMIUM, CHROMIUM_ARGS, SiteServer, missing_chromium, serve
from tests.sitebuild import Build, build, copy_project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site as it is in the checkout, built once for the whole session."""
    project = copy_project(tmp_path_factory.mktemp("site"))
    result = build(project)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project that a test may change before building."""
    return copy_project(tmp_path)


# --- Browser tests: one server and one Chromium per test session (worker) ---


@pytest.fixture(scope="session")
def site_server(built_site: Build) -> Iterator[SiteServer]:
    """The built site, served over HTTP on 127.0.0.1 by the test itself."""
    with serve(built_site.site_dir) as server:
        yield server


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Debian's headless Chromium; fails (never skips) when it is missing."""
    problem = missing_chromium()
    if problem:
        pytest.fail(problem, pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
