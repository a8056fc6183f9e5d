"""Which languages a rebuild under ``mkdocs serve --dirty`` builds (healthsite/i18n/rebuilds.py).

A docs folder and a site folder on disk, with each file's time set as a save
and a build would leave it; the real serve is tested in tests/test_serve_fast.py.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from healthsite.content.datafiles import as_read
from healthsite.content.registry import DataFile
from healthsite.i18n.rebuilds import (
    DirtyRebuilds,
    DocsFolder,
    languages_to_rebuild,
    sites_showing,
    stale_every_page,
)
from healthsite.pages.language import ENGLISH, LANGUAGES, SPANISH
from healthsite.yamlfile import YamlFiles

BUILT_AT = 1_000_000.0
SAVED_AFTER = BUILT_AT + 10

# Each source, and the pages written from it: the Spanish site shows an
# untranslated English page (the guide) in English.
OUTPUTS = {
    "index.md": ["index.html"],
    "index.es.md": ["es/index.html"],
    "conditions/crps.md": ["conditions/crps/index.html"],
    "conditions/crps.es.md": ["es/conditions/crps/index.html"],
    "guides/pacing.md": ["guides/pacing/index.html", "es/guides/pacing/index.html"],
}


def _write(path: Path, at: float) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    os.utime(path, (at, at))


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    """A docs folder saved before its site was built."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    for source, outputs in OUTPUTS.items():
        _write(docs / source, BUILT_AT - 10)
        for output in outputs:
            _write(site / output, BUILT_AT)
    return docs, site


def _rebuilt(docs: Path, site: Path, pages_before: frozenset[str] | None) -> tuple[str, ...]:
    return languages_to_rebuild(DocsFolder.read(docs), pages_before, site, True)


def test_a_page_shows_in_its_language_s_site_and_untranslated_in_every_site() -> None:
    pages = frozenset(OUTPUTS)
    assert sites_showing("conditions/crps.es.md", pages) == (SPANISH,)
    assert sites_showing("conditions/crps.md", pages) == (ENGLISH,)
    assert sites_showing("guides/pacing.md", pages) == (ENGLISH, SPANISH)


@pytest.mark.parametrize(
    ("saved", "languages"),
    [
        ("conditions/crps.es.md", (SPANISH,)),
        ("index.es.md", (SPANISH,)),
        ("conditions/crps.md", (ENGLISH,)),
        ("guides/pacing.md", (ENGLISH, SPANISH)),
    ],
)
def test_a_saved_page_rebuilds_the_sites_that_show_it(
    built: tuple[Path, Path], saved: str, languages: tuple[str, ...]
) -> None:
    docs, site = built
    _write(docs / saved, SAVED_AFTER)
    assert _rebuilt(docs, site, frozenset(OUTPUTS)) == languages


def test_a_new_translation_rebuilds_the_spanish_site(built: tuple[Path, Path]) -> None:
    docs, site = built
    _write(docs / "guides/pacing.es.md", SAVED_AFTER)
    assert _rebuilt(docs, site, frozenset(OUTPUTS)) == (SPANISH,)


def test_a_page_left_unwritten_by_a_failed_rebuild_is_rebuilt_again(
    built: tuple[Path, Path],
) -> None:
    docs, site = built
    (site / "es/conditions/crps/index.html").unlink()
    assert _rebuilt(docs, site, frozenset(OUTPUTS)) == (SPANISH,)


def test_every_language_is_built_first_when_a_page_goes_and_when_no_page_changed(
    built: tuple[Path, Path],
) -> None:
    docs, site = built
    # The server's first build.
    assert _rebuilt(docs, site, None) == LANGUAGES
    # A data file, mkdocs.yml or a template changed: no page is newer than its output.
    assert _rebuilt(docs, site, frozenset(OUTPUTS)) == LANGUAGES
    # A page removed: its translation may now translate nothing.
    (docs / "conditions/crps.md").unlink()
    _write(docs / "conditions/crps.es.md", SAVED_AFTER)
    assert _rebuilt(docs, site, frozenset(OUTPUTS)) == LANGUAGES


def _outputs_older_than_sources(docs: Path, site: Path) -> list[str]:
    return [
        output
        for source, outputs in OUTPUTS.items()
        for output in outputs
        if (site / output).is_file()
        and (site / output).stat().st_mtime < (docs / source).stat().st_mtime
    ]


def test_every_page_is_made_stale_in_every_site_that_shows_it(built: tuple[Path, Path]) -> None:
    docs, site = built
    (site / "conditions/crps/index.html").unlink()  # not written yet: left as it is
    stale_every_page(DocsFolder.read(docs), site, True)
    assert not (site / "conditions/crps/index.html").exists()
    written = [output for outputs in OUTPUTS.values() for output in outputs]
    written.remove("conditions/crps/index.html")
    assert sorted(_outputs_older_than_sources(docs, site)) == sorted(written)


def _serve_config(docs: Path, site: Path) -> Any:
    """What ``DirtyRebuilds.choose`` reads of MkDocs' config and the i18n plugin."""
    languages = [SimpleNamespace(locale=language, build=True) for language in LANGUAGES]
    i18n = SimpleNamespace(current_language=None, config=SimpleNamespace(languages=languages))
    return SimpleNamespace(
        plugins={"i18n": i18n}, docs_dir=str(docs), site_dir=str(site), use_directory_urls=True
    )


def test_a_saved_data_file_rebuilds_every_page_of_every_language(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    """mkdocs.yml watches data/; a page may show any data file's entries."""
    docs, site = built
    data = tmp_path / "data" / "statistics.yml"
    data.parent.mkdir()
    data.write_text("a_stat: {value: 1}\n", encoding="utf-8")
    config = _serve_config(docs, site)
    rebuilds = DirtyRebuilds()

    files = YamlFiles()

    def rebuild() -> tuple[str, ...]:
        config.plugins["i18n"].current_language = None  # as the plugin leaves it after a build
        # Each build reads its data files anew (healthsite/build/setup.py).
        return rebuilds.choose(
            config, as_read({"stats": DataFile(data, "data/stats.yml", files=files)})
        )

    assert rebuild() == LANGUAGES  # the server's first build
    _write(docs / "conditions/crps.md", SAVED_AFTER)
    # The data as it was: only the saved page's site.
    assert rebuild() == (ENGLISH,)
    assert _outputs_older_than_sources(docs, site) == ["conditions/crps/index.html"]
    data.write_text("a_stat: {value: 2}\n", encoding="utf-8")
    assert rebuild() == LANGUAGES
    assert len(_outputs_older_than_sources(docs, site)) == sum(map(len, OUTPUTS.values()))
    for output in (output for outputs in OUTPUTS.values() for output in outputs):
        _write(site / output, SAVED_AFTER + 10)  # as the rebuild wrote them
    # A comment added below the data: what the build reads is the same, no page is stale.
    data.write_text("a_stat: {value: 2}\n# checked again\n", encoding="utf-8")
    assert rebuild() == LANGUAGES
    assert _outputs_older_than_sources(docs, site) == []
    data.unlink()  # a data file removed: the build says so, on every page
    assert rebuild() == LANGUAGES
    assert len(_outputs_older_than_sources(docs, site)) == sum(map(len, OUTPUTS.values()))
