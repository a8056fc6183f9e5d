"""Readers' words for the pages' words: data/search_terms.yml, checked against the pages.

The search looks for the pages' words when a reader types their own
(healthsite/search/readers_words.py). A term that points at words no page
uses helps nobody: the build reads every page and fails on the term's line.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from healthsite.content.glossary import Glossary, Term
from healthsite.search.readers_words import (
    SEARCH_TERMS_FILE,
    SEARCH_TERMS_FILES,
    STOP_WORDS,
    ReaderTerm,
    SiteWords,
    full_name_terms,
    load_search_terms,
    normalize,
    why_refused,
    write_search_data,
)
from tests.sitebuild import build

CRPS_PAGE = (
    '<article class="md-content__inner"><h1>Complex regional pain syndrome (CRPS)</h1>'
    '<div data-pagefind-meta="description[data-description]" data-description="x" '
    'data-pagefind-weight="10" hidden>CRPS, RSD, burning pain, skin colour changes</div>'
    "<p>The skin&#39;s color may change. Pins and needles, and an X-ray.</p></article>"
)
BLOCKS_PAGE = "<article><h1>Nerve blocks</h1><p>An injection of a local anesthetic.</p></article>"


def _terms_file(tmp_path: Path, text: str) -> Path:
    target = tmp_path / SEARCH_TERMS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return tmp_path


def _messages(tmp_path: Path, text: str) -> list[str]:
    _, problems = load_search_terms(_terms_file(tmp_path, text))
    return [str(problem) for problem in problems]


@pytest.mark.parametrize(
    ("typed", "normalized"),
    [
        ("Can't bear", "cant bear"),  # codespell:ignore
        ("X-ray", "x ray"),
        ("  Sudeck\u2019s  atrophy ", "sudecks atrophy"),
        # Spanish: accents dropped, as Pagefind compares words (and ñ is n).
        ("Distrofia simpática refleja", "distrofia simpatica refleja"),
        ("Señales", "senales"),
    ],
)
def test_words_are_compared_as_the_worker_compares_them(typed: str, normalized: str) -> None:
    assert normalize(typed) == normalized


def test_a_term_is_read_with_its_line(tmp_path: Path) -> None:
    terms, problems = load_search_terms(
        _terms_file(tmp_path, "# readers\nshots: [injection, Nerve Block]\nmeds: medicines\n")
    )
    assert problems == []
    assert terms == [
        ReaderTerm("shots", ("injection", "nerve block"), 2),
        ReaderTerm("meds", ("medicines",), 3),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "shots: []\n",
            "data/search_terms.yml:1: shots: expected the words pages use for it, "
            "e.g. [injection, nerve block]",
        ),
        (
            "ok: [medicines]\nshots:\n  words: injection\n",
            "data/search_terms.yml:2: shots: expected the words pages use for it",
        ),
        ("'!!': [medicines]\n", "data/search_terms.yml:1: !!: expected a reader's words"),
        ("- shots\n", "data/search_terms.yml:1: (file): expected a mapping, a line per term"),
        ("shots: [injection\nmeds: x\n", "data/search_terms.yml:2: yaml:"),
    ],
)
def test_a_mistake_names_the_line_and_the_term(tmp_path: Path, text: str, message: str) -> None:
    [found] = _messages(tmp_path, text)
    assert found.startswith(message)


@pytest.mark.parametrize(
    ("language", "text", "message"),
    [
        (
            "en",
            "shots: [injection]\nI overdid it: [pacing]\n",
            "data/search_terms.yml:2: I overdid it: 'overdid' may not be a reader's word: its "
            "forms take an overdose ('i overdid my meds', 'overdoes', an overdose misspelled); "
            "expected no line for it (words of danger lead to the 911 and 988 line, "
            "CONTRIBUTING.md)",
        ),
        (
            "en",
            "fake pill: [placebo]\n",
            "data/search_terms.yml:1: fake pill: 'fake pill' may not be a reader's word: in the "
            "US a fake pill is a street pill that may hold fentanyl, not a placebo; expected no "
            "line for it",
        ),
        (
            "en",
            "aleve: [nsaids]\n",
            "data/search_terms.yml:1: aleve: 'aleve' may not be a reader's word: one letter from "
            "'alive': 'i don't want to be alive' would put the NSAIDs page first; expected no line "
            "for it",
        ),
        (
            "es",
            "Pastilla falsa: [placebo]\n",
            "data/search_terms.es.yml:1: Pastilla falsa: 'pastilla falsa' may not be a reader's "
            "word: a street pill that may hold fentanyl, not a placebo; expected no line for it",
        ),
    ],
)
def test_a_word_that_once_hid_a_danger_is_refused_with_why(
    tmp_path: Path, language: str, text: str, message: str
) -> None:
    """A line a safety review removed cannot come back unnoticed: the build
    names it, why, and what to do; the other lines are kept."""
    target = tmp_path / SEARCH_TERMS_FILES[language]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    terms, problems = load_search_terms(tmp_path)
    [found] = [str(problem) for problem in problems]
    assert found.startswith(message)
    assert [term.readers for term in terms] == (["shots"] if "shots" in text else [])


def test_a_word_holding_a_refused_word_is_not_refused() -> None:
    """Whole words only ("wakefulness" is not "wake"), in the line's own
    language ("cortar" is refused in Spanish only); "sugar pill" stays."""
    assert why_refused("sugar pill", "en") is None
    assert why_refused("wakefulness", "en") is None
    assert why_refused("cant wake", "en") is not None  # codespell:ignore (as readers type it)
    assert why_refused("cortar", "en") is None
    assert why_refused("me quiero cortar", "es") is not None


def test_no_data_file_means_no_terms(tmp_path: Path) -> None:
    assert load_search_terms(tmp_path) == ([], [])


def test_a_term_pointing_at_words_no_page_uses_is_a_problem_on_its_line() -> None:
    terms = [
        ReaderTerm("shots", ("injection", "nerve block"), 4),
        ReaderTerm("tingly", ("pins and needles",), 5),
    ]
    words = SiteWords()
    words.start(terms, keep_pages=False)
    words.add("conditions/crps/index.html", CRPS_PAGE)
    words.add("treatments/sympathetic-nerve-blocks/index.html", BLOCKS_PAGE)

    assert [str(problem) for problem in words.unused(terms)] == [
        "data/search_terms.yml:4: shots: 'nerve block' is on no page; expected words a page "
        "uses (as Pagefind reads it: the article and its hidden reader terms)"
    ]


def test_a_spanish_term_must_point_at_words_of_a_spanish_page(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "search_terms.es.yml").write_text(
        "# palabras\npiquetes: [injection]\ntoquen: [roce leve]\n",  # codespell:ignore
        encoding="utf-8",
    )
    terms, problems = load_search_terms(tmp_path)
    words = SiteWords()
    words.start(terms, keep_pages=False)
    # "injection" is on an English page only; the light touch on a Spanish one.
    words.add("treatments/sympathetic-nerve-blocks/index.html", BLOCKS_PAGE)
    spanish_page = "<article><p>Duele un roce leve.</p></article>"  # codespell:ignore
    words.add("es/conditions/crps/index.html", spanish_page)

    assert problems == []
    assert [(term.readers, term.language) for term in terms] == [
        ("piquetes", "es"),
        ("toquen", "es"),
    ]
    assert [str(problem) for problem in words.unused(terms)] == [
        "data/search_terms.es.yml:2: piquetes: 'injection' is on no page; expected words a page "
        "uses (as Pagefind reads it: the article and its hidden reader terms)"
    ]


def test_a_saved_page_replaces_its_words_under_dirty_serve() -> None:
    terms = [ReaderTerm("shots", ("injection",), 1)]
    words = SiteWords()
    words.start(terms, keep_pages=False)
    words.add("treatments/sympathetic-nerve-blocks/index.html", BLOCKS_PAGE)
    words.start(terms, keep_pages=True)
    assert words.unused(terms) == []
    words.add("treatments/sympathetic-nerve-blocks/index.html", "<p>No such word now.</p>")
    assert len(words.unused(terms)) == 1


def test_the_worker_gets_terms_stop_words_and_the_sites_words(
    tmp_path: Path,
) -> None:
    terms = [ReaderTerm("shots", ("injection",), 1)]
    words = SiteWords()
    words.start(terms, keep_pages=False)
    words.add("conditions/crps/index.html", CRPS_PAGE)
    words.add("index.html", BLOCKS_PAGE)
    words.add("guides/children/index.html", "<article><p>CRPS in children.</p></article>")
    words.add("es/treatments/medicines/index.html", "<article><p>Nortriptilina.</p></article>")

    write_search_data(tmp_path, terms, words.vocabulary())

    data = json.loads((tmp_path / "search/readers-words.json").read_text())
    stop = {language: list(words) for language, words in STOP_WORDS.items()}
    assert data == {"stop": stop, "terms": {"en": {"shots": ["injection"]}}}
    c_words = (tmp_path / "search/words/c.txt").read_text().split(" ")
    # Whole words of three letters or more, those on the most pages first (a
    # misspelling goes to the first of two as near); tags and entities are not words.
    assert c_words[0] == "crps"
    assert {"crps", "color", "colour", "complex"} <= set(c_words)
    assert len(c_words) == len(set(c_words))
    assert not {"class", "content"} & set(c_words)
    i_words = (tmp_path / "search/words/i.txt").read_text().split(" ")
    assert "injection" in i_words
    assert "an" not in (tmp_path / "search/words/a.txt").read_text().split(" ")
    # Each language's own: an English misspelling is not taken to a Spanish word.
    assert "nortriptilina" not in (tmp_path / "search/words/n.txt").read_text().split(" ")
    assert (tmp_path / "search/words/es/n.txt").read_text() == "nortriptilina"
    # Each page's names and symptoms, by URL path (written by Pagefind's ids
    # once it has indexed the pages: tests/test_search_known_by.py).
    names = words.names()
    assert names["crps"] == names["burning pain"] == ["conditions/crps/"]


def test_a_possessives_own_word_is_a_site_word_for_the_near_match(tmp_path: Path) -> None:
    """The name "Sudeck's atrophy" is "sudecks" to Pagefind; a reader who misspells the
    name writes it without the "s" ("sudek", two edits from "sudecks"): the  # codespell:ignore
    near match is given "sudeck" too (tests/test_reader_search.py finds the page)."""
    words = SiteWords()
    words.start([], keep_pages=False)
    names = "CRPS, Sudeck\u2019s atrophy, Raynaud&#39;s"
    words.add("conditions/crps/index.html", f"<article><p>{names}. It&#39;s a pain.</p></article>")
    words.add("guides/index.html", "<article><p>The doctor&#39;s notes. Cats sleep.</p></article>")

    write_search_data(tmp_path, [], words.vocabulary())

    site_words = {
        letter: (tmp_path / f"search/words/{letter}.txt").read_text().split(" ")
        for letter in "srdc"
    }
    assert {"sudeck", "sudecks"} <= set(site_words["s"])
    assert {"raynaud", "raynauds"} <= set(site_words["r"])
    # Once a word, however often the page says it ("doctor" is on one page).
    assert site_words["d"].count("doctor") == 1
    assert "cat" not in site_words["c"]  # a plural is no possessive


def test_the_build_fails_on_a_term_whose_words_no_page_uses(project: Path) -> None:
    terms = project / SEARCH_TERMS_FILE
    lines = terms.read_text(encoding="utf-8").splitlines()
    first = next(number for number, line in enumerate(lines, 1) if line.startswith("shots:"))
    lines[first - 1] = "shots: [injection, zorblatt injection]"
    terms.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = build(project)

    assert result.returncode != 0
    assert (
        f"data/search_terms.yml:{first}: shots: 'zorblatt injection' is on no page; "
        "expected words a page uses"
    ) in result.output
    assert "Traceback" not in result.output


def test_a_language_with_no_page_built_is_not_checked(tmp_path: Path) -> None:
    """An English-only build (the i18n plugin's build_only_locale) writes no
    Spanish page: its Spanish terms are not reported as missing."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "search_terms.es.yml").write_text(
        "piquetes: [inyeccion]\n", encoding="utf-8"
    )
    terms, _ = load_search_terms(tmp_path)
    words = SiteWords()
    words.start(terms, keep_pages=False)
    words.add("treatments/sympathetic-nerve-blocks/index.html", BLOCKS_PAGE)
    assert words.unused(terms) == []
    words.add("es/treatments/index.html", "<article><p>Tratamientos.</p></article>")
    assert len(words.unused(terms)) == 1


def _normalized_plainly(text: str) -> str:
    """``normalize`` as first written: marks dropped character by character, then
    the text lowercased, apostrophes dropped, and any other non-ASCII a space."""
    without_marks = "".join(
        char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char)
    )
    lower = without_marks.lower().replace("'", "").replace("\u2019", "")
    words = re.sub(r"[^a-z0-9]", " ", lower.encode("ascii", "replace").decode("ascii"))
    return " ".join(words.split())


def test_words_are_normalized_as_plainly_written_for_every_code_point() -> None:
    """The build's ``normalize`` lowercases before it drops marks, in C (it reads
    every page's text): the same words as the plain order, for all characters
    together, and alone between letters for each that lowercasing or NFD
    changes and each mark."""
    every = [chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF]
    assert normalize("".join(every)) == _normalized_plainly("".join(every))
    # Alone: those that change when lowercased or split by NFD, and every mark.
    changing = [
        char
        for char in every
        if char.lower() != char
        or unicodedata.combining(char)
        or unicodedata.normalize("NFD", char) != char
    ]
    between_letters = "a".join(changing)
    assert normalize(between_letters) == _normalized_plainly(between_letters)


def test_an_abbreviations_full_name_in_the_glossary_is_a_readers_term() -> None:
    """A page says "DMSO" only; a reader types "dimethyl sulfoxide", its full
    name in the glossary ("DMSO (dimethyl sulfoxide)"): the worker reads it as
    the pages' "dmso" (tests/test_reader_search.py finds the page). A term
    whose brackets hold an abbreviation ("Resonancia magnética (RM)") or that
    has none gives no term."""
    glossary = Glossary(
        {
            "DMSO (dimethyl sulfoxide)": Term.model_validate(
                {
                    "definition": "A chemical.",
                    "matches": ["DMSO"],
                    "es": {
                        "term": "DMSO (dimetilsulfóxido)",
                        "definition": "Una sustancia.",
                        "matches": ["DMSO"],
                    },
                }
            ),
            "MRI scan": Term.model_validate(
                {
                    "definition": "A scan.",
                    "matches": ["MRI"],
                    "es": {
                        "term": "Resonancia magnética (RM)",
                        "definition": "Un estudio.",
                        "matches": ["RM"],
                    },
                }
            ),
        }
    )
    assert glossary.full_names("en") == [("dimethyl sulfoxide", ["DMSO"])]
    assert glossary.full_names("es") == [("dimetilsulfóxido", ["DMSO"])]
    terms = full_name_terms("es", glossary.full_names("es"))
    assert terms == [ReaderTerm("dimetilsulfoxido", ("dmso",), None, "es", from_glossary=True)]
    # Not a line of the data file: not checked against the pages as a line is.
    words = SiteWords()
    words.start(terms, keep_pages=False)
    words.add("es/treatments/index.html", "<article><p>Otra cosa.</p></article>")
    assert words.unused(terms) == []


def test_a_full_name_holding_a_refused_word_gives_no_term() -> None:
    assert full_name_terms("en", [("feeling down syndrome", ["FDS"])]) == []
