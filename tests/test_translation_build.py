"""Translation drift in a real build of the site, in a git repository: the notice
readers of an out-of-date translation see, and the mistakes that fail the build."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from healthsite.translations.__main__ import main
from healthsite.translations.editing import START_MARKER
from tests.sharedbuilds import SPANISH_MISTAKES, SharedBuilds
from tests.sitebuild import (
    Build,
    assert_fails_with,
    build,
    builds_site,
    copy_project,
    problems_about,
)
from tests.translatedhistory import commit_copy
from tests.translationrepo import commit, git

# The builds below are shared by the tests of this file: one worker runs them all.
pytestmark = pytest.mark.xdist_group("translation_build")

NOTICE = re.compile(r'<aside class="translation-outdated-notice".*?</aside>', re.DOTALL)
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
REVIEW_BOX = re.compile(r'<aside class="page-review".*?</aside>', re.DOTALL)
HARD_SPANISH = (
    "La sensibilización central constituye un mecanismo fisiopatológico caracterizado por "
    "la amplificación de la transmisión nociceptiva en las estructuras medulares y "
    "supramedulares correspondientes, con repercusiones terapéuticas considerables.\n"
)


def _in_git(project: Path, date: str = "2026-01-01") -> None:
    git(project, "init", "-q", "-b", "main")
    commit_copy(project, lambda message: commit(project, date, message))


def _change_english_home(project: Path, date: str) -> None:
    home = project / "docs/index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nWe add new pages often.\n", "utf-8")
    commit(project, date, "home: a sentence")


def _feed_entry(result: Build, feed: str, source_file: str) -> dict[str, Any]:
    document = json.loads((result.site_dir / feed).read_text(encoding="utf-8"))
    [entry] = [page for page in document["pages"] if page["source_file"] == source_file]
    return dict(entry)


def _notice(result: Build, path: str) -> str:
    found = NOTICE.search(result.page(path))
    return found.group(0) if found else ""


@pytest.fixture(scope="module")
@builds_site
def home_changed(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site in git, its English home page changed after its translation and
    after its last review (20 November 2026; the other pages' files changed before)."""
    project = copy_project(tmp_path_factory.mktemp("home-changed"))
    # Translations of the home and CRPS pages current before the changes below,
    # though an English-only change on main may have put them out of date.
    for translated in ("docs/index.es.md", "docs/conditions/crps.es.md"):
        assert main(["--root", str(project), "stamp", translated]) == 0
    _in_git(project)
    _change_english_home(project, "2026-12-01")
    ketamine = project / "docs/treatments/iv-ketamine.md"
    ketamine.write_text(ketamine.read_text("utf-8") + "\nAsk your care team.\n", "utf-8")
    commit(project, "2026-12-02", "ketamine: a sentence")
    return build(project)


def test_an_out_of_date_translation_says_so_in_spanish_with_the_date(home_changed: Build) -> None:
    result = home_changed
    assert result.returncode == 0, result.output
    notice = _notice(result, "es/")
    assert "Es posible que esta traducción no esté al día" in notice  # codespell:ignore
    assert (
        "La página en inglés cambió el 1 de diciembre de 2026, después de hacer esta traducción. "
        "Es posible que esta traducción todavía no coincida con ella."  # codespell:ignore
    ) in " ".join(notice.split())
    # The link leads to the English page, from /es/.
    assert '<a href="../" hreflang="en">Lea la página en inglés</a>' in notice
    assert _notice(result, "") == ""  # the English page has none
    # api/pages.json, in both languages, says so too.
    stale = {"status": "out_of_date", "out_of_date_since": "2026-12-01"}
    english = _feed_entry(result, "api/pages.json", "docs/index.md")
    assert english["translations"]["es"].items() >= stale.items()
    spanish = _feed_entry(result, "es/api/pages.json", "docs/index.es.md")
    assert spanish["translation"].items() >= stale.items()
    assert "translations: out-of-date translations are shown without a date" not in result.output


def _review_box(result: Build, path: str) -> str:
    found = REVIEW_BOX.search(result.page(path))
    assert found, f"{path}: no review box"
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(0)).split())


def test_a_page_changed_after_its_review_says_when(home_changed: Build) -> None:
    assert home_changed.returncode == 0, home_changed.output
    assert (
        "Page last reviewed 20 November 2026 Changed after that review 1 December 2026 "
        "Next review due"
    ) in _review_box(home_changed, "")
    # Changed before their reviews: the review date says it all.
    assert "Changed after" not in _review_box(home_changed, "conditions/crps/")
    assert "Cambiada después" not in _review_box(home_changed, "es/")


def test_search_engines_get_the_day_a_page_changed_after_its_review(home_changed: Build) -> None:
    def described(path: str) -> dict[str, Any]:
        [found] = JSON_LD.findall(home_changed.page(path))
        return dict(json.loads(found))

    ketamine = described("treatments/iv-ketamine/")
    assert "Changed after that review 2 December 2026" in _review_box(
        home_changed, "treatments/iv-ketamine/"
    )
    assert (ketamine["lastReviewed"], ketamine["dateModified"]) == ("2026-11-20", "2026-12-02")
    assert "dateModified" not in described("conditions/crps/")


def test_a_current_translation_has_no_notice(home_changed: Build) -> None:
    """The CRPS page did not change since its translation (the home page did)."""
    assert home_changed.returncode == 0, home_changed.output
    assert "Síndrome de dolor regional complejo" in home_changed.page("es/conditions/crps/")
    assert _notice(home_changed, "es/conditions/crps/") == ""


def test_without_history_the_notice_has_no_date_and_the_build_says_why(project: Path) -> None:
    """A site built from a release archive: no git, so the change cannot be dated."""
    home = project / "docs/index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nWe add new pages often.\n", "utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    assert "La página en inglés cambió después de hacer esta traducción." in " ".join(
        _notice(result, "es/").split()
    )
    said = "INFO    -  translations: out-of-date translations are shown without a date"
    assert result.output.count(said) == 1
    assert "Changed after" not in _review_box(result, "")  # nor is any page's change


@SPANISH_MISTAKES.mistake
def _mistakes(project: Path) -> None:
    """Translations of pages that are gone or never were, a fingerprint that
    matches nothing and Spanish below the readability floor, in one build with
    other Spanish pages' mistakes (tests/sharedbuilds.py)."""
    (project / "docs/gone.md").write_text("# Gone\n", encoding="utf-8")
    _in_git(project)
    (project / "docs/gone.md").unlink()
    commit(project, "2026-02-02", "remove a page")
    spanish_home = project / "docs/index.es.md"
    for orphan in ("gone", "never"):
        (project / f"docs/{orphan}.es.md").write_text(spanish_home.read_text("utf-8"), "utf-8")
    text = re.sub(r"fingerprint: \w+", "fingerprint: 0123456789ab", spanish_home.read_text("utf-8"))
    # Enough hard prose to outweigh the page's easy sentences.
    hard = "\n".join([HARD_SPANISH] * 15)
    spanish_home.write_text(text.replace("Este sitio trata", f"{hard}\nEste sitio trata", 1))


@pytest.fixture
def mistakes(shared_builds: SharedBuilds) -> Build:
    return shared_builds.of(_mistakes).result


def test_translation_mistakes_fail_the_build_with_file_and_line(mistakes: Build) -> None:
    assert_fails_with(
        mistakes,
        "docs/index.es.md:5: translation.fingerprint: '0123456789ab' matches no version of "
        "docs/index.md in git history",
        "docs/gone.es.md:1: translation: is the translation of a page that no longer exists: "
        "docs/gone.md was removed on 2026-02-02",
        "docs/never.es.md:1: translation: translates docs/never.md, which does not exist",
    )


def test_a_spanish_page_below_the_readability_floor_fails(mistakes: Build) -> None:
    assert_fails_with(
        mistakes,
        "docs/index.es.md:12: readability: INFLESZ ",
        "; the floor is INFLESZ 55, Fernández Huerta 60",
    )


STARTED = "docs/conditions/crps.es.md"


@SPANISH_MISTAKES.mistake
def _started_translation(project: Path) -> int:
    """A translation started and not done, in one build with other Spanish pages'
    mistakes (tests/sharedbuilds.py); what the command returned."""
    (project / STARTED).unlink(missing_ok=True)
    return main(["--root", str(project), "start", "conditions/crps.md"])


def test_a_started_translation_fails_only_until_it_is_translated(
    shared_builds: SharedBuilds,
) -> None:
    """`make new-page TRANSLATE=...` writes a page the build reads without a
    template error; the build refuses it only for the English still in it."""
    shared = shared_builds.of(_started_translation)
    assert shared.made == 0
    started = shared.text(STARTED)
    marker_line = started[: started.index(START_MARKER)].count("\n") + 1
    [problem] = problems_about(shared.result, "Pages with problems", STARTED)  # its one problem
    assert problem.startswith(
        f"{STARTED}:{marker_line}: translation: the page still holds the English to translate"
    )
