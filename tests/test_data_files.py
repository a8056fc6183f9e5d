"""The data files, declared once (healthsite/content/datafiles.py) and parsed
once: per process while a file's bytes stay the same (healthsite/yamlfile.py,
``YamlFiles``), by every check and the macros alike."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from healthsite import yamlfile
from healthsite.build.setup import check_data_files
from healthsite.build.state import Session
from healthsite.content.datafiles import DATA_FILES, TEMPLATE_NAMES, data_files, missing_files
from healthsite.plugins import macros_plugin
from healthsite.yamlfile import DatesAsTextLoader, InvalidYamlError, YamlFiles
from tests.sitebuild import ROOT, builds_site, copy_project, refuse_in_the_fast_lane


def test_every_file_in_data_is_declared_once() -> None:
    in_data = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "data").glob("*.yml"))
    assert in_data, "no data files found"
    declared = [declared.path for declared in DATA_FILES]
    assert sorted(declared) == in_data
    assert len({declared.name for declared in DATA_FILES}) == len(DATA_FILES)


def _resolve(dotted: str) -> object:
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:end]))
        except ModuleNotFoundError:
            continue
        for name in parts[end:]:
            found = getattr(found, name)
        return found
    raise AssertionError(f"{dotted} is not importable")


@pytest.mark.parametrize("declared", DATA_FILES, ids=lambda declared: declared.name)
def test_what_reads_each_file_is_named_as_it_is(declared: Any) -> None:
    assert declared.used_by
    for dotted in declared.used_by:
        assert callable(_resolve(dotted)), dotted


def test_macros_reads_no_data_file_itself() -> None:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    assert macros_plugin(config).config["include_yaml"] == []
    assert TEMPLATE_NAMES == ("stats", "sources", "glossary", "warning_signs")


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each parse of a YAML text by the build's one parser (libyaml, then PyYAML
    for a mistake's message), by the file it names."""
    parsed: list[str] = []
    parse = yamlfile.parse_quickly_with_lines

    def counted(text: str, shown_as: str, *args: Any, **kwargs: Any) -> Any:
        parsed.append(shown_as)
        return parse(text, shown_as, *args, **kwargs)

    monkeypatch.setattr(yamlfile, "parse_quickly_with_lines", counted)
    return parsed


def test_an_unchanged_file_is_parsed_once(tmp_path: Path, parses: list[str]) -> None:
    path = tmp_path / "terms.yml"
    path.write_text("pain:\n  definition: It hurts.\n", encoding="utf-8")
    files = YamlFiles()
    first = files.parsed(path, "data/terms.yml")
    assert files.parsed(path, "data/terms.yml") is first
    assert first.read() == ({"pain": {"definition": "It hurts."}}, first.lines)
    assert first.lines[("pain", "definition")] == 2
    assert parses == ["data/terms.yml"]


def test_a_changed_file_is_parsed_again(tmp_path: Path, parses: list[str]) -> None:
    path = tmp_path / "terms.yml"
    path.write_text("pain: one\n", encoding="utf-8")
    files = YamlFiles()
    files.parsed(path, "data/terms.yml")
    # The same size, saved again within the same second: its bytes tell.
    path.write_text("pain: two\n", encoding="utf-8")
    assert files.parsed(path, "data/terms.yml").data == {"pain": "two"}
    assert parses == ["data/terms.yml", "data/terms.yml"]


def test_each_loader_and_name_has_its_own_parse(tmp_path: Path) -> None:
    path = tmp_path / "reviewers.yml"
    path.write_text("asha:\n  since: 2026-11-20\n", encoding="utf-8")
    files = YamlFiles()
    as_date = files.parsed(path, "data/reviewers.yml").data
    as_text = files.parsed(path, "data/reviewers.yml", DatesAsTextLoader).data
    assert as_date == {"asha": {"since": dt.date(2026, 11, 20)}}
    assert as_text == {"asha": {"since": "2026-11-20"}}
    path.write_text("asha: [\n", encoding="utf-8")
    for shown_as in ("data/reviewers.yml", "other/name.yml"):
        mistake = files.parsed(path, shown_as).mistake
        assert mistake is not None
        assert mistake.path == shown_as


def test_a_syntax_mistake_is_kept_and_raised_on_each_read(
    tmp_path: Path, parses: list[str]
) -> None:
    path = tmp_path / "terms.yml"
    path.write_text("pain: [one\n", encoding="utf-8")
    files = YamlFiles()
    for _ in range(2):
        with pytest.raises(InvalidYamlError) as raised:
            files.parsed(path, "data/terms.yml").read()
        assert str(raised.value).startswith("data/terms.yml:2: yaml: ")
    assert parses == ["data/terms.yml"]


def test_line_endings_are_read_as_text_files_read_them(tmp_path: Path) -> None:
    path = tmp_path / "terms.yml"
    path.write_bytes(b"pain: |\r\n  one\r\n  two\r\nache: x\r\n")
    parsed = YamlFiles().parsed(path, "data/terms.yml")
    assert parsed.data == yamlfile.load_with_lines(path, "data/terms.yml")[0]
    assert parsed.data["pain"] == "one\ntwo\n"
    assert parsed.lines[("ache",)] == 4


def test_a_missing_file_is_not_kept(tmp_path: Path) -> None:
    files = YamlFiles()
    with pytest.raises(FileNotFoundError):
        files.parsed(tmp_path / "none.yml", "data/none.yml")
    (tmp_path / "none.yml").write_text("a: 1\n", encoding="utf-8")
    assert files.parsed(tmp_path / "none.yml", "data/none.yml").data == {"a": 1}


def test_a_version_not_on_disk_is_parsed_once_and_shares_the_file_s_parse(
    tmp_path: Path, parses: list[str]
) -> None:
    """A version of a data file in git history (the translation fingerprint's)."""
    path = tmp_path / "terms.yml"
    path.write_text("pain: one\n", encoding="utf-8")
    files = YamlFiles()
    on_disk = files.parsed(path, "data/terms.yml")
    assert files.parsed_text("pain: one\n", "data/terms.yml") is on_disk
    older = files.parsed_text("ache: x\npain: two\n", "data/terms.yml")
    assert files.parsed_text("ache: x\npain: two\n", "data/terms.yml") is older
    assert (older.data, older.lines[("pain",)]) == ({"ache": "x", "pain": "two"}, 2)
    # Another loader reads the same text its own way.
    assert files.parsed_text("pain: one\n", "data/terms.yml", DatesAsTextLoader) is not on_disk
    assert parses == ["data/terms.yml"] * 3
    mistake = files.parsed_text("pain: [\n", "data/terms.yml").mistake
    assert mistake is not None
    assert str(mistake).startswith("data/terms.yml:2: yaml: ")


def test_versions_not_on_disk_are_kept_up_to_a_bound(
    parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlfile, "TEXTS_KEPT", 2)
    files = YamlFiles()
    for text in ("a: 1\n", "a: 2\n", "a: 1\n", "a: 3\n", "a: 1\n"):
        files.parsed_text(text, "data/terms.yml")
    # Two kept: a third text empties the store, and so "a: 1" is parsed again.
    assert parses == ["data/terms.yml"] * 4


@pytest.fixture
def checkout_copy(tmp_path: Path) -> Path:
    """The project's data and config, to check in-process (no site is built)."""
    for part in ("data", "overrides"):
        shutil.copytree(ROOT / part, tmp_path / part)
    for part in ("mkdocs.yml", "hooks.py"):
        shutil.copy2(ROOT / part, tmp_path / part)
    (tmp_path / "docs").mkdir()
    return tmp_path


def test_a_rebuild_parses_only_what_changed_and_checks_it_again(
    checkout_copy: Path, parses: list[str]
) -> None:
    config = load_config(config_file=str(checkout_copy / "mkdocs.yml"))
    session = Session()
    first = check_data_files(config, session)
    assert sorted(parses) == sorted(declared.path for declared in DATA_FILES)
    parses.clear()
    again = check_data_files(config, session)
    assert parses == []
    assert again.data_files["stats"].read()[0] is first.data_files["stats"].read()[0]
    statistics = checkout_copy / "data" / "statistics.yml"
    text = statistics.read_text(encoding="utf-8")
    statistics.write_text(text.replace("source: sandroni2003", "source: sandroni2030"), "utf-8")
    with pytest.raises(PluginError) as raised:
        check_data_files(config, session)
    assert parses == ["data/statistics.yml"]
    line = text.splitlines().index("  source: sandroni2003") + 1
    assert (
        f"data/statistics.yml:{line}: olmsted_incidence.source: 'sandroni2030' is not a "
        "source in data/sources.yml"
    ) in str(raised.value)


def test_a_build_reads_each_data_file_once_and_keeps_what_it_read(
    checkout_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its checks, its macros and a dirty rebuild's choice see the same bytes,
    even when a file is saved during the build (healthsite/content/registry.py)."""
    reads: list[str] = []
    read_bytes = Path.read_bytes

    def counted(path: Path) -> bytes:
        reads.append(path.relative_to(checkout_copy).as_posix())
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    config = load_config(config_file=str(checkout_copy / "mkdocs.yml"))
    session = Session()
    checked = check_data_files(config, session)
    assert sorted(reads) == sorted(declared.path for declared in DATA_FILES)
    statistics = checked.data_files["stats"]
    as_read = statistics.read()[0]
    path = checkout_copy / "data" / "statistics.yml"
    path.write_text("olmsted_incidence: {}\n", encoding="utf-8")
    assert statistics.read()[0] == as_read
    assert [name for name in reads if name == "data/statistics.yml"] == ["data/statistics.yml"]
    # The next build reads the file as saved.
    with pytest.raises(PluginError, match=r"olmsted_incidence\.value"):
        check_data_files(config, session)


def test_the_build_names_a_reviewer_key_by_the_reviewers_own_rule(checkout_copy: Path) -> None:
    """The table's row for data/reviewers.yml carries its key rule, which the
    build checks it by (healthsite/content/datafiles.py)."""
    path = checkout_copy / "data" / "reviewers.yml"
    path.write_text(path.read_text(encoding="utf-8") + "Dr_Lee: {}\n", encoding="utf-8")
    config = load_config(config_file=str(checkout_copy / "mkdocs.yml"))
    with pytest.raises(PluginError) as raised:
        check_data_files(config, Session())
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert (
        f"data/reviewers.yml:{line}: Dr_Lee: is not a usable key; expected lower-case letters, "
        "digits and hyphens, e.g. asha-patel"
    ) in str(raised.value)


DATA_IN_A_TEMPLATE = "\nData: {{ sources.harden2010.year }}, {{ stats.olmsted_incidence.value }}.\n"


@pytest.fixture(scope="module")
@builds_site
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, int]]:
    """Two real builds in one process, as `mkdocs serve` runs them, the
    glossary edited between them: each data file's parses in each build."""
    refuse_in_the_fast_lane()
    tmp_path = tmp_path_factory.mktemp("parse-counts")
    project = copy_project(tmp_path_factory.mktemp("project"))
    # Each language's build renders the data itself, as a page's template sees it.
    for page in ("about.md", "about.es.md"):
        path = project / "docs" / page
        path.write_text(path.read_text(encoding="utf-8") + DATA_IN_A_TEMPLATE, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.parse_counts",
            str(project),
            str(tmp_path / "site"),
            "data/glossary.yml",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": ""},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    counts: list[dict[str, int]] = json.loads(result.stdout.splitlines()[-1])
    for address in ("about", "es/about"):
        html = (tmp_path / "site" / address / "index.html").read_text(encoding="utf-8")
        assert "Data: 2010, 5.46." in html, address
    return counts


# The tests of ``two_builds`` run on one worker: a module's fixture is made
# once per worker, and on two workers both would build twice.
TWO_BUILDS = pytest.mark.xdist_group("two_builds")


@TWO_BUILDS
def test_a_build_of_both_languages_parses_each_data_file_once(
    two_builds: list[dict[str, int]],
) -> None:
    assert two_builds[0] == {declared.path: 1 for declared in DATA_FILES}


@TWO_BUILDS
def test_a_rebuild_parses_only_the_changed_data_file(two_builds: list[dict[str, int]]) -> None:
    assert two_builds[1] == {"data/glossary.yml": 1}


@pytest.mark.parametrize("declared", DATA_FILES, ids=lambda declared: declared.name)
def test_a_data_file_not_saved_as_utf8_is_named_on_its_line(
    checkout_copy: Path, declared: Any
) -> None:
    path = checkout_copy / declared.path
    text = path.read_text(encoding="utf-8")
    # An editor's Windows default (cp1252) writes "é" as the one byte 0xe9.
    path.write_bytes(text.encode("utf-8") + "# café\n".encode("cp1252"))
    config = load_config(config_file=str(checkout_copy / "mkdocs.yml"))
    with pytest.raises(PluginError) as raised:
        check_data_files(config, Session())
    line = len(text.splitlines()) + 1
    assert (
        f"{declared.path}:{line}: (file): byte 0xe9 is not UTF-8 text; expected the file "
        "saved as UTF-8 (most editors offer it under Save As or Encoding)"
    ) in str(raised.value)


def test_a_missing_data_file_is_named_in_process(tmp_path: Path) -> None:
    """The editor's message for a deleted data file, without building a site
    (tests/test_site_build.py shows the same message through a real build)."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    files = YamlFiles()
    assert missing_files(data_files(tmp_path, files)) == []
    (tmp_path / "data" / "statistics.yml").unlink()
    assert [str(problem) for problem in missing_files(data_files(tmp_path, files))] == [
        "data/statistics.yml: (file): does not exist; expected the shared statistics pages "
        "show with stat() (healthsite/content/datafiles.py declares it)"
    ]
