"""Editors' mistakes nobody listed: Hypothesis mutates front matter and data files.

For any input, the checks either accept it or report `path:line: field: message`
problems: never an exception, never a hang. Most examples go straight to the
validation layers (milliseconds each); a few go through a real strict build
(seconds each), which must then either fail with such lines and no traceback,
or write pages with no stray `{{` and no Python object's repr.

Examples Hypothesis found are kept below as `@example`s (and as plain tests).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import html
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from healthsite.content.datafiles import load_reviewers
from healthsite.content.glossary import load_glossary
from healthsite.content.registry import DataFile, load_registry
from healthsite.content.reviewers import unknown_reviewers
from healthsite.content.warning_signs import load_warning_signs
from healthsite.pages.frontmatter import read_front_matter
from healthsite.problems import Problem
from healthsite.yamlfile import YamlFiles
from tests.sitebuild import (
    ROOT,
    Build,
    assert_fails_with,
    build,
    builds_site,
    copy_project,
    edit,
    line_starting,
)

CRPS = "docs/conditions/crps.md"
REVIEWERS = "data/reviewers.yml"
# `path:line: field: message`: what an editor reads.
PROBLEM_LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+): (?P<field>\S.*?): (?P<message>\S.*)$")
# What a page must never show: template code left over, or a Python object.
LEAKS = re.compile(r"\{\{|\{%|<[\w.]+ object at 0x|\b(?:datetime\.date|PosixPath)\(")
# A fuzzed build that has not ended by then hangs (a normal one takes 2 to 5 s):
# it is stopped, and its test fails naming the input.
BUILD_TIME_LIMIT = 120

# --- what editors might write -------------------------------------------------

ODD_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=40
) | st.sampled_from(
    [
        "",
        " ",
        "\u200b",  # zero-width space
        "\u202eevil",  # right-to-left override
        "e\u0301",  # combining accent
        "\U0001f600 emoji",
        "{{ 7 * 7 }}",
        "{% raw %}",
        "null",
        "yes",
        "0x1F",
        "1e309",
        "x" * 100_000,  # huge
    ]
)
DATE_TEXT = st.sampled_from(
    [
        "20/11/2026",
        "11/20/2026",
        "2026-11-20T10:00:00",
        "2026-11-20 10:00",
        "20 November 2026",
        "Nov 20, 2026",
        "2026-13-01",
        "2026-02-30",
        "26-11-20",
        "2026/11/20",
        "20261120",
        "0000-00-00",
        "9999-12-31",
    ]
)
SCALARS = (
    ODD_TEXT
    | DATE_TEXT
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.booleans()
    | st.none()
    | st.dates()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ODD_TEXT, inner, max_size=4),
    max_leaves=12,
)
# YAML that no yaml.safe_dump writes: tags, anchors and aliases, odd syntax.
RAW_YAML = st.sampled_from(
    [
        "!!python/object/apply:os.system ['echo pwned']",
        "!!python/name:os.system",
        "!!binary aGVsbG8=",
        "!custom thing",
        "!!timestamp 2026-11-20",
        "!!set {a, b}",
        "!!omap [a: 1]",
        "&anchor [1, 2, *anchor]",
        "*undefined_alias",
        "[unclosed",
        "{a: 1, a: 2}",
        "? [complex, key]\n  : value",
        "|\n  block\n  text",
        "'unterminated",
        "\t- tab indented",
        "<<: {merged: key}",
        "2026-11-20",
        "2026-02-30",  # a date no calendar has, unquoted
        "!!timestamp 2026-13-01",
        "~",
        ".inf",
        "0o17",
    ]
)


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The page's front matter as data (dates as text), and the page body."""
    _, yaml_text, body = text.split("---\n", 2)
    loader = yaml.SafeLoader
    data = yaml.load(yaml_text, Loader=loader)
    assert isinstance(data, dict)
    return {
        key: str(value) if isinstance(value, dt.date) else value for key, value in data.items()
    }, body


CRPS_TEXT = (ROOT / CRPS).read_text(encoding="utf-8")
CRPS_FRONT, CRPS_BODY = _front_matter(CRPS_TEXT)
FIELDS = [*sorted(CRPS_FRONT), "readability", "related_pages", "findings", "render_macros"]


@st.composite
def mutated_front_matter(draw: st.DrawFn) -> str:
    """The CRPS page's front matter with a few fields removed, changed or added."""
    front = dict(CRPS_FRONT)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        action = draw(st.sampled_from(["remove", "change", "add", "raw"]))
        field = draw(st.sampled_from(FIELDS))
        if action == "remove":
            front.pop(field, None)
        elif action == "change":
            front[field] = draw(VALUES)
        elif action == "add":
            front[draw(ODD_TEXT)] = draw(VALUES)
        else:
            front.pop(field, None)
    text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    if draw(st.booleans()):
        text += f"{draw(st.sampled_from(FIELDS))}: {draw(RAW_YAML)}\n"
    return f"---\n{text}---\n{CRPS_BODY}"


def assert_editor_problems(problems: list[Problem], shown_as: str) -> None:
    """Each problem names the file, a line, a field and a message, on one line."""
    for problem in problems:
        assert problem.path == shown_as
        assert problem.line is not None, problem
        assert problem.line >= 1, problem
        assert problem.field.strip(), problem
        assert problem.message.strip(), problem
        rendered = str(problem)
        assert "\n" not in problem.field, rendered
        assert PROBLEM_LINE.match(rendered.splitlines()[0]), rendered


# --- the validation layers, many examples -------------------------------------


@pytest.mark.slow  # 300 examples: make test runs them, make test-fast does not
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated_front_matter())
@example(text=CRPS_TEXT)
@example(text="---\ntitle: &a [*a]\n---\nbody\n")  # an alias inside itself
@example(  # "billion laughs": aliases nine deep took hours (issue 13)
    text="---\n"
    + 'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]\n'
    + "".join(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 10))
    + "---\nbody\n"
)
@example(text="---\nlast_reviewed: 2026-11-20T10:00:00\n---\n")
@example(text="---\n? [a, b]\n: c\n---\n")
@example(text="---\n- a list\n---\n")
def test_front_matter_is_accepted_or_named_problems(text: str) -> None:
    front, problems = read_front_matter(text, CRPS)
    assert_editor_problems(problems, CRPS)
    if not problems:
        assert front is not None
        assert front.meta is not None


DATA_FILES = {
    "sources": "data/sources.yml",
    "stats": "data/statistics.yml",
    "glossary": "data/glossary.yml",
    "reviewers": "data/reviewers.yml",
    "warning_signs": "data/warning_signs.yml",
}
# Fields no entry has yet, which an editor may add: a reviewer's registration.
EXTRA_FIELDS = {
    "data/reviewers.yml": [
        ("registration",),
        ("registration", "body"),
        ("registration", "number"),
        ("registration", "register_url"),
    ],
}
# Values an editor could mean, beside the random ones (a made-up registration:
# the fuzzer's copies are never published).
PLAUSIBLE: dict[str, list[Any]] = {
    "kind": ["person", "organization", "Person", "clinic"],
    "registration": [
        {"body": "Example Council", "number": "0000000"},
        {"body": "Example Council", "number": 1234567, "register_url": "https://example.org/r/1"},
        {"body": "Example Council", "number": "0000000", "register_url": "not an address"},
    ],
    "register_url": ["https://example.org/r/1", "javascript:alert(1)", "example.org", ""],
    "declared_on": ["2026-11-20", dt.date(2026, 11, 20), "2026-11-20T10:00:00"],
    "level": ["urgent", "Urgent", "emergency ", "soon"],
    "source": ["harden2010", ["harden2010", "rsdsa_website"], ["rsdsa_website"], [], "nowhere"],
}
DATA_ACTIONS = ["remove entry", "remove field", "change", "add", "retype", "new entry"]
# Keys of a new entry: plain, odd, or YAML that reads as another type.
NEW_KEYS = (
    st.sampled_from(["asha-patel", "Asha Patel", "asha_patel", "-", "a" * 300])
    | ODD_TEXT
    | st.integers()
    | st.booleans()
    | st.none()
    | st.dates()
)
# Keys written by hand at the end of the file, with a raw YAML value.
RAW_KEYS = ["2026-02-30", "5", "~", "'a: b'", "? x"]


@functools.cache  # parsed once: each example mutates a deep copy (a third of its time)
def _entries(relative: str) -> dict[Any, Any]:
    data = yaml.safe_load((ROOT / relative).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _field_paths(relative: str, entries: dict[Any, Any]) -> list[tuple[str, ...]]:
    """Each field of an entry, and each field of a mapping in one (two deep)."""
    paths: set[tuple[str, ...]] = set(EXTRA_FIELDS.get(relative, []))
    for entry in entries.values():
        for field, value in entry.items() if isinstance(entry, dict) else []:
            paths.add((field,))
            if isinstance(value, dict):
                paths.update((field, inner) for inner in value)
    return sorted(paths)


def _dump(entries: dict[Any, Any]) -> str:
    return yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=1000)


def _same(value: object, other: object) -> bool:
    """Equal and of the same types all the way down (``1 == True``, and
    ``{'a': 1} == {'a': 1.0}``, but YAML writes each its own way)."""
    if type(value) is not type(other):
        return False
    if isinstance(value, dict) and isinstance(other, dict):
        return list(value) == list(other) and all(
            _same(inner, other[key]) for key, inner in value.items()
        )
    if isinstance(value, list) and isinstance(other, list):
        return len(value) == len(other) and all(map(_same, value, other))
    return value == other


def _aliasable(value: object) -> list[int]:
    """The identity of each object in a value that YAML would write once and
    then alias (mappings, lists, dates: not text or numbers), once per place."""
    if yaml.representer.SafeRepresenter.ignore_aliases(None, value):  # type: ignore[arg-type]
        return []
    inner: list[object] = []
    if isinstance(value, dict):
        inner = [part for pair in value.items() for part in pair]
    elif isinstance(value, list):
        inner = value
    return [id(value), *(found for part in inner for found in _aliasable(part))]


@functools.cache
def _entry_texts(relative: str) -> dict[str, str]:
    """Each entry of a real data file as YAML writes it alone."""
    entries = _entries(relative)
    assert all(type(key) is str for key in entries), relative  # so `in` finds no 1 for True
    return {key: _dump({key: entry}) for key, entry in entries.items()}


def dump_entries(relative: str, entries: dict[Any, Any]) -> str:
    """``entries`` as ``yaml.safe_dump`` writes the whole mapping, faster: it
    writes a top-level mapping's entries one after the other, each as it
    would alone, so an entry the file had is written once per process (an
    example changes one to four of them; the pure-Python writer was most of
    the data-file search's time). Not when an object is in two places (a
    plausible value drawn twice): the whole dump writes it once, with an
    anchor numbered across the file, then an alias; nor when no entry is left."""
    held = _aliasable(entries)[1:]
    if not entries or len(held) != len(set(held)):  # {} is written as such
        return _dump(entries)
    original, texts = _entries(relative), _entry_texts(relative)
    return "".join(
        texts[key] if key in texts and _same(entry, original[key]) else _dump({key: entry})
        for key, entry in entries.items()
    )


@pytest.mark.parametrize("relative", sorted(DATA_FILES.values()))
def test_a_data_file_written_entry_by_entry_is_the_whole_dump(relative: str) -> None:
    """The fuzzer's fast writer gives the text ``yaml.safe_dump`` gives: else
    the parser would be fed other inputs than the examples drew."""
    entries = _entries(relative)
    first, *_ = entries
    changed = {**entries, first: {"changed": True, "when": 1}, "new entry": [1, "two"]}
    shared: dict[str, Any] = {"same": "object"}
    aliased = {**entries, "one": shared, "two": shared}  # written once, then an alias
    for mutated in (entries, changed, aliased, {}):
        assert dump_entries(relative, mutated) == _dump(mutated)
    assert "&id001" in dump_entries(relative, aliased)


@st.composite
def mutated_data_file(draw: st.DrawFn, relative: str) -> str:
    """A data file with entries or their fields removed, changed or added."""
    entries = copy.deepcopy(_entries(relative))
    keys = sorted(entries)
    field_paths = _field_paths(relative, entries)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        key = draw(st.sampled_from(keys))
        action = draw(
            st.sampled_from(
                ["remove entry", "remove field", "change", "add", "retype", "new entry"]
            )
        )
        entry = entries.get(key)
        if action == "remove entry":
            entries.pop(key, None)
        elif action == "retype":
            entries[key] = draw(VALUES)
        elif action == "new entry":
            entries[draw(NEW_KEYS)] = copy.deepcopy(entry) if draw(st.booleans()) else draw(VALUES)
        elif isinstance(entry, dict):
            *parents, field = draw(st.sampled_from(field_paths))
            for parent in parents:
                if not isinstance(entry.get(parent), dict):
                    entry[parent] = {}
                entry = entry[parent]
            if action == "remove field":
                entry.pop(field, None)
            elif action == "change":
                plausible = PLAUSIBLE.get(field)
                entry[field] = draw(VALUES | st.sampled_from(plausible) if plausible else VALUES)
            else:
                entry[draw(ODD_TEXT)] = draw(VALUES)
    text = dump_entries(relative, entries)
    if draw(st.booleans()):
        raw_key = draw(st.sampled_from([str(key) for key in keys] + RAW_KEYS))
        text += f"{raw_key}: {draw(RAW_YAML)}\n"
    return text


CRPS_PAGE, _ = read_front_matter(CRPS_TEXT, CRPS)


@pytest.fixture(scope="module")
def mutated_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, YamlFiles]:
    """Where each example writes the one file it mutates, and the parses that
    every example shares, as a build's session keeps them (``YamlFiles``): the
    files an example leaves as they are, read from the checkout, are parsed
    once for the whole search, not once per example (four fifths of its time)."""
    project = tmp_path_factory.mktemp("mutated")
    (project / "data").mkdir()
    return project, YamlFiles()


@pytest.mark.slow  # 150 examples
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), which=st.sampled_from(sorted(DATA_FILES)))
def test_data_files_are_accepted_or_named_problems(
    data: st.DataObject, which: str, mutated_files: tuple[Path, YamlFiles]
) -> None:
    mutated, parsed = mutated_files
    files = {}
    for name, relative in DATA_FILES.items():
        path = ROOT / relative
        if name == which:
            path = mutated / relative
            path.write_text(data.draw(mutated_data_file(relative)), encoding="utf-8")
        files[name] = DataFile(path, relative, files=parsed)

    registry, problems = load_registry(files["sources"], files["stats"])
    _, glossary_problems = load_glossary(files["glossary"])
    reviewers, reviewer_problems = load_reviewers(mutated if which == "reviewers" else ROOT, parsed)
    if not reviewer_problems:
        # What a build does next with them: pages name them, the About page lists them.
        assert CRPS_PAGE is not None
        reviewer_problems = unknown_reviewers([CRPS_PAGE], reviewers)
        listed = reviewers.page_list()
        leak = LEAKS.search(html.unescape(listed))
        assert leak is None, listed[max(leak.start() - 80, 0) : leak.end() + 80]
        reviewers.page_review(CRPS_FRONT["reviewed_by"], "condition")

    _, sign_problems = load_warning_signs(
        files["warning_signs"], registry.sources, registry.sources_file
    )
    found = problems + glossary_problems + reviewer_problems + sign_problems
    # Counted in --hypothesis-show-statistics: how many of each file, and accepted.
    event(f"{DATA_FILES[which]}: {'problems' if found else 'accepted'}")
    for problem in found:
        assert problem.path in [*DATA_FILES.values(), CRPS], problem
        assert_editor_problems([problem], problem.path)


# --- real builds, a few examples ----------------------------------------------


def build_within_limit(
    project: Path, changed: str, text: str, limit: float = BUILD_TIME_LIMIT
) -> Build:
    """Build, and fail naming the input if the build hangs."""
    try:
        return build(project, timeout=limit)
    except subprocess.TimeoutExpired:
        shown = text if len(text) <= 3000 else f"{text[:3000]}... ({len(text):,} characters)"
        pytest.fail(
            f"the build did not end within {limit:g} s (it normally takes 2 to 5 s) "
            f"with this {changed}:\n{shown}",
            pytrace=False,
        )


# An editor's problem as the build prints it, after any log level.
PROBLEM_IN_OUTPUT = re.compile(r"^\s*(?:ERROR\s+-\s+)?(?P<problem>\S.*)$")
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
CODE = re.compile(r"<(code|pre)\b.*?</\1>", re.DOTALL)


def _strings(value: object) -> list[str]:
    """Every text in JSON data, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, inner in value.items() for text in [key, *_strings(inner)]]
    if isinstance(value, list):
        return [text for inner in value for text in _strings(inner)]
    return []


def _leak(where: str, text: str) -> str | None:
    leak = LEAKS.search(text)
    if leak is None:
        return None
    return f"{where}: ...{text[max(leak.start() - 80, 0) : leak.end() + 80]}..."


def page_leaks(where: str, page_html: str) -> list[str]:
    """Template code or a Python repr anywhere readers or machines read a page:
    its <title>, meta description, navigation, article and JSON-LD (code
    samples left out; HTML entities read as the browser shows them)."""
    found = []
    for structured in JSON_LD.findall(page_html):
        texts = _strings(json.loads(structured))
        found += [leak for text in texts if (leak := _leak(f"{where} (JSON-LD)", text))]
    shown = html.unescape(CODE.sub("", JSON_LD.sub("", page_html)))
    return [*found, *filter(None, [_leak(where, shown)])]


def assert_build_outcome(project: Path, result_output: str, returncode: int) -> None:
    """Failed with editor lines and no traceback, or built pages that leak nothing."""
    assert "Traceback" not in result_output, result_output[-3000:]
    if returncode != 0:
        problem_lines = [
            problem
            for line in result_output.splitlines()
            if (found := PROBLEM_IN_OUTPUT.match(line))
            and (problem := PROBLEM_LINE.match(found["problem"]))
            and (project / problem["path"]).is_file()
        ]
        assert problem_lines, (
            "the build failed without a `path:line: field: message` line naming a file:\n"
            + result_output[-3000:]
        )
        return
    site = project / "site"
    pages = sorted(site.rglob("*.html"))
    assert pages, f"the build succeeded but wrote no page in {site}"
    leaks = [
        leak
        for page in pages
        for leak in page_leaks(str(page.relative_to(site)), page.read_text(encoding="utf-8"))
    ]
    feed = json.loads((site / "api" / "pages.json").read_text(encoding="utf-8"))
    leaks += [leak for text in _strings(feed) if (leak := _leak("api/pages.json", text))]
    assert not leaks, "\n".join(leaks[:10])


@pytest.fixture(scope="module")
@builds_site
def build_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the project that each real-build example edits and builds again."""
    return copy_project(tmp_path_factory.mktemp("fuzz-build"))


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated_front_matter())
def test_a_build_with_mutated_front_matter_fails_cleanly_or_leaks_nothing(
    text: str, build_project: Path
) -> None:
    (build_project / CRPS).write_text(text, encoding="utf-8")
    try:
        result = build_within_limit(build_project, f"{CRPS} front matter", text)
        event(f"front matter: {'failed' if result.returncode else 'built'}")
        assert_build_outcome(build_project, result.output, result.returncode)
    finally:
        (build_project / CRPS).write_text(CRPS_TEXT, encoding="utf-8")


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), which=st.sampled_from(sorted(DATA_FILES.values())))
def test_a_build_with_a_mutated_data_file_fails_cleanly_or_leaks_nothing(
    data: st.DataObject, which: str, build_project: Path
) -> None:
    original = (ROOT / which).read_text(encoding="utf-8")
    mutated = data.draw(mutated_data_file(which))
    (build_project / which).write_text(mutated, encoding="utf-8")
    try:
        result = build_within_limit(build_project, which, mutated)
        event(f"{which}: {'failed' if result.returncode else 'built'}")
        assert_build_outcome(build_project, result.output, result.returncode)
    finally:
        (build_project / which).write_text(original, encoding="utf-8")


def test_a_hung_build_is_stopped_and_its_test_names_the_input(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that never ends fails its test, naming the input, instead of
    stalling the suite. Here the build's Python waits forever as it starts,
    after starting a program that holds the build's output open: unless that
    program is stopped too, this test hangs."""
    (tmp_path / "sitecustomize.py").write_text(
        "import subprocess, time\nsubprocess.Popen(['sleep', '3600'])\ntime.sleep(3600)\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    with pytest.raises(pytest.fail.Exception) as failed:
        build_within_limit(project, "data/reviewers.yml", "the-input: {name: x}", limit=2)
    assert str(failed.value) == (
        "the build did not end within 2 s (it normally takes 2 to 5 s) with this "
        "data/reviewers.yml:\nthe-input: {name: x}"
    )


BOMB = 'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]\n' + "".join(
    f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 10)
)
# Where each front matter mistake below goes: a page of its own, since a page
# whose YAML is refused is not read further.
BOMB_PAGE = "docs/guides/diagnosis.md"
TITLE_PAGE = "docs/about.md"
READERS_WORDS_PAGES = {
    "alternative_names": "docs/treatments/iv-ketamine.md",
    "signs_or_symptoms": CRPS,
}
# The tests that share a build below run on one worker, so it is built once.
SHARED_BUILD = pytest.mark.xdist_group("fuzz_inputs")


def _not_a_list(text: str, field: str) -> tuple[str, int]:
    """``text`` with ``field``'s list replaced by a number; the field's line."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(f"{field}:"))
    end = next(n for n in range(start + 1, len(lines)) if not lines[n].startswith(" "))
    return "\n".join([*lines[:start], f"{field}: 7", *lines[end:]]) + "\n", start + 1


@pytest.fixture(scope="module")
@builds_site
def page_mistakes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, dict[str, int]]:
    """The front matter inputs Hypothesis found (and a billion laughs), each on a
    page of its own, in one build; the line each is reported on."""
    project = copy_project(tmp_path_factory.mktemp("fuzz-pages"))
    lines = {}
    path = project / BOMB_PAGE
    path.write_text(path.read_text(encoding="utf-8").replace("---\n", "---\n" + BOMB, 1), "utf-8")
    for field, page in READERS_WORDS_PAGES.items():
        path = project / page
        text, lines[field] = _not_a_list(path.read_text(encoding="utf-8"), field)
        path.write_text(text, "utf-8")
    path = project / TITLE_PAGE
    text_lines = path.read_text(encoding="utf-8").splitlines()
    lines["title"] = next(n for n, text in enumerate(text_lines, 1) if text.startswith("title:"))
    text_lines[lines["title"] - 1] = "title: !!binary aGVsbG8="
    path.write_text("\n".join(text_lines) + "\n", encoding="utf-8")
    # A bound to end a hang (the bomb took hours before the fix), not a speed check.
    return build(project, timeout=600), lines


@SHARED_BUILD
def test_a_billion_laughs_in_front_matter_does_not_hang_the_build(
    page_mistakes: tuple[Build, dict[str, int]],
) -> None:
    """Aliases nine deep: the build ends (here, failing on the unknown fields)."""
    built, _ = page_mistakes
    assert_fails_with(
        built,
        f"{BOMB_PAGE}:2: front matter: holds more than 10,000 values once its YAML "
        "aliases (*name) are written out",
    )


@pytest.fixture(scope="module")
@builds_site
def data_mistakes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, int, int]:
    """A billion laughs in the glossary, a YAML mistake in the statistics, in one build;
    the line of each."""
    project = copy_project(tmp_path_factory.mktemp("fuzz-data"))
    glossary = project / "data" / "glossary.yml"
    bomb_line = len(glossary.read_text(encoding="utf-8").splitlines()) + 1
    glossary.write_text(glossary.read_text(encoding="utf-8") + BOMB, encoding="utf-8")
    statistics = project / "data" / "statistics.yml"
    yaml_line = len(statistics.read_text(encoding="utf-8").splitlines()) + 2
    statistics.write_text(statistics.read_text(encoding="utf-8") + "bad: [unclosed\n")
    return build(project, timeout=600), bomb_line, yaml_line  # ends a hang; not a speed check


@SHARED_BUILD
def test_a_billion_laughs_in_a_data_file_fails_the_build_with_its_lines(
    data_mistakes: tuple[Build, int, int],
) -> None:
    built, line, _ = data_mistakes
    assert_fails_with(built, f"data/glossary.yml:{line}: a0.(entry): Input should be")


@SHARED_BUILD
def test_a_yaml_mistake_in_a_data_file_is_named_before_macros_reads_the_file(
    data_mistakes: tuple[Build, int, int],
) -> None:
    """Found by Hypothesis: macros read the file first and stopped with a traceback."""
    built, _, line = data_mistakes
    assert_fails_with(
        built, f"data/statistics.yml:{line}: yaml: expected ',' or ']', but got '<stream end>'"
    )


@SHARED_BUILD
@pytest.mark.parametrize("field", list(READERS_WORDS_PAGES))
def test_readers_words_that_are_not_a_list_fail_with_their_line(
    page_mistakes: tuple[Build, dict[str, int]], field: str
) -> None:
    """Found by Hypothesis in CI: a number there crashed the search element with a traceback."""
    built, lines = page_mistakes
    assert_fails_with(built, f"{READERS_WORDS_PAGES[field]}:{lines[field]}: {field}: ")


@SHARED_BUILD
def test_a_title_that_is_not_text_fails_with_its_line(
    page_mistakes: tuple[Build, dict[str, int]],
) -> None:
    """Found by Hypothesis: YAML's !!binary made the title bytes; macros crashed on it."""
    built, lines = page_mistakes
    assert_fails_with(
        built,
        f"{TITLE_PAGE}:{lines['title']}: title: Input should be a valid string; expected the "
        "page title readers see, e.g. 'Fibromyalgia'",
    )


def test_a_date_no_calendar_has_in_a_data_file_is_named_with_its_line(tmp_path: Path) -> None:
    """Found by Hypothesis: PyYAML stopped the build with a traceback (a bare ValueError)."""
    glossary = tmp_path / "glossary.yml"
    text = (ROOT / "data" / "glossary.yml").read_text(encoding="utf-8")
    glossary.write_text(text + "dated:\n  definition: 2026-02-30\n", encoding="utf-8")
    _, problems = load_glossary(DataFile(glossary, "data/glossary.yml"))
    assert [str(problem) for problem in problems] == [
        f"data/glossary.yml:{len(text.splitlines()) + 2}: dated.definition: '2026-02-30' is not "
        "a date in the calendar (day is out of range for month); expected YYYY-MM-DD, or text "
        "in quotes"
    ]


def test_a_glossary_term_named_by_spaces_is_quoted_in_a_shared_match_message(
    tmp_path: Path,
) -> None:
    """Found by Hypothesis: a term whose key was a space gave the field ' .matches',
    which does not read as ``path:line: field: message``."""
    glossary = tmp_path / "glossary.yml"
    text = (ROOT / "data" / "glossary.yml").read_text(encoding="utf-8")
    glossary.write_text(
        text + '" ":\n  definition: A word.\n  matches: [tremor]\n', encoding="utf-8"
    )
    _, problems = load_glossary(DataFile(glossary, "data/glossary.yml"))
    assert [str(problem) for problem in problems] == [
        f"data/glossary.yml:{len(text.splitlines()) + 3}: \" \".matches: 'tremor' is already a "
        "match of 'Tremor'; a word can show only one definition, so keep it in one term"
    ]


def test_a_tagged_date_no_calendar_has_in_front_matter_is_named_with_its_line() -> None:
    """Found by Hypothesis: `!!timestamp` bypassed the dates-as-text loader and crashed."""
    text = CRPS_TEXT.replace("last_reviewed: 2026-11-20", "last_reviewed: !!timestamp 2026-13-01")
    line = line_starting(text, "last_reviewed:")
    _, problems = read_front_matter(text, CRPS)
    assert [str(problem) for problem in problems] == [
        f"{CRPS}:{line}: front matter: is not valid YAML: '2026-13-01' is not a date in the "
        "calendar (month must be in 1..12); expected YYYY-MM-DD, or text in quotes"
    ]


def test_a_title_with_template_code_is_named_with_its_line() -> None:
    """Found by the whole-page leak check: the braces reached the page's <title>."""
    title = "title: Complex regional pain syndrome (CRPS)"
    text = CRPS_TEXT.replace(title, "title: CRPS {{ 7 * 7 }}")
    _, problems = read_front_matter(text, CRPS)
    assert [str(problem) for problem in problems] == [
        f"{CRPS}:{line_starting(text, 'title:')}: title: holds template code ('{{{{'), which is "
        "not run here, so readers would see it as typed; expected the page title readers see, "
        "e.g. 'Fibromyalgia'"
    ]


REVIEWER = (
    "  name: CRPS Info editorial team\n"
    "  role: content editors\n"
    "  kind: organization\n"
    "  conflicts_of_interest: {statement: none declared, declared_on: 2026-11-20}\n"
)


def _reviewer_problems(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "reviewers.yml").write_text(text, encoding="utf-8")
    return [str(problem) for problem in load_reviewers(tmp_path)[1]]


def test_reviewer_keys_that_yaml_reads_as_other_types_are_named_on_their_lines(
    tmp_path: Path,
) -> None:
    """Found by Hypothesis: no line for `5:`, and a key of several lines broke the line."""
    text = f'editorial-team:\n{REVIEWER}5:\n{REVIEWER}null:\n{REVIEWER}"a\\nb":\n{REVIEWER}'
    usable = "is not a usable key; expected lower-case letters, digits and hyphens, e.g. asha-patel"
    assert _reviewer_problems(tmp_path, text) == [
        f"data/reviewers.yml:6: 5: {usable}",
        # As typed (and as the other data files name it), not Python's "None".
        f"data/reviewers.yml:11: null: {usable}",
        f'data/reviewers.yml:16: "a\\nb": {usable}',
    ]


def test_a_reviewer_with_template_code_is_named_with_its_line(tmp_path: Path) -> None:
    """Found by the whole-page leak check: the braces reached review boxes and JSON-LD."""
    text = "editorial-team:\n" + REVIEWER.replace("content editors", "'{% editors %}'")
    assert _reviewer_problems(tmp_path, text) == [
        "data/reviewers.yml:3: editorial-team.role: holds template code ('{%'), which is not run "
        "here, so readers would see it as typed; expected their role, e.g. 'consultant in pain "
        "medicine'"
    ]


def test_a_reviewers_name_shows_as_text_not_html(project: Path) -> None:
    """Found by the whole-page leak check: the review box put the name in the page as HTML."""
    edit(project, REVIEWERS, "name: CRPS Info editorial team", "name: CRPS <b>Info</b> & team")
    built = build(project)
    assert built.returncode == 0, built.output
    page = built.page("conditions/crps/")
    assert "CRPS &lt;b&gt;Info&lt;/b&gt; &amp; team</a>" in page
    assert "<b>Info</b>" not in page
    assert_build_outcome(project, built.output, built.returncode)


def test_the_checkout_build_leaks_nothing_anywhere(built_site: Build) -> None:
    assert_build_outcome(built_site.site_dir.parent, "", 0)


@pytest.mark.parametrize(
    "page_html",
    [
        "<html><head><title>{{ page.title }} - CRPS Info</title></head></html>",
        '<meta name="description" content="&lt;Entry object at 0x7f00&gt;">',
        '<nav><a href="x/">datetime.date(2026, 11, 20)</a></nav>',
        '<script type="application/ld+json">{"name": "\\u003cA object at 0x1\\u003e"}</script>',
        '<script type="application/ld+json">{"{% if x %}": 1}</script>',
    ],
)
def test_the_leak_check_reads_the_whole_page(page_html: str) -> None:
    assert page_leaks("page.html", page_html)
    assert not page_leaks("page.html", "<html><head><title>CRPS</title></head><pre>{{ x }}</pre>")
