"""A key written twice in a data file or front matter is named, not kept silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthsite.yamlfile import InvalidYamlError, parse_with_lines
from tests.sitebuild import assert_fails_with, build


def test_a_key_written_twice_is_named_with_both_lines() -> None:
    text = "webmd:\n  title: One\nlifeline:\n  title: Two\nwebmd:\n  title: Three\n"
    with pytest.raises(InvalidYamlError) as raised:
        parse_with_lines(text, "data/sources.yml")
    assert str(raised.value.problem) == (
        "data/sources.yml:5: webmd: is already written on line 1; "
        "expected each key once (YAML would keep only the last one)"
    )


def test_a_field_written_twice_in_one_entry_is_named_with_its_path() -> None:
    text = "---\ntitle: A\nlast_reviewed: 2026-01-01\nlast_reviewed: 2026-02-01\n"
    with pytest.raises(InvalidYamlError) as raised:
        parse_with_lines(text.removeprefix("---\n"), "docs/page.md", first_line=2)
    assert str(raised.value.problem).startswith(
        "docs/page.md:4: last_reviewed: is already written on line 3;"
    )


def test_the_same_key_in_two_entries_and_a_merge_key_are_not_repeats() -> None:
    text = "base: &base\n  year: 2020\none:\n  <<: *base\n  year: 2021\ntwo:\n  year: 2022\n"
    data, lines = parse_with_lines(text, "data/sources.yml")
    assert data["one"]["year"] == 2021
    assert data["two"]["year"] == 2022
    assert lines[("two", "year")] == 7


def test_a_source_added_twice_fails_the_build_with_its_line(project: Path) -> None:
    sources = project / "data" / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    first = next(n for n, line in enumerate(text.splitlines(), 1) if line == "harden2010:")
    lines = len(text.splitlines())
    sources.write_text(text + "harden2010:\n  title: Another\n", encoding="utf-8")
    assert_fails_with(
        build(project),
        f"data/sources.yml:{lines + 1}: harden2010: is already written on line {first};",
    )
