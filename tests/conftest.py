"""Shared fixtures: a built copy of the real site, and a copy to break.

Also the two lanes. A test that takes a fixture decorated ``@builds_site``
(tests/sitebuild.py), directly or through another fixture, is marked
``build``; one that takes ``chromium`` is marked ``browser``. ``pytest --fast``
(``make test-fast``) leaves out every test marked ``build``, ``browser`` or
``slow``, and fails a test that still builds the site, so a new test cannot
slip into the fast lane unnoticed. ``make test`` runs them all.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import settings
from playwright.sync_api import Browser, sync_playwright

from healthsite.serving import TEMPLATE_CACHE_VARIABLE
from tests import sitebuild
from tests.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    KNOWN_FAILURES_ATTRIBUTE,
    SiteServer,
    missing_chromium,
    reader_pages,
    serve,
)
from tests.pagevisit import PageVisit, PageVisits, pages_searched, screen_tabs
from tests.sharedbuilds import SharedBuilds
from tests.sitebuild import Build, build, builds, builds_site, copy_project

# CI (CI=true, as .ci/run and GitHub set it) tries the same Hypothesis examples
# on every run, so a pull request is never blocked by a new random input that
# has nothing to do with it (Hypothesis's advice for CI). `make test` anywhere
# else draws new examples each run; what they find is kept as a regular test
# in tests/test_fuzz_inputs.py, and from then on CI runs it too.
# --dist loadgroup (pyproject.toml) keeps each xdist_group on one worker:
# pytest 9.2 needs tests/xdistgroups.py for that.
pytest_plugins = ["tests.xdistgroups"]

settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


SLOW_MARKS = ("build", "browser", "slow")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fast",
        action="store_true",
        help="the fast lane (make test-fast): leave out tests marked build, browser or slow",
    )


def _fast_lane(config: pytest.Config) -> bool:
    return bool(config.getoption("--fast"))


def pytest_configure(config: pytest.Config) -> None:
    _keep_compiled_templates()
    if _fast_lane(config):
        sitebuild.refuse_builds(
            "`make test-fast` builds no whole site, and this test builds one (or publishes "
            "one with mike) without saying so: take a fixture decorated @builds_site "
            "(built_site, project) or decorate the fixture that builds, or mark the test "
            "@pytest.mark.build"
        )


def _keep_compiled_templates() -> None:
    """Every build of the run (mike's and the benchmarks' too) keeps the theme's
    compiled templates in one folder (healthsite/serving.py, ``CompiledTemplates``):
    Jinja compiled the same templates again in each of some 80 builds. Jinja
    checks each template's source, so a test's edited template is compiled anew.

    Made by the first pytest of the run: pytest-xdist's workers, and a pytest
    a test starts, inherit the variable."""
    if TEMPLATE_CACHE_VARIABLE in os.environ:
        return
    folder = Path(tempfile.mkdtemp(prefix="healthsite-templates-"))
    _own_folders.append(folder)
    os.environ[TEMPLATE_CACHE_VARIABLE] = str(folder)


# Folders this process made for its run, removed at its end.
_own_folders: list[Path] = []


def _uses_a_build(item: pytest.Item) -> bool:
    """The test, or a fixture it takes (directly or through another), builds the site."""
    if not isinstance(item, pytest.Function):
        return False
    if "reader_page" in item.fixturenames:  # parametrized with the pages a build wrote
        return True
    # pytest's own record of the fixtures this test takes, the indirect ones too.
    fixture_defs = item._fixtureinfo.name2fixturedefs.values()
    return any(builds(definition.func) for defs in fixture_defs for definition in defs)


def _slow(item: pytest.Item) -> bool:
    """Marked build, browser or slow: what `pytest --fast` leaves out."""
    return any(item.get_closest_marker(mark) for mark in SLOW_MARKS)


def _visit_group(item: pytest.Item) -> str | None:
    """The xdist group of a test that reads a page's shared visit (``page_visit``):
    one per page, so that one worker visits the page for every such test."""
    if not isinstance(item, pytest.Function) or "page_visit" not in item.fixturenames:
        return None
    page = str(item.callspec.params["reader_page"])
    return "page_visit-" + (page.strip("/").replace("/", "-") or "home")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _uses_a_build(item):
            item.add_marker(pytest.mark.build)
        if "chromium" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
        group = _visit_group(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))
    if not _fast_lane(config):
        # Long tests first, the fast lane's last: pytest-xdist hands out tests
        # (after the xdist groups) in this order, so the short ones fill the end
        # of the run and no worker is left alone with a long test while the
        # other has nothing to do. The same order on every worker (xdist checks).
        items.sort(key=lambda item: not _slow(item))
        return
    slow = [item for item in items if _slow(item)]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item not in slow]


@functools.cache
def _checkout_build(shared: Path | None) -> Build:
    """The site as it is in the checkout, built once per test run.

    Built when first needed, which may be while tests are collected: tests
    over "every page" are parametrized with the pages this build wrote. Under
    pytest-xdist the workers share one build in ``shared`` (the first to need
    it builds it, the other waits for it): both would build the same site.
    A run of the whole suite on workers has it started before them
    (``pytest_sessionstart``). Tests only read it.
    """
    if shared is None:
        return _build_checkout(Path(tempfile.mkdtemp(prefix="healthsite-built-")))
    return _shared_checkout_build(shared)


def _shared_checkout_build(shared: Path) -> Build:
    """The checkout build in the folder pytest-xdist's workers share: made by
    the first process to get there (a worker, or the controller's
    ``_EarlyBuild``), read by the others."""
    folder = shared / "checkout-build"
    # Written last, beside the project: the build's output, once it succeeded.
    output = shared / "checkout-build.output"
    with FileLock(f"{folder}.lock"):
        if not output.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            output.write_text(_build_checkout(folder).output, encoding="utf-8")
    return Build(0, output.read_text(encoding="utf-8"), folder / "site")


def _build_checkout(folder: Path) -> Build:
    result = build(copy_project(folder))
    assert result.returncode == 0, f"the site does not build:\n{result.output}"
    return result


class _EarlyBuild:
    """The checkout build, started by pytest-xdist's controller as the run
    starts, in the folder its workers share.

    Each worker needs the build while it collects (``pytest_generate_tests``),
    some seconds in, once it has imported the test modules before the first
    over every page; the first to get there built it while the other waited,
    a core idle for a whole build. Started here, it runs while the workers
    start and import. A build that fails writes nothing, so the first worker
    builds it again and fails collection with the build's output, as before.
    Only for a run of the whole suite (pytest's ``testpaths``): a run of a few
    files may need no build at all."""

    def __init__(self, shared: Path) -> None:
        self._thread = threading.Thread(
            target=self._build, args=(shared,), name="checkout build", daemon=True
        )
        self._thread.start()

    @staticmethod
    def _build(shared: Path) -> None:
        # The site does not build: the worker that builds it again says why.
        with contextlib.suppress(AssertionError):
            _shared_checkout_build(shared)

    def join(self) -> None:
        self._thread.join()


def _starts_workers(config: pytest.Config) -> bool:
    """This process is pytest-xdist's controller, about to start the workers
    (xdist registers its session, "dsession", only then)."""
    return config.pluginmanager.has_plugin("dsession") and not hasattr(config, "workerinput")


_early_builds: list[_EarlyBuild] = []


def pytest_sessionstart(session: pytest.Session) -> None:
    # Before xdist's own hook (trylast), which starts the workers.
    config = session.config
    if (
        _fast_lane(config)
        or not _starts_workers(config)
        or config.args_source is not pytest.Config.ArgsSource.TESTPATHS
    ):
        return
    # The workers' temporary folders are made in this one (xdist's
    # WorkerController.setup), so it is the folder they share (_shared_folder).
    shared = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    _early_builds.append(_EarlyBuild(shared))


def _shared_folder(config: pytest.Config) -> Path | None:
    """The folder all pytest-xdist workers of this run share (the parent of
    each worker's temporary folder), or None outside pytest-xdist.

    Asked of the process's own config, not of PYTEST_XDIST_WORKER: a pytest a
    worker's test starts (tests/test_browser_setup.py) inherits that variable
    but is no worker, and has no temporary folder of a run to share."""
    if not hasattr(config, "workerinput") or config.option.basetemp is None:
        return None
    return Path(config.option.basetemp).parent


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test taking ``reader_page`` runs once for every page the build wrote.

    Pages a test names with ``@known_failures`` (tests/browser.py) run as
    strict expected failures; a page no longer built is an error, so the
    list cannot go stale.
    """
    if "reader_page" not in metafunc.fixturenames:
        return
    if _fast_lane(metafunc.config):  # the test is left out: do not build to list pages
        metafunc.parametrize("reader_page", [])
        return
    pages = reader_pages(_checkout_build(_shared_folder(metafunc.config)).site_dir)
    known: dict[str, str] = getattr(metafunc.function, KNOWN_FAILURES_ATTRIBUTE, {})
    gone = sorted(set(known) - set(pages))
    if gone:
        raise pytest.UsageError(
            f"{metafunc.function.__name__}: @known_failures names pages the build no "
            f"longer writes: {', '.join(gone)}; remove them"
        )
    metafunc.parametrize(
        "reader_page",
        [
            pytest.param(page, marks=pytest.mark.xfail(reason=known[page], strict=True))
            if page in known
            else page
            for page in pages
        ],
        ids=lambda path: f"/{path}",
    )


def pytest_unconfigure(config: pytest.Config) -> None:
    for early in _early_builds:
        early.join()
    # The shared build stays with the run's temporary folders (pytest removes
    # old runs' folders); one process's own build is removed now.
    if _checkout_build.cache_info().currsize and _shared_folder(config) is None:
        shutil.rmtree(_checkout_build(None).site_dir.parent, ignore_errors=True)
    for folder in _own_folders:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
@builds_site
def built_site(pytestconfig: pytest.Config) -> Build:
    """The site as it is in the checkout, built once for the whole run."""
    return _checkout_build(_shared_folder(pytestconfig))


@pytest.fixture(scope="session")
@builds_site
def shared_builds(
    pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory
) -> SharedBuilds:
    """Copies of the site holding several modules' mistakes, each built once for
    the whole run, by the first worker that needs it (tests/sharedbuilds.py)."""
    shared = _shared_folder(pytestconfig)
    return SharedBuilds(shared or tmp_path_factory.mktemp("shared-builds"))


@pytest.fixture
@builds_site
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


@pytest.fixture(scope="session")
def page_visits(
    chromium: Browser,
    built_site: Build,
    site_server: SiteServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[PageVisits]:
    """Each page visited once on a phone and a desktop screen, when a test
    first asks for it (tests/pagevisit.py): what the axe, print, console and
    privacy tests check. One browser context, recording CSP violations, with
    a tab per screen that loads every page this worker visits; the reader
    searches on one page per search setting (tests/pagevisit.py)."""
    searched = {site_server.url(page) for page in pages_searched(built_site.site_dir)}
    with screen_tabs(chromium) as tabs:
        yield PageVisits(tabs, tmp_path_factory.mktemp("printed"), searched)


@pytest.fixture
def page_visit(page_visits: PageVisits, site_server: SiteServer, reader_page: str) -> PageVisit:
    """The visit to ``reader_page`` (see ``page_visits``). The tests taking it
    are one xdist group per page (``pytest_collection_modifyitems``), so one
    worker visits each page once for all of them."""
    return page_visits.of(site_server.url(reader_page))
