"""What the search worker's ranking reads by Pagefind's page ids: the words of each
page's title and names, the pages each name names, and where each page's headings start."""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from pathlib import Path

from healthsite.search.known_by import (
    CONDITIONS_FOLDER,
    FRAGMENT_SIGNATURE,
    KNOWN_BY_FOLDER,
    NAMES_FOLDER,
    SECTIONS_FOLDER,
    heading_positions,
    named_words,
    read_fragment,
    write_known_by,
)
from healthsite.search.readers_words import SiteWords
from tests.sitebuild import Build


def _fragment(
    site: Path, page_id: str, url: str, meta: dict[str, str], anchors: Sequence[object] = ()
) -> None:
    """A page's fragment as Pagefind writes it: its JSON, signed, gzipped."""
    folder = site / "pagefind" / "fragment"
    folder.mkdir(parents=True, exist_ok=True)
    data = {
        "url": url,
        "content": "Text.",
        "word_count": 1,
        "filters": {},
        "meta": meta,
        "anchors": list(anchors),
    }
    signed = FRAGMENT_SIGNATURE + json.dumps(data).encode()
    (folder / f"{page_id}.pf_fragment").write_bytes(gzip.compress(signed))


def _letter(site: Path, language: str, letter: str) -> dict[str, list[str]]:
    path = site / KNOWN_BY_FOLDER / language / f"{letter}.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def test_a_fragment_is_read_as_pagefind_wrote_it(tmp_path: Path) -> None:
    _fragment(tmp_path, "en_0508010", '/a "b"/', {"title": "X"})
    fragment = tmp_path / "pagefind" / "fragment" / "en_0508010.pf_fragment"
    assert read_fragment(fragment)["meta"] == {"title": "X"}
    assert read_fragment(fragment)["url"] == '/a "b"/'


def test_title_and_names_are_words_as_the_worker_compares_them() -> None:
    meta = {"title": "Sudeck's atrophy", "names": "Síndrome, CRPS-1"}
    assert named_words(meta) == ["sudecks", "atrophy", "sindrome", "crps", "1"]
    assert named_words({"description": "No title or names."}) == []


NAMES = 'data-pagefind-weight="10" hidden>'


def test_a_pages_title_and_names_are_its_first_h1_and_hidden_names() -> None:
    words = SiteWords()
    words.start([], keep_pages=False)
    title = '<h1 id="x">Sudeck&#39;s <em>atrophy</em><a class="headerlink">&para;</a></h1>'
    words.add("conditions/x/index.html", f"{title}<div {NAMES}RSD, CRPS type 1</div><h1>No</h1>")
    words.add("index.html", "<p>No title.</p>")
    assert words.known_by() == {
        "conditions/x/": ["sudecks", "atrophy", "rsd", "crps", "type", "1"],
        "": [],
    }


def test_each_word_names_its_pages_in_the_file_of_its_first_letter(tmp_path: Path) -> None:
    _fragment(tmp_path, "en_aaa", "/conditions/crps/", {})
    _fragment(tmp_path, "en_bbb", "/treatments/c/", {})
    _fragment(tmp_path, "es_ccc", "/es/conditions/crps/", {})
    write_known_by(
        tmp_path,
        {
            "conditions/crps/": ["crps", "causalgia"],
            "treatments/c/": ["creams", "for", "crps", "pain"],
            "es/conditions/crps/": ["sdrc", "causalgia"],
        },
        {},
    )
    assert _letter(tmp_path, "en", "c") == {
        "causalgia": ["en_aaa"],
        "creams": ["en_bbb"],
        "crps": ["en_aaa", "en_bbb"],
    }
    assert _letter(tmp_path, "en", "f") == {"for": ["en_bbb"]}
    assert _letter(tmp_path, "es", "c") == {"causalgia": ["es_ccc"]}


def test_the_condition_pages_of_each_language_are_listed_for_readers_signs(
    tmp_path: Path,
) -> None:
    """A reader who describes signs gets the library's condition pages first
    (``describesSigns``): every page of the conditions section in each
    language, not the section's own list of them, nor a treatment or guide."""
    _fragment(tmp_path, "en_aaa", "/conditions/crps/", {})
    _fragment(tmp_path, "en_bbb", "/conditions/gout/", {})
    _fragment(tmp_path, "en_ccc", "/conditions/", {})
    _fragment(tmp_path, "en_ddd", "/treatments/conditions-of-use/", {})
    _fragment(tmp_path, "es_eee", "/es/conditions/crps/", {})
    _fragment(tmp_path, "es_fff", "/es/guides/conditions/", {})
    write_known_by(tmp_path, {}, {})
    listed = {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in (tmp_path / CONDITIONS_FOLDER).glob("*.json")
    }
    assert listed == {"en": ["en_aaa", "en_bbb"], "es": ["es_eee"]}


def test_a_page_is_listed_once_under_a_word_its_title_and_names_repeat(tmp_path: Path) -> None:
    _fragment(tmp_path, "en_aaa", "/a/", {})
    write_known_by(tmp_path, {"a/": ["crps", "type", "1", "crps"]}, {})
    assert _letter(tmp_path, "en", "c") == {"crps": ["en_aaa"]}


def test_a_letter_no_word_starts_with_any_more_is_removed(tmp_path: Path) -> None:
    _fragment(tmp_path, "en_aaa", "/a/", {})
    write_known_by(tmp_path, {"a/": ["zoster"]}, {})
    write_known_by(tmp_path, {"a/": ["shingles"]}, {})
    assert not (tmp_path / KNOWN_BY_FOLDER / "en" / "z.json").exists()
    assert _letter(tmp_path, "en", "s") == {"shingles": ["en_aaa"]}


def test_every_page_is_known_by_the_words_of_pagefinds_title_and_names(built_site: Build) -> None:
    """Of every page Pagefind indexed, in both languages: the words under which the
    known-by files list it are those of its fragment's title and names, which the
    worker read from the fragment before (so the check answers as it did)."""
    site = built_site.site_dir
    listed: dict[str, set[str]] = {}
    for letter in (site / KNOWN_BY_FOLDER).glob("*/*.json"):
        for word, pages in json.loads(letter.read_text(encoding="utf-8")).items():
            for page in pages:
                listed.setdefault(page, set()).add(word)
    fragments = sorted((site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert {f.stem.split("_")[0] for f in fragments} == {"en", "es"}
    for fragment in fragments:
        expected = set(named_words(read_fragment(fragment)["meta"]))
        assert listed.get(fragment.stem, set()) == expected, read_fragment(fragment)["url"]


def test_a_name_names_its_pages_by_their_ids_in_both_languages(tmp_path: Path) -> None:
    """The worker ranks the pages a reader's words name exactly before it fetches
    any fragment: the names files name Pagefind's page ids, not URLs."""
    _fragment(tmp_path, "en_aaa", "/conditions/crps/", {})
    _fragment(tmp_path, "es_ccc", "/es/conditions/crps/", {})
    _fragment(tmp_path, "en_ddd", "/", {})
    names = {
        "causalgia": ["conditions/crps/", "es/conditions/crps/"],
        "crps": ["conditions/crps/"],
        "home": [""],
        "gone": ["a/page/pagefind/did/not/index/"],
    }
    write_known_by(tmp_path, {}, names)
    c_names = json.loads((tmp_path / NAMES_FOLDER / "c.json").read_text(encoding="utf-8"))
    assert c_names == {"causalgia": ["en_aaa", "es_ccc"], "crps": ["en_aaa"]}
    assert json.loads((tmp_path / NAMES_FOLDER / "h.json").read_text()) == {"home": ["en_ddd"]}
    assert not (tmp_path / NAMES_FOLDER / "g.json").exists()


def _heading(element: str, location: int, text: str = "A heading") -> dict[str, object]:
    return {"element": element, "id": f"{element}-{location}", "text": text, "location": location}


def test_a_pages_sections_start_at_its_headings_as_pagefind_splits_them(tmp_path: Path) -> None:
    """Pagefind's sub-results start at h1 to h6 anchors with text, in word order;
    other anchors (a footnote's sup, an empty heading) start none."""
    anchors = [
        _heading("h2", 40),
        _heading("h1", 0),
        _heading("sup", 12, ""),
        _heading("span", 20),
        _heading("h3", 30, " "),
        _heading("H4", 55),
    ]
    assert heading_positions({"anchors": anchors}) == [0, 40, 55]
    assert heading_positions({}) == []
    _fragment(tmp_path, "en_aaa", "/a/", {}, anchors)
    _fragment(tmp_path, "es_ccc", "/es/a/", {}, [_heading("h1", 0)])
    write_known_by(tmp_path, {}, {})
    read = json.loads((tmp_path / SECTIONS_FOLDER / "en.json").read_text(encoding="utf-8"))
    assert read == {"en_aaa": [0, 40, 55]}
    assert json.loads((tmp_path / SECTIONS_FOLDER / "es.json").read_text()) == {"es_ccc": [0]}
