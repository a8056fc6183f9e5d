"""`make serve-fast` (``mkdocs serve --dirty``) and `make serve`: the saved page is
rebuilt with every check, a saved data file is read again, and an unfinished
page is shown under a "Draft" banner.

A real ``mkdocs serve`` on a copy of the project, on a free port of
127.0.0.1; pages are saved as an editor would, and the server's log and pages
are read as an editor and a browser would. How long it takes is measured in
benchmarks/ (benchmarks/README.md, "Editor's wait"), not here.

The tests of each command share one server, as an editor saves one page after
another under one `make serve-fast`: each starts from the pages as the test
before left them (a successful rebuild), and reads the log from its own first
save on. A server's start builds the whole site, both languages.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.measure import SERVED_AT, SERVING, LiveReload, ServeSession
from healthsite.checks.unfinished import DRAFT_CLASS
from tests.sitebuild import Build, builds_site, copy_project
from tests.test_unfinished_pages import UNCITED_GUIDE

# One worker runs the module, so each server is started once.
pytestmark = pytest.mark.xdist_group("serve_fast")

PAGE = "conditions/crps.md"
REBUILT = "Reloading browsers"
# What MkDocs logs last after a rebuild that failed.
FAILED = "An error happened during the rebuild"
# Seconds to wait for a rebuild of this small site (the server's own log says when).
REBUILD_TIMEOUT_S = 300.0
# A guide that cites nothing: the build refuses it, a server shows it as a draft.
DRAFT_GUIDE = "guides/pacing.md"


@dataclass(frozen=True)
class Served:
    """A running ``mkdocs serve`` on its own copy of the project."""

    project: Path
    session: ServeSession
    base_url: str


def _serve(project: Path, options: tuple[str, ...]) -> Iterator[Served]:
    session = ServeSession(project / "mkdocs.yml", options)
    try:
        session.wait_for(SERVING, timeout_s=REBUILD_TIMEOUT_S)
        line = next(line for line in reversed(session.log) if SERVING in line)
        found = SERVED_AT.search(line)
        assert found is not None, line
        yield Served(project, session, found.group(1).rstrip("/"))
    finally:
        session.stop()


@pytest.fixture(scope="module")
@builds_site
def serve_fast(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """`make serve-fast`: one ``mkdocs serve --dirty`` for the module's tests."""
    yield from _serve(copy_project(tmp_path_factory.mktemp("serve-fast")), ("--dirty",))


@pytest.fixture(scope="module")
@builds_site
def serve_plain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """`make serve` (no --dirty), on a copy where one guide cites nothing."""
    project = copy_project(tmp_path_factory.mktemp("serve"))
    (project / "docs" / DRAFT_GUIDE).write_text(UNCITED_GUIDE, encoding="utf-8")
    yield from _serve(project, ())


@pytest.fixture
def served(serve_fast: Served) -> tuple[ServeSession, LiveReload]:
    return serve_fast.session, LiveReload(serve_fast.base_url, "/conditions/crps/")


@pytest.fixture
def project(serve_fast: Served) -> Path:
    """The copy ``serve_fast`` serves, as the tests before left it."""
    return serve_fast.project


def _save(project: Path, text: str, page: str = PAGE) -> None:
    (project / "docs" / page).write_text(text, encoding="utf-8")


def _log_since(session: ServeSession, start: int) -> str:
    return "".join(session.log[start:])


def _feed(browser: LiveReload) -> dict[str, list[str]]:
    with urllib.request.urlopen(f"{browser.base_url}/api/pages.json", timeout=60) as answer:
        document = json.loads(answer.read())
    return {entry["path"]: entry["sources"] for entry in document["pages"]}


def test_a_mistake_on_the_saved_page_is_reported_then_the_fix_is_shown(
    project: Path, served: tuple[ServeSession, LiveReload], built_site: Build
) -> None:
    session, browser = served
    original = (project / "docs" / PAGE).read_text(encoding="utf-8")
    line = original.count("\n") + 2

    # A browser has the page open: it asks to be told when a newer site is built.
    # (While a rebuild has failed, MkDocs holds page requests until one succeeds.)
    browser.start()
    start = len(session.log)
    _save(project, f"{original}\nA new sentence.{{{{ cite('no_such_source') }}}}\n")
    session.wait_for(FAILED, errors=True, timeout_s=REBUILD_TIMEOUT_S)
    assert f"docs/{PAGE}:{line}: cite: 'no_such_source' is not a key" in _log_since(session, start)

    # Strict mode stays on: MkDocs' own warning about a broken link still stops the build.
    start = len(session.log)
    _save(project, f"{original}\nSee [this page](no-such-page.md).\n")
    session.wait_for(FAILED, errors=True, timeout_s=REBUILD_TIMEOUT_S)
    assert "no-such-page.md" in _log_since(session, start)
    assert "Aborted with 1 warnings in strict mode" in _log_since(session, start)

    start = len(session.log)
    _save(project, f"{original}\nA fixed sentence.\n")
    session.wait_for(REBUILT, timeout_s=REBUILD_TIMEOUT_S)
    browser.wait()
    rebuilt = _log_since(session, start)
    assert f"readability: docs/{PAGE}: Flesch-Kincaid grade" in rebuilt
    assert "A fixed sentence." in browser.page()
    # Only the saved page was rebuilt ...
    assert "readability: docs/treatments/iv-ketamine.md" not in rebuilt
    # ... and the feed still lists what every other page cites.
    full_build = json.loads((built_site.site_dir / "api/pages.json").read_text("utf-8"))
    assert _feed(browser) == {entry["path"]: entry["sources"] for entry in full_build["pages"]}


SPANISH_PAGE = "conditions/crps.es.md"


def test_each_language_s_saved_page_is_checked_and_shown_and_the_other_site_stays(
    project: Path, served: tuple[ServeSession, LiveReload]
) -> None:
    # Under serve --dirty a save rebuilds only its own language's site
    # (healthsite/i18n/rebuilds.py); the other site stays as it was on disk.
    session, english = served
    spanish = LiveReload(english.base_url, "/es/conditions/crps/")
    spanish_original = (project / "docs" / SPANISH_PAGE).read_text(encoding="utf-8")
    english_original = (project / "docs" / PAGE).read_text(encoding="utf-8")
    line = spanish_original.count("\n") + 2

    spanish.start()
    start = len(session.log)
    mistake = "{{ cite('no_such_source') }}"
    _save(project, f"{spanish_original}\nUna frase nueva.{mistake}\n", SPANISH_PAGE)
    session.wait_for(FAILED, errors=True, timeout_s=REBUILD_TIMEOUT_S)
    assert f"docs/{SPANISH_PAGE}:{line}: cite: 'no_such_source' is not a key" in _log_since(
        session, start
    )

    start = len(session.log)
    _save(project, f"{spanish_original}\nUna frase corregida.\n", SPANISH_PAGE)
    session.wait_for(REBUILT, timeout_s=REBUILD_TIMEOUT_S)
    spanish.wait()
    rebuilt = _log_since(session, start)
    # Checked as a Spanish page is, and shown.
    assert f"readability: docs/{SPANISH_PAGE}: INFLESZ" in rebuilt
    assert "Una frase corregida." in spanish.page()

    english.start()
    start = len(session.log)
    _save(project, f"{english_original}\nA new English sentence.\n")
    session.wait_for(REBUILT, timeout_s=REBUILD_TIMEOUT_S)
    english.wait()
    assert f"readability: docs/{PAGE}: Flesch-Kincaid grade" in _log_since(session, start)
    assert "A new English sentence." in english.page()
    # The Spanish site, not built this time, still serves the Spanish page as last saved.
    spanish_page = spanish.page()
    assert "Una frase corregida." in spanish_page
    assert 'lang="es"' in spanish_page


# A statistic the CRPS page and the home page show, in both languages.
STATISTIC_VALUE = "  value: 5.46\n"
CLAIMS = {
    "/conditions/crps/": "about {} people in every 100,000",
    "/": "about {} people in every 100,000",
    "/es/": "unas {} de cada 100,000",
    "/es/conditions/crps/": "unas {} de cada 100,000",
}


def _save_a_statistic_and_see_it(project: Path, session: ServeSession, base_url: str) -> str:
    """Change a statistic's value in data/ and see it on every page that shows
    it, once the server has rebuilt; the server's log since the save."""
    pages = [LiveReload(base_url, path) for path in CLAIMS]
    for page in pages:
        assert CLAIMS[page.page_url].format("5.46") in page.page(), page.page_url
    statistics = project / "data" / "statistics.yml"
    original = statistics.read_text(encoding="utf-8")
    assert original.count(STATISTIC_VALUE) == 1

    pages[0].start()
    start = len(session.log)
    statistics.write_text(original.replace(STATISTIC_VALUE, "  value: 7.91\n"), encoding="utf-8")
    session.wait_for(REBUILT, timeout_s=REBUILD_TIMEOUT_S)
    pages[0].wait()
    for page in pages:
        text = page.page()
        assert CLAIMS[page.page_url].format("7.91") in text, page.page_url
        assert CLAIMS[page.page_url].format("5.46") not in text, page.page_url
    return _log_since(session, start)


def test_a_saved_data_file_is_read_again_and_every_page_showing_it_is_rebuilt(
    project: Path, served: tuple[ServeSession, LiveReload]
) -> None:
    # mkdocs.yml watches data/: a save there rebuilds, though no page was saved,
    # and a dirty rebuild renders every page again (healthsite/i18n/rebuilds.py).
    session, browser = served
    rebuilt = _save_a_statistic_and_see_it(project, session, browser.base_url)
    assert "a data file changed; rebuilding every page" in rebuilt


def test_make_serve_shows_a_saved_data_file_too(serve_plain: Served) -> None:
    """``make serve`` (no --dirty) rebuilds every page on every save."""
    _save_a_statistic_and_see_it(serve_plain.project, serve_plain.session, serve_plain.base_url)


def _served_page(served: Served, path: str) -> str:
    with urllib.request.urlopen(f"{served.base_url}{path}", timeout=60) as answer:
        return str(answer.read().decode("utf-8"))


def test_mkdocs_serve_shows_an_unfinished_page_with_a_draft_banner(serve_plain: Served) -> None:
    """The editor previews the page as they write it; the banner lists what the
    build refuses, in the build's own words (tests/test_unfinished_pages.py:
    the build itself refuses it)."""
    html = _served_page(serve_plain, "/guides/pacing/")
    crps = _served_page(serve_plain, "/conditions/crps/")
    log = "".join(serve_plain.session.log)
    message = f"docs/{DRAFT_GUIDE}:12: cite: this guide page cites no source"
    assert f"draft (the build refuses it): {message}" in log
    assert f'<div class="admonition warning {DRAFT_CLASS}" role="note">' in html
    assert "Draft: not ready for readers" in html
    assert f"<li>{message}" in html
    assert "Plan your day in small steps." in html
    # A finished page has no banner.
    assert DRAFT_CLASS not in crps
