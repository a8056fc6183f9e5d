"""benchmarks/compare_sites.py: what it reports of two site folders (no build here)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.compare_sites import compare, report


def _site(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def test_same_bytes_are_identical(tmp_path: Path) -> None:
    files = {"index.html": b"<p>CRPS</p>\n", "es/index.html": b"<p>SDRC</p>\n"}
    found = compare(_site(tmp_path / "a", files), _site(tmp_path / "b", files))
    assert found.identical
    assert found.compared == 2


def test_a_changed_line_and_a_missing_file_are_listed(tmp_path: Path) -> None:
    first = _site(tmp_path / "a", {"index.html": b"<h1>CRPS</h1>\n<p>one</p>\n", "old.html": b""})
    second = _site(tmp_path / "b", {"index.html": b"<h1>CRPS</h1>\n<p>two</p>\n"})
    found = compare(first, second)
    assert not found.identical
    assert found.only_in_first == ["old.html"]
    assert found.differing == {"index.html": "line 2: '<p>one</p>' / '<p>two</p>'"}
    assert "- differs: index.html: line 2: '<p>one</p>' / '<p>two</p>'" in report("a", "b", found)


def test_pagefind_languages_in_another_order_are_the_same_site(tmp_path: Path) -> None:
    name = "pagefind/pagefind-entry.json"
    en_first = b'{"languages":{"en":{"hash":"en_1"},"es":{"hash":"es_2"}}}'
    es_first = b'{"languages":{"es":{"hash":"es_2"},"en":{"hash":"en_1"}}}'
    found = compare(
        _site(tmp_path / "a", {name: en_first}), _site(tmp_path / "b", {name: es_first})
    )
    assert found.identical
    assert name in found.set_aside
    changed = b'{"languages":{"es":{"hash":"es_3"},"en":{"hash":"en_1"}}}'
    found = compare(_site(tmp_path / "c", {name: en_first}), _site(tmp_path / "d", {name: changed}))
    assert name in found.differing
