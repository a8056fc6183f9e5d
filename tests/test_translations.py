"""Translation drift: fingerprints, each Spanish page's status from git history,
and the messages an editor gets (healthsite/translations/)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from healthsite import yamlfile
from healthsite.content.datafiles import BY_NAME
from healthsite.translations.fingerprint import DATA_FILES, DataVersion, fingerprint
from healthsite.translations.history import GitHistory
from healthsite.translations.status import Kept, State, Translations, check_translations
from healthsite.yamlfile import YamlFiles
from tests.translationrepo import ENGLISH, GLOSSARY, REVIEWERS, STATISTICS, Project

ROOT = Path(__file__).resolve().parents[1]

TODAY = dt.date(2026, 12, 5)


def spanish(print_: str, *, before: str = "", after: str = "") -> str:
    return (
        "---\n"
        "title: Una página\n"
        f"{before}"
        "translation:\n"
        f"  fingerprint: {print_}\n"
        "  translated: 2026-01-02\n"
        "  translated_by: editorial-team\n"
        f"{after}"
        "---\n\n# Una página\n\nEl roce duele: alodinia.\n"
    )


def current_print(repo: Project, page: str = "docs/page.md") -> str:
    data = DataVersion.from_texts({name: repo.read(name) for name in DATA_FILES})
    return fingerprint(repo.read(page), data)


def check(repo: Project) -> Translations:
    return check_translations(repo.root, today=TODAY)


@pytest.fixture
def repo(tmp_path: Path) -> Project:
    return Project(tmp_path / "site")


# --- the fingerprint ----------------------------------------------------------------


REVIEWED = "---\ntitle: A page\nreviewed_by: editorial-team\n---\n\n# A page\n"
LISTING_REVIEWERS = "---\ntitle: About\n---\n\n# About\n\n{{ reviewers_list() }}\n"


def _print(
    page: str = ENGLISH,
    statistics: str = STATISTICS,
    glossary: str = GLOSSARY,
    reviewers: str = REVIEWERS,
) -> str:
    data = DataVersion.from_texts(
        {
            "data/statistics.yml": statistics,
            "data/glossary.yml": glossary,
            "data/warning_signs.yml": "chest_pain: {text: you have chest pain}\n",
            "data/reviewers.yml": reviewers,
        }
    )
    return fingerprint(page, data)


def test_a_fingerprint_is_12_hex_digits_and_ignores_line_endings() -> None:
    print_ = _print()
    assert len(print_) == 12
    assert int(print_, 16) >= 0
    assert _print(ENGLISH.replace("\n", "\r\n")) == print_


def test_the_page_text_and_the_wording_it_uses_change_the_fingerprint() -> None:
    print_ = _print()
    assert _print(ENGLISH.replace("Light touch", "A light touch")) != print_
    # The statistic the page uses: its sentence is wording, its number is not.
    assert _print(statistics=STATISTICS.replace("in 100 people", "of 100 people")) != print_
    assert _print(statistics=STATISTICS.replace("value: 5", "value: 6")) == print_
    # A statistic the page does not use.
    assert _print(statistics=STATISTICS.replace("of something else", "of anything")) == print_
    # A glossary term whose word is on the page, and one whose word is not.
    assert _print(glossary=GLOSSARY.replace("from a light touch", "from touch")) != print_
    assert _print(glossary=GLOSSARY.replace("cannot stop", "can't stop")) == print_


def test_only_the_front_matter_a_translation_carries_counts() -> None:
    page = (
        "---\ntitle: A page\nlast_reviewed: 2026-01-01\nrelated_pages: [a.md]\n"
        "findings:\n  - finding: It helps {x}.\n    certainty: low\n---\n\n# A page\n"
    )
    print_ = _print(page)
    # A review, a related page, a finding's certainty: nothing to translate.
    assert _print(page.replace("2026-01-01", "2026-06-01")) == print_
    assert _print(page.replace("[a.md]", "[a.md, b.md]")) == print_
    assert _print(page.replace("certainty: low", "certainty: moderate")) == print_
    # The title and a finding's wording are translated.
    assert _print(page.replace("title: A page", "title: The page")) != print_
    assert _print(page.replace("It helps", "It may help")) != print_


def test_who_graded_a_finding_is_wording_a_translation_carries() -> None:
    page = (
        "---\ntitle: A page\nfindings:\n  - finding: It helps.\n    guideline_grade: B\n"
        "    graded_by: The guideline's authors\n---\n\n# A page\n"
    )
    # The Spanish page says in Spanish who gave the grade; the grade itself is not words.
    assert _print(page.replace("The guideline's", "The 2018 guideline's")) != _print(page)
    assert _print(page.replace("guideline_grade: B", "guideline_grade: A")) == _print(page)


def test_a_statistic_a_finding_lists_is_shown_so_its_wording_counts() -> None:
    page = (
        "---\ntitle: A page\nfindings:\n  - finding: It helps.\n    certainty: low\n"
        "    statistics: [other_stat]\n---\n\n# A page\n"
    )
    print_ = _print(page)
    # Shown under the finding as its sentence: its words count, its number does not.
    assert _print(page, statistics=STATISTICS.replace("of something else", "of anything")) != print_
    assert _print(page, statistics=STATISTICS.replace("value: 7", "value: 8")) == print_


def test_front_matter_whose_aliases_hold_themselves_still_has_a_fingerprint() -> None:
    """The build reports such front matter on its line; the drift check must not crash on it."""
    page = "---\ntitle: A page\nalternative_names: &names [1, 2, *names]\n---\n\n# A page\n"
    print_ = _print(page)
    assert len(print_) == 12
    assert _print(page.replace("[1, 2,", "[1, 3,")) != print_


def test_the_glossary_page_uses_every_term() -> None:
    page = "# Glossary\n\n{{ glossary_list() }}\n"
    assert _print(page, glossary=GLOSSARY.replace("cannot stop", "can't stop")) != _print(page)


def test_the_name_and_role_of_the_reviewer_a_page_names_are_wording() -> None:
    print_ = _print(REVIEWED)
    # The review box shows them: a new English role may need a new Spanish one.
    assert _print(REVIEWED, reviewers=REVIEWERS.replace("content editors", "editors")) != print_
    assert _print(REVIEWED, reviewers=REVIEWERS.replace("The editorial", "Our editorial")) != print_
    # Another reviewer's words; and what the build writes into both languages alike.
    assert _print(REVIEWED, reviewers=REVIEWERS.replace("pain physician", "surgeon")) == print_
    assert _print(REVIEWED, reviewers=REVIEWERS.replace("2026-11-20", "2026-11-21")) == print_
    assert _print(REVIEWED, reviewers=REVIEWERS.replace("  kind: organization\n", "")) == print_
    # Naming another reviewer changes whom the review box names.
    assert _print(REVIEWED.replace("editorial-team", "[editorial-team, a-doctor]")) != print_


def test_a_page_that_lists_every_reviewer_counts_each_ones_name_and_role() -> None:
    print_ = _print(LISTING_REVIEWERS)
    assert _print(LISTING_REVIEWERS, reviewers=REVIEWERS.replace("content editors", "ed")) != print_
    assert _print(LISTING_REVIEWERS, reviewers=REVIEWERS.replace("pain physician", "GP")) != print_
    assert _print(LISTING_REVIEWERS, reviewers=REVIEWERS.replace("'123'", "'124'")) == print_


def test_a_reviewers_date_not_in_the_calendar_leaves_their_wording_counted() -> None:
    """data/reviewers.yml is read with dates as text, as the build reads it (which
    reports the date on its line): one bad date must not drop every reviewer."""
    bad_date = REVIEWERS.replace("2026-11-20", "2026-11-31")
    role_changed = bad_date.replace("content editors", "editors")
    assert _print(REVIEWED, reviewers=role_changed) != _print(REVIEWED, reviewers=bad_date)


def test_the_about_page_counts_the_role_of_every_reviewer_in_the_registry() -> None:
    """The site's own About page and registry: a new role for any reviewer in it
    changes the fingerprint its Spanish page was stamped with."""
    about = (ROOT / "docs/about.md").read_text(encoding="utf-8")
    texts = {name: (ROOT / name).read_text(encoding="utf-8") for name in DATA_FILES}
    reviewers = texts["data/reviewers.yml"]
    print_ = fingerprint(about, DataVersion.from_texts(texts))
    roles = [line for line in reviewers.splitlines() if line.startswith("  role: ")]
    assert roles, "data/reviewers.yml has no English role"
    for role in roles:
        changed = reviewers.replace(f"\n{role}\n", f"\n{role} and writers\n", 1)
        assert changed != reviewers
        new_data = DataVersion.from_texts({**texts, "data/reviewers.yml": changed})
        assert fingerprint(about, new_data) != print_, role


# --- status from history --------------------------------------------------------------


def test_a_translation_of_the_current_english_is_current(repo: Project) -> None:
    repo.commit("2026-01-01")
    repo.write("docs/page.es.md", spanish(current_print(repo)))
    translations = check(repo)
    assert translations.problems == []
    assert translations.status_of("docs/page.md").state is State.current  # type: ignore[union-attr]


def test_out_of_date_since_the_first_english_change_after_the_version_translated(
    repo: Project,
) -> None:
    repo.commit("2026-01-01")
    translated = current_print(repo)
    repo.write("docs/page.es.md", spanish(translated))
    repo.commit("2026-01-02")
    # A change to a statistic the page does not use: not a change of the page.
    repo.write("data/statistics.yml", STATISTICS.replace("something else", "anything"))
    repo.commit("2026-01-20")
    repo.write("docs/page.md", ENGLISH.replace("Light touch", "A light touch"))
    repo.commit("2026-02-03")
    repo.write("docs/page.md", ENGLISH.replace("Light touch", "Any touch"))
    repo.commit("2026-03-04")
    status = check(repo).status_of("docs/page.md")
    assert status is not None
    assert (status.state, status.since) == (State.out_of_date, dt.date(2026, 2, 3))
    assert status.described() == "out of date since 2026-02-03"
    assert status.line == 4  # the fingerprint's line, for CI's annotation


def test_a_change_to_the_data_a_page_uses_makes_its_translation_out_of_date(
    repo: Project,
) -> None:
    repo.commit("2026-01-01")
    repo.write("docs/page.es.md", spanish(current_print(repo)))
    repo.write("data/statistics.yml", STATISTICS.replace("get it", "have it"))
    repo.commit("2026-04-05")
    status = check(repo).status_of("docs/page.md")
    assert status is not None
    assert status.since == dt.date(2026, 4, 5)


def test_a_check_keeps_what_it_read_of_history_for_the_next_one(
    repo: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build's Session keeps one ``Kept`` for every rebuild under `mkdocs
    serve`; a check with a ``Kept`` of its own reads history anew."""
    repo.commit("2026-01-01")
    repo.write("docs/page.es.md", spanish(current_print(repo)))
    repo.commit("2026-01-02")
    repo.write("docs/page.md", ENGLISH.replace("Light touch", "A light touch"))
    repo.commit("2026-02-03")
    history = GitHistory(repo.root)
    read: list[tuple[str, str]] = []
    texts = history.texts

    def counted(wanted: list[tuple[str, str]]) -> list[str | None]:
        read.extend(wanted)
        return texts(wanted)

    monkeypatch.setattr(history, "texts", counted)
    kept = Kept()
    first = check_translations(repo.root, history=history, today=TODAY, kept=kept)
    assert ("docs/page.md", "out of date since 2026-02-03") in [
        (status.english, status.described()) for status in first.statuses
    ]
    assert read
    read.clear()
    again = check_translations(repo.root, history=history, today=TODAY, kept=kept)
    assert again.statuses == first.statuses
    assert read == []
    check_translations(repo.root, history=history, today=TODAY)
    assert read


def test_the_data_now_and_in_history_is_parsed_by_the_build_s_layer_once_a_version(
    repo: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The translation check reads the data files through the build's YamlFiles:
    the files on disk as the build's checks parsed them (no parse again), and each
    other version in git history once, however many commits and pages share it."""
    repo.write("docs/other.md", ENGLISH.replace("A page", "Another page"))
    repo.commit("2026-01-01")
    for page in ("page", "other"):
        repo.write(f"docs/{page}.es.md", spanish(current_print(repo, f"docs/{page}.md")))
    repo.commit("2026-01-02")
    # A statistic neither page uses: the two commits before this one share the old text.
    repo.write("data/statistics.yml", STATISTICS.replace("something else", "anything"))
    repo.commit("2026-01-20")
    for page in ("page", "other"):
        text = repo.read(f"docs/{page}.md")
        repo.write(f"docs/{page}.md", text.replace("Light touch", "A light touch"))
    repo.commit("2026-02-03")
    build_files = YamlFiles()
    for name in DATA_FILES:
        declared = next(d for d in BY_NAME.values() if d.path == name)
        build_files.parsed(repo.root / name, name, declared.loader)  # the build's checks
    parsed: list[str] = []
    parse = yamlfile.parse_quickly_with_lines

    def counted(text: str, shown_as: str, *args: object, **kwargs: object) -> object:
        parsed.append(shown_as)
        return parse(text, shown_as, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(yamlfile, "parse_quickly_with_lines", counted)
    translations = check_translations(repo.root, today=TODAY, yaml_files=build_files)
    for page in ("docs/page.md", "docs/other.md"):
        status = translations.status_of(page)
        assert status is not None
        assert (status.state, status.since) == (State.out_of_date, dt.date(2026, 2, 3))
    assert parsed == ["data/statistics.yml"]


def test_a_new_english_role_for_the_pages_reviewer_makes_its_translation_out_of_date(
    repo: Project,
) -> None:
    repo.write(
        "docs/page.md", ENGLISH.replace("title: A page\n", "title: A page\nreviewed_by: a-doctor\n")
    )
    repo.write("data/reviewers.yml", REVIEWERS)
    repo.commit("2026-01-01")
    repo.write("docs/page.es.md", spanish(current_print(repo)))
    repo.commit("2026-01-02")
    # Another reviewer's role: not shown on this page.
    repo.write("data/reviewers.yml", REVIEWERS.replace("content editors", "editors"))
    repo.commit("2026-03-01")
    assert check(repo).status_of("docs/page.md").state is State.current  # type: ignore[union-attr]
    repo.write("data/reviewers.yml", REVIEWERS.replace("pain physician", "surgeon"))
    repo.commit("2026-04-05")
    status = check(repo).status_of("docs/page.md")
    assert status is not None
    assert (status.state, status.since) == (State.out_of_date, dt.date(2026, 4, 5))


def test_the_about_pages_translation_is_out_of_date_when_any_reviewers_role_changes(
    repo: Project,
) -> None:
    repo.write("docs/about.md", LISTING_REVIEWERS)
    repo.write("data/reviewers.yml", REVIEWERS)
    repo.commit("2026-01-01")
    repo.write("docs/about.es.md", spanish(current_print(repo, "docs/about.md")))
    repo.commit("2026-01-02")
    # A registration number is not words: both languages show the same one.
    repo.write("data/reviewers.yml", REVIEWERS.replace("'123'", "'124'"))
    repo.commit("2026-02-01")
    assert check(repo).status_of("docs/about.md").state is State.current  # type: ignore[union-attr]
    repo.write("data/reviewers.yml", REVIEWERS.replace("'123'", "'124'").replace("pain ", ""))
    repo.commit("2026-03-01")
    status = check(repo).status_of("docs/about.md")
    assert status is not None
    assert (status.state, status.since) == (State.out_of_date, dt.date(2026, 3, 1))


def test_an_english_change_not_yet_committed_dates_from_today(repo: Project) -> None:
    repo.commit("2026-01-01")
    repo.write("docs/page.es.md", spanish(current_print(repo)))
    repo.write("docs/page.md", ENGLISH + "\nMore.\n")
    status = check(repo).status_of("docs/page.md")
    assert status is not None
    assert (status.state, status.since) == (State.out_of_date, TODAY)


def test_a_fingerprint_that_matches_no_version_fails_on_its_line(repo: Project) -> None:
    repo.commit("2026-01-01")
    repo.write("docs/page.es.md", spanish("0123456789ab"))
    [problem] = check(repo).problems
    current = current_print(repo)
    assert str(problem) == (
        "docs/page.es.md:4: translation.fingerprint: '0123456789ab' matches no version of "
        "docs/page.md in git history; expected the fingerprint of the English version "
        f"translated (the current one is {current}: once the translation matches it, "
        "`make translations STAMP=docs/page.es.md` writes it)"
    )


def test_todo_as_the_fingerprint_says_how_to_stamp(repo: Project) -> None:
    repo.write("docs/page.es.md", spanish("TODO"))
    [problem] = check(repo).problems
    assert str(problem).startswith(
        "docs/page.es.md:4: translation.fingerprint: is TODO; once the translation matches "
        "the English page, run `make translations STAMP=docs/page.es.md`"
    )


@pytest.mark.parametrize(
    ("value", "said"),
    [("12345", "'12345' is not a fingerprint"), ("'0123456789AB'", "'0123456789AB' is not")],
)
def test_a_fingerprint_not_in_the_right_form(repo: Project, value: str, said: str) -> None:
    repo.write("docs/page.es.md", spanish(value))
    [problem] = check(repo).problems
    assert str(problem).startswith(f"docs/page.es.md:4: translation.fingerprint: {said}")
    assert "expected 12 hex digits" in problem.message


def test_a_fingerprint_of_digits_keeps_its_leading_zero(repo: Project) -> None:
    # YAML would read 012345678901 as a number; the line is read as written.
    repo.write("docs/page.es.md", spanish("012345678901"))
    [problem] = check(repo).problems
    assert "'012345678901' matches no version" in problem.message


def test_a_spanish_page_without_its_record(repo: Project) -> None:
    repo.write("docs/page.es.md", "---\ntitle: Una página\n---\n\n# Una página\n")
    [problem] = check(repo).problems
    assert str(problem).startswith(
        "docs/page.es.md:2: translation: is missing; expected 'translation:' with "
        f"'fingerprint: {current_print(repo)}'"
    )


def test_a_record_without_a_fingerprint(repo: Project) -> None:
    text = "---\ntitle: Una página\ntranslation:\n  translated: 2026-01-02\n---\n"
    repo.write("docs/page.es.md", text)
    [problem] = check(repo).problems
    assert str(problem).startswith("docs/page.es.md:3: translation.fingerprint: is missing")


def test_a_spanish_page_with_no_english_page(repo: Project) -> None:
    repo.commit("2026-01-01")
    repo.write("docs/other.es.md", spanish("0123456789ab"))
    [problem] = check(repo).problems
    assert str(problem) == (
        "docs/other.es.md:1: translation: translates docs/other.md, which does not exist; "
        "expected a Spanish page beside its English original, with the same name and .es.md "
        "(or this file removed)"
    )


def test_a_translation_of_a_page_that_no_longer_exists(repo: Project) -> None:
    repo.write("docs/gone.md", ENGLISH)
    repo.commit("2026-01-01")
    repo.write("docs/gone.es.md", spanish(current_print(repo, "docs/gone.md")))
    (repo.root / "docs/gone.md").unlink()
    repo.commit("2026-05-06")
    [problem] = check(repo).problems
    assert str(problem).startswith(
        "docs/gone.es.md:1: translation: is the translation of a page that no longer exists: "
        "docs/gone.md was removed on 2026-05-06 (commit "
    )


def test_an_english_page_with_no_spanish_page_is_missing(repo: Project) -> None:
    status = check(repo).status_of("docs/page.md")
    assert status is not None
    assert status.state is State.missing


def test_without_git_an_old_fingerprint_is_out_of_date_since_an_unknown_date(
    tmp_path: Path,
) -> None:
    repo = Project(tmp_path / "archive", git=False)
    repo.write("docs/page.es.md", spanish("0123456789ab"))
    translations = check(repo)
    assert translations.problems == []
    status = translations.status_of("docs/page.md")
    assert status is not None
    assert (status.state, status.since) == (State.out_of_date, None)
    assert status.described() == "out of date since an unknown date"
    assert translations.no_history is not None
    assert "not in a git repository" in translations.no_history


def test_a_shallow_clone_has_no_history(repo: Project, tmp_path: Path) -> None:
    repo.commit("2026-01-01")
    repo.write("docs/page.md", ENGLISH + "\nMore.\n")
    repo.commit("2026-02-01")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True
    )
    (clone / "docs/page.es.md").write_text(spanish("0123456789ab"), encoding="utf-8")
    translations = check_translations(clone, today=TODAY)
    assert translations.problems == []
    assert translations.no_history is not None
    assert "shallow" in translations.no_history


def _english_changed_on_a_branch_merged_later(repo: Project) -> None:
    """Translated on 2 January; the English page changed on a branch on
    1 February, a data file on main on 15 February; the branch merged on 1 March."""
    repo.commit("2026-01-01")
    repo.write("docs/page.es.md", spanish(current_print(repo)))
    repo.commit("2026-01-02")
    repo.git("checkout", "-q", "-b", "edit")
    repo.write("docs/page.md", ENGLISH + "\nWritten on a branch.\n")
    repo.commit("2026-02-01")
    repo.git("checkout", "-q", "main")
    repo.write("data/glossary.yml", GLOSSARY + "Other:\n  definition: Not on the page.\n")
    repo.commit("2026-02-15")
    repo.git("merge", "-q", "--no-ff", "-m", "merge", "edit", date="2026-03-01")


def test_a_change_made_on_a_merged_branch_dates_from_its_merge(repo: Project) -> None:
    _english_changed_on_a_branch_merged_later(repo)
    status = check(repo).status_of("docs/page.md")
    assert status is not None
    assert status.since == dt.date(2026, 3, 1)


def test_a_translation_made_on_a_merged_branch_is_found(repo: Project) -> None:
    repo.commit("2026-01-01")
    repo.git("checkout", "-q", "-b", "edit")
    repo.write("docs/page.md", ENGLISH + "\nWritten on a branch.\n")
    repo.write("docs/page.es.md", spanish(current_print(repo)))
    repo.commit("2026-02-01")
    repo.write("docs/page.md", ENGLISH + "\nWritten on a branch, then changed.\n")
    repo.commit("2026-02-03")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "merge", "edit", date="2026-03-01")
    translations = check(repo)
    assert translations.problems == []
    status = translations.status_of("docs/page.md")
    assert status is not None
    assert (status.state, status.since) == (State.out_of_date, dt.date(2026, 2, 3))


def test_in_the_build_the_front_matter_check_reports_a_missing_record(repo: Project) -> None:
    """One mistake, one message: the build's check of a translated page's front
    matter says the record or its fingerprint is missing."""
    repo.commit("2026-01-01")
    repo.write("docs/page.es.md", "---\ntitle: Una página\n---\n")
    translations = check_translations(repo.root, today=TODAY, report_front_matter=False)
    assert translations.problems == []
    repo.write("docs/page.es.md", spanish("TODO"))
    [problem] = check_translations(repo.root, today=TODAY, report_front_matter=False).problems
    assert problem.field == "translation.fingerprint"


def _shallow_clone(repo: Project, tmp_path: Path) -> Path:
    repo.commit("2026-01-01")
    repo.write("docs/page.md", ENGLISH + "\nMore.\n")
    repo.commit("2026-02-01")
    repo.git("checkout", "-q", "-b", "gh-pages")
    repo.write("index.html", "published")
    repo.commit("2026-02-02")
    repo.git("checkout", "-q", "main")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True
    )
    return clone


def test_publishing_fetches_the_history_a_shallow_checkout_lacks(
    repo: Project, tmp_path: Path
) -> None:
    """The deploy workflow's checkout has one commit: publish.py fetches the
    history of the commit it publishes (not gh-pages'), so published
    translations are dated; gh-pages fetched shallow after it cuts nothing."""
    from healthsite.publishing.publish import fetch_history

    clone = _shallow_clone(repo, tmp_path)
    assert GitHistory(clone).unavailable is not None
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(clone)
        fetch_history(dict(os.environ))
    fetch = ["git", "-C", str(clone), "fetch", "-q", "--depth=1", "origin"]
    subprocess.run([*fetch, "+refs/heads/gh-pages:refs/remotes/origin/gh-pages"], check=True)
    assert GitHistory(clone).unavailable is None
    count = ["git", "-C", str(clone), "rev-list", "--count", "origin/gh-pages"]
    assert subprocess.run(count, capture_output=True, text=True, check=True).stdout == "1\n"


def test_each_page_file_is_dated_by_its_last_change_on_the_branch(repo: Project) -> None:
    _english_changed_on_a_branch_merged_later(repo)
    repo.write("docs/new.md", "# Not committed yet\n")
    days = GitHistory(repo.root).last_changed("docs")
    # The merge is the day readers of the branch's site got the change.
    assert days["docs/page.md"] == dt.date(2026, 3, 1)
    assert days["docs/page.es.md"] == dt.date(2026, 1, 2)
    assert "docs/new.md" not in days
    assert "data/glossary.yml" not in days  # only the folder asked for


def test_without_history_no_page_file_is_dated(tmp_path: Path) -> None:
    assert GitHistory(tmp_path).last_changed("docs") == {}
