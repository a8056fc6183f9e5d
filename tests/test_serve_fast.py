"""`make serve-fast` (``mkdocs serve --dirty``): the saved page is rebuilt with every check.

A real ``mkdocs serve --dirty`` on a copy of the project, on a free port of
127.0.0.1; pages are saved as an editor would, and the server's log and pages
are read as an editor and a browser would. How long it takes is measured in
benchmarks/ (benchmarks/README.md, "Editor's wait"), not here.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.measure import SERVED_AT, SERVING, LiveReload, ServeSession
from tests.sitebuild import Build

PAGE = "conditions/crps.md"
REBUILT = "Reloading browsers"
# What MkDocs logs last after a rebuild that failed.
FAILED = "An error happened during the rebuild"
# Seconds to wait for a rebuild of this small site (the server's own log says when).
REBUILD_TIMEOUT_S = 300.0


@pytest.fixture
def served(project: Path) -> Iterator[tuple[ServeSession, LiveReload]]:
    session = ServeSession(project / "mkdocs.yml", ("--dirty",))
    try:
        session.wait_for(SERVING, timeout_s=REBUILD_TIMEOUT_S)
        line = next(line for line in reversed(session.log) if SERVING in line)
        found = SERVED_AT.search(line)
        assert found is not None, line
        yield session, LiveReload(found.group(1).rstrip("/"), "/conditions/crps/")
    finally:
        session.stop()


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


def test_make_serve_shows_a_saved_data_file_too(project: Path) -> None:
    """``make serve`` (no --dirty) rebuilds every page on every save."""
    session = ServeSession(project / "mkdocs.yml", ())
    try:
        session.wait_for(SERVING, timeout_s=REBUILD_TIMEOUT_S)
        line = next(line for line in reversed(session.log) if SERVING in line)
        found = SERVED_AT.search(line)
        assert found is not None, line
        _save_a_statistic_and_see_it(project, session, found.group(1).rstrip("/"))
    finally:
        session.stop()
