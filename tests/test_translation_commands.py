"""``make translations`` and ``make new-page TRANSLATE=...``: the report, stamping
a translation and starting one (healthsite/translations/__main__.py, editing.py),
and what CI writes (report.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from healthsite.translations.__main__ import main
from healthsite.translations.editing import heading_with_id, stamped
from healthsite.translations.status import State, check_translations
from healthsite.yamlfile import YamlFiles
from tests.test_translations import TODAY, current_print, spanish
from tests.translationrepo import ENGLISH, Project

DAY = dt.date(2026, 12, 5)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.setenv("HEALTHSITE_TODAY", DAY.isoformat())
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return Project(tmp_path / "site")


# --- stamp -----------------------------------------------------------------------------


def test_stamp_changes_only_the_fingerprint_and_date_values() -> None:
    text = (
        "---\r\ntitle: Una página  # el título\r\ntranslation:\r\n"
        "  fingerprint: TODO   # what make translations prints\r\n"
        "  translated: 2026-01-02\r\n  translated_by: editorial-team\r\n---\r\n\r\nTexto.\r\n"
    )
    expected = text.replace("TODO", "0123456789ab").replace("2026-01-02", "2026-12-05")
    assert stamped(text, "0123456789ab", DAY, "docs/x.es.md") == expected


def test_stamp_adds_what_the_record_lacks() -> None:
    text = "---\ntitle: Una página\ntranslation:\n    translated_by: maria\n---\nTexto.\n"
    assert stamped(text, "0123456789ab", DAY, "x") == (
        "---\ntitle: Una página\ntranslation:\n    translated_by: maria\n"
        "    fingerprint: 0123456789ab\n    translated: 2026-12-05\n---\nTexto.\n"
    )
    bare = "---\ntitle: Una página\n---\nTexto.\n"
    assert stamped(bare, "012345678901", DAY, "x") == (
        "---\ntitle: Una página\ntranslation:\n  fingerprint: '012345678901'\n"
        "  translated: 2026-12-05\n  translated_by: editorial-team\n---\nTexto.\n"
    )


def test_make_translations_stamp_makes_an_out_of_date_page_current(repo: Project) -> None:
    repo.commit("2026-01-01")
    repo.write("docs/page.es.md", spanish(current_print(repo)))
    repo.write("docs/page.md", ENGLISH + "\nMore.\n")
    repo.commit("2026-02-01")
    status = check_translations(repo.root, today=TODAY).status_of("docs/page.md")
    assert status is not None
    assert status.state is State.out_of_date
    assert main(["--root", str(repo.root), "stamp", "docs/page.es.md"]) == 0
    status = check_translations(repo.root, today=TODAY).status_of("docs/page.md")
    assert status is not None
    assert status.state is State.current
    assert "  translated: 2026-12-05\n" in repo.read("docs/page.es.md")


def test_stamp_refuses_a_page_that_is_not_a_translation(
    repo: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(repo.root), "stamp", "docs/page.md"]) == 2
    assert capsys.readouterr().err == (
        "translations: docs/page.md: is not a Spanish page; expected docs/PATH.es.md\n"
    )


# --- start (make new-page TRANSLATE=...) ---------------------------------------------------


def test_start_writes_a_spanish_page_to_translate_with_the_fingerprint(
    repo: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.write(
        "docs/page.md",
        ENGLISH.replace("title: A page\n", "title: A page\nalternative_names:\n  - Page\n")
        + "\n## Is there a cure?\n\nNo.\n",
    )
    assert main(["--root", str(repo.root), "start", "page.md"]) == 0
    assert capsys.readouterr().out.startswith("docs/page.es.md: started from docs/page.md.")
    text = repo.read("docs/page.es.md")
    assert text.startswith(
        "---\ntitle: A page\nalternative_names:\n  - Page\ntranslation:\n"
        f"  fingerprint: {current_print(repo)}\n  translated: 2026-12-05\n"
        "  translated_by: editorial-team\n---\n\n<!-- TRADUCIR: "
    )
    assert "\n## Is there a cure? {#is-there-a-cure}\n" in text
    assert "{{ stat('used_stat') }}" in text
    # Until the English is translated and the comment removed, the build refuses it.
    [problem] = check_translations(repo.root, today=TODAY).problems
    assert str(problem) == (
        "docs/page.es.md:11: translation: the page still holds the English to translate "
        "(below the '<!-- TRADUCIR:' comment); expected it in Spanish, and the comment deleted"
    )


def test_start_keeps_an_existing_translation(
    repo: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.write("docs/page.es.md", "mine")
    assert main(["--root", str(repo.root), "start", "docs/page.md"]) == 2
    assert "docs/page.es.md: already exists" in capsys.readouterr().err
    assert repo.read("docs/page.es.md") == "mine"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("## Symptoms", "## Symptoms {#symptoms}"),
        ("### Who gets it?", "### Who gets it? {#who-gets-it}"),
        ("## Already {#given}", "## Already {#given}"),
        ("# The title", "# The title"),
    ],
)
def test_headings_keep_the_english_id(line: str, expected: str) -> None:
    assert heading_with_id(line) == expected


# --- report, and CI -----------------------------------------------------------------------


def test_report_lists_every_page(repo: Project, capsys: pytest.CaptureFixture[str]) -> None:
    repo.write("docs/other.md", ENGLISH)
    repo.commit("2026-01-01")
    repo.write("docs/page.es.md", spanish(current_print(repo)))
    assert main(["--root", str(repo.root), "report"]) == 0
    assert capsys.readouterr().out == (
        "English page   Spanish translation\n"
        "----------------------------------\n"
        "docs/other.md  missing\n"
        "docs/page.md   current\n"
        "1 current, 0 out of date, 1 missing, of 2 pages\n"
    )
    assert main(["--root", str(repo.root), "report", "--markdown"]) == 0
    assert capsys.readouterr().out.startswith(
        "| English page | Spanish translation |\n| --- | --- |\n| `docs/other.md` | missing |\n"
    )


def test_report_on_github_warns_of_each_stale_translation_without_failing(
    repo: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.commit("2026-01-01")
    repo.write("docs/page.es.md", spanish(current_print(repo)))
    repo.write("docs/page.md", ENGLISH + "\nMore.\n")
    repo.commit("2026-02-01")
    summary = repo.root.parent / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["--root", str(repo.root), "report", "--github"]) == 0
    out = capsys.readouterr().out
    assert (
        "::warning file=docs/page.es.md,line=4,title=Translation out of date::docs/page.md "
        "changed on 2026-02-01 after this translation was made; update the Spanish, then run "
        "`make translations STAMP=docs/page.es.md`\n"
    ) in out
    written = summary.read_text(encoding="utf-8")
    assert "1 out of date (the English page changed after they were made):" in written
    assert "- `docs/page.es.md`: docs/page.md changed on 2026-02-01" in written


def test_report_fails_on_a_problem(repo: Project, capsys: pytest.CaptureFixture[str]) -> None:
    repo.write("docs/page.es.md", spanish("TODO"))
    assert main(["--root", str(repo.root), "report"]) == 1
    assert "docs/page.es.md:4: translation.fingerprint: is TODO" in capsys.readouterr().err


# --- what the build does with a status ---------------------------------------------------


def test_the_notice_says_when_the_english_page_changed() -> None:
    from healthsite.i18n.interface import load_interface
    from healthsite.translations.notice import out_of_date_notice
    from healthsite.translations.status import PageStatus
    from tests.sitebuild import ROOT

    interface, problems = load_interface(ROOT)
    assert problems == []
    words = interface.words("es")
    stale = PageStatus("docs/a.md", "docs/a.es.md", State.out_of_date, dt.date(2026, 3, 1))
    notice = out_of_date_notice(stale, "a/", words, "es")
    assert notice is not None
    assert notice.said.startswith("La página en inglés cambió el 1 de marzo de 2026, ")
    assert notice.english_url == "a/"
    current = PageStatus("docs/a.md", "docs/a.es.md", State.current)
    assert out_of_date_notice(current, "a/", words, "es") is None


def test_api_pages_json_gets_each_translations_status() -> None:
    from healthsite.translations.build import BuildTranslations, with_statuses
    from healthsite.translations.status import PageStatus, Translations

    translations = BuildTranslations(YamlFiles())
    translations.translations = Translations(
        [PageStatus("docs/a.md", "docs/a.es.md", State.out_of_date, dt.date(2026, 3, 1))]
    )
    english = {"source_file": "docs/a.md", "translations": {"es": {"status": None}}}
    spanish = {"source_file": "docs/a.es.md", "translation": {"status": None}}
    other = {"source_file": "docs/b.md", "translations": {}}
    document = with_statuses({"pages": [english, spanish, other]}, translations)
    expected = {"status": "out_of_date", "out_of_date_since": "2026-03-01"}
    assert document["pages"][0]["translations"]["es"] == expected
    assert document["pages"][1]["translation"] == expected
    assert document["pages"][2] == {"source_file": "docs/b.md", "translations": {}}


def test_under_serve_an_unfinished_translation_is_a_draft(
    repo: Project, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from healthsite.translations.build import BuildTranslations
    from healthsite.translations.history import GitHistory

    repo.commit("2026-01-01")
    assert main(["--root", str(repo.root), "start", "docs/page.md"]) == 0
    repo.write("docs/other.es.md", spanish("0123456789ab"))
    translations = BuildTranslations(YamlFiles())
    translations.check(repo.root, "docs", GitHistory(repo.root))
    assert len(translations.problems(drafts_allowed=False)) == 2
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.healthsite"):
        [kept] = translations.problems(drafts_allowed=True)
    assert kept.path == "docs/other.es.md"
    assert "draft (the build refuses it): docs/page.es.md:9: translation: the page still" in (
        caplog.text
    )
