"""healthsite/yamlfile.py in-process: the line each key is on, and each YAML
mistake named with its line (README, "Mutation testing")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from healthsite.problems import Problem
from healthsite.yamlfile import (
    DatesAsTextLoader,
    InvalidYamlError,
    expanded_size,
    line_of,
    load_quickly,
    load_with_lines,
    parse_quickly_with_lines,
    parse_with_lines,
)

FILE = "data/example.yml"


def problem_of(text: str, first_line: int = 1) -> str:
    with pytest.raises(InvalidYamlError) as raised:
        parse_with_lines(text, FILE, first_line)
    assert str(raised.value) == str(raised.value.problem)
    return str(raised.value.problem)


def test_every_key_and_item_has_its_line() -> None:
    text = "a:\n  b: 1\n  c:\n    - x\n    -\n      d: 2\n5: five\ntrue: yes\n2026-01-02: date\n"
    data, lines = parse_with_lines(text, FILE)
    assert data["a"]["c"][1] == {"d": 2}
    assert lines == {
        (): 1,
        ("a",): 1,
        ("a", "b"): 2,
        ("a", "c"): 3,
        ("a", "c", 0): 4,
        ("a", "c", 1): 6,
        ("a", "c", 1, "d"): 6,
        ("5",): 7,
        (5,): 7,
        ("true",): 8,
        (True,): 8,
        ("2026-01-02",): 9,
        (dt.date(2026, 1, 2),): 9,
    }


def test_lines_count_from_the_first_line_given() -> None:
    _, lines = parse_with_lines("a:\n  b: 1\n", FILE, first_line=2)
    assert lines == {(): 2, ("a",): 2, ("a", "b"): 3}


def test_a_key_of_another_type_is_found_as_loaded_by_the_loader_given() -> None:
    class DatesAsText(yaml.SafeLoader):
        pass

    DatesAsText.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _, lines = parse_with_lines("2026-13-01: x\n7: y\n", FILE, loader_class=DatesAsText)
    assert lines == {(): 1, ("2026-13-01",): 1, ("7",): 2, (7,): 2}


def test_a_path_through_an_alias_keeps_the_first_paths_lines() -> None:
    text = "base: &base\n  year: 2020\none: *base\ntwo:\n  <<: *base\n  year: 2021\n"
    data, lines = parse_with_lines(text, FILE)
    assert data["one"]["year"] == 2020
    assert lines[("one",)] == 3
    # The base's keys are walked once, under whichever path reached them first.
    assert line_of(lines, ("one", "year")) in (2, 3)
    assert lines[("two", "year")] == 6


def test_a_self_referencing_alias_is_walked_once() -> None:
    data, lines = parse_with_lines("a: &a\n  - *a\n  - 1\n", FILE)
    assert data["a"][1] == 1
    assert lines[("a", 1)] == 3


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (("a", "b"), 2),
        (("a", "b", "c", 0), 2),
        (("a", "z"), 1),
        (("q",), 1),
        ((), 1),
    ],
)
def test_the_line_of_a_path_is_its_own_or_its_nearest_parents(
    path: tuple[object, ...], line: int
) -> None:
    _, lines = parse_with_lines("a:\n  b: 1\n", FILE)
    assert line_of(lines, path) == line


def test_no_line_at_all_is_none() -> None:
    assert line_of({}, ("a",)) is None


@pytest.mark.parametrize(
    ("text", "first_line", "expected"),
    [
        (
            "a: 1\nb: [\n",
            1,
            f"{FILE}:3: yaml: expected the node content, but found '<stream end>'; fix the YAML "
            "syntax",
        ),
        (
            "a: 1\n  b: 2\n",
            5,
            f"{FILE}:6: yaml: mapping values are not allowed here; fix the YAML syntax",
        ),
        (
            "a:\n  b: 1\n  b: 2\n",
            1,
            f"{FILE}:3: a.b: is already written on line 2; expected each key once (YAML would "
            "keep only the last one)",
        ),
        (
            "x: 1\nb: 1\nc: 1\nb: 2\nx: 2\n",
            3,
            f"{FILE}:6: b: is already written on line 4; expected each key once",
        ),
        (
            "day: 2026-02-30\n",
            1,
            f"{FILE}:1: day: '2026-02-30' is not a date in the calendar (day is out of range for "
            "month); expected YYYY-MM-DD, or text in quotes",
        ),
        (
            "a:\n  - !!timestamp 2026-13-01\n",
            10,
            f"{FILE}:11: a.0: '2026-13-01' is not a date in the calendar (month must be in "
            "1..12); expected YYYY-MM-DD, or text in quotes",
        ),
        (
            "!!timestamp 2026-13-01\n",
            1,
            f"{FILE}:1: yaml: '2026-13-01' is not a date in the calendar (month must be in "
            "1..12); expected YYYY-MM-DD, or text in quotes",
        ),
        (
            "a: !!int x1\n",
            1,
            f"{FILE}:1: a: 'x1' cannot be read as int (invalid literal for int() with base 10: "
            "'x1'); expected a valid int, or text in quotes",
        ),
    ],
)
def test_a_yaml_mistake_is_named_with_its_line(text: str, first_line: int, expected: str) -> None:
    assert problem_of(text, first_line).startswith(expected)


def test_the_first_repeated_key_is_reported() -> None:
    assert problem_of("a: 1\nb: 1\nb: 2\na: 2\n").startswith(f"{FILE}:3: b:")


def test_a_repeated_key_in_a_list_item_names_its_path() -> None:
    assert problem_of("list:\n  - x: 1\n    x: 2\n").startswith(
        f"{FILE}:3: list.0.x: is already written on line 2;"
    )


def test_the_same_key_at_two_places_and_merged_keys_are_not_repeats() -> None:
    text = "base: &b\n  k: 1\na:\n  k: 2\nc:\n  <<: *b\n  k: 3\n"
    data, _ = parse_with_lines(text, FILE)
    assert data["c"] == {"k": 3}


def test_an_empty_text_is_no_data() -> None:
    assert parse_with_lines("", FILE) == (None, {})
    assert parse_with_lines("# only a comment\n", FILE) == (None, {})


def test_a_value_error_without_a_node_is_raised_as_it_is() -> None:
    class Broken(yaml.SafeLoader):
        def get_single_node(self) -> yaml.Node | None:
            raise ValueError("no node")

    with pytest.raises(ValueError, match=r"^no node$"):
        parse_with_lines("a: 1", FILE, loader_class=Broken)


def test_a_value_no_scalar_explains_is_named_on_the_node() -> None:
    class Picky(yaml.SafeLoader):
        def construct_document(self, node: yaml.Node) -> object:
            raise ValueError("too picky")

    assert problem_of_loader("a: 1\n", Picky) == (
        f"{FILE}:1: yaml: a value cannot be read: too picky; fix it"
    )


def problem_of_loader(text: str, loader: type[yaml.SafeLoader]) -> str:
    with pytest.raises(InvalidYamlError) as raised:
        parse_with_lines(text, FILE, loader_class=loader)
    return str(raised.value.problem)


def test_the_quick_parse_gives_pyyamls_message(tmp_path: Path) -> None:
    with pytest.raises(InvalidYamlError) as raised:
        parse_quickly_with_lines("a: [\n", FILE, first_line=4)
    assert raised.value.problem == Problem(
        FILE, 5, "yaml", "expected the node content, but found '<stream end>'; fix the YAML syntax"
    )
    assert parse_quickly_with_lines("a: 1\n", FILE, 3) == ({"a": 1}, {(): 3, ("a",): 3})


def test_a_file_is_read_with_the_loader_given(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("day: 2026-01-02\n", encoding="utf-8")
    assert load_with_lines(path, FILE) == ({"day": dt.date(2026, 1, 2)}, {(): 1, ("day",): 1})
    assert load_with_lines(path, FILE, DatesAsTextLoader)[0] == {"day": "2026-01-02"}
    path.write_text("a: [\n", encoding="utf-8")
    with pytest.raises(InvalidYamlError) as raised:
        load_with_lines(path, FILE)
    assert raised.value.problem.path == FILE


def test_a_quick_load_is_the_data_or_none() -> None:
    assert load_quickly("a: [1, 2]\n") == {"a": [1, 2]}
    assert load_quickly("a: [\n") is None
    assert load_quickly("a: 2026-02-30\n") is None
    # A file the build reads with dates as text (data/reviewers.yml) is read so here too.
    assert load_quickly("a: 2026-02-30\n", DatesAsTextLoader) == {"a": "2026-02-30"}


@pytest.mark.parametrize(
    ("data", "size"),
    [
        (1, 1),
        ([], 1),
        ({"a": 1}, 3),
        ([1, [2, 3]], 5),
        ({"a": [1, 2], "b": {"c": 1}}, 9),
    ],
)
def test_the_size_of_data_counts_keys_and_values(data: object, size: int) -> None:
    assert expanded_size(data, 100) == size


def test_the_size_stops_one_past_the_limit() -> None:
    shared = list(range(10))
    data = [shared] * 10
    assert expanded_size(data, 1000) == 111
    assert expanded_size(data, 50) == 51
    assert expanded_size(shared, 10) == 11
    assert expanded_size(shared, 11) == 11


def test_data_that_holds_itself_is_over_the_limit() -> None:
    looped: list[object] = [1]
    looped.append(looped)
    assert expanded_size(looped, 100) == 101
    assert expanded_size({"a": looped}, 1000) == 1001
