"""Readers' words for what the pages call otherwise, and the site's own words, for search.

Readers type what they feel and want to know ("shots in my back", "does it go
away"), where pages use other words (injections, nerve blocks, outlook).
``data/search_terms.yml`` maps a reader's words to the pages' words, a line
per term. The search (``overrides/assets/javascripts/search-readers.js``, which
search-worker.js imports when the reader reaches for the search box) looks for
the pages' words too; the reader sees only the pages' own text.

Each of the pages' words must be on a page: the build reads every page as
Pagefind reads it (``SiteWords``), so a term that points at words no page
uses any more (a page rewritten) fails the build on its line.

The site's words are also written, split by first letter, under
``search/words/`` for the worker (another language's under
``search/words/<language>/``): a word a reader misspelled is matched to the
nearest word of the site (``search-readers.js``, ``siteWordFor``), and a word
the site lacks is not given to Pagefind (which would answer for a shorter
word). Each letter's file is fetched once, when a word typed starts with it.
The pages' names and symptoms (front matter, ``SiteWords.names``) are written
likewise, under ``search/names/``, once Pagefind has indexed the pages
(healthsite/search/known_by.py): a page the reader's words name exactly comes
first among pages that match as well.
"""

from __future__ import annotations

import codecs
import json
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from healthsite.content.datafiles import BY_NAME
from healthsite.problems import Problem, field_path
from healthsite.search.terms import TERMS_WEIGHT
from healthsite.yamlfile import InvalidYamlError, YamlFiles

SEARCH_TERMS_FILE = BY_NAME["search_terms"].path
# Each language's readers' terms, checked against that language's pages (a
# Spanish page's written path starts with es/). English is the default.
SEARCH_TERMS_FILES = {"en": SEARCH_TERMS_FILE, "es": BY_NAME["search_terms_es"].path}
# What the worker fetches (under the site's root).
READERS_WORDS_PATH = "search/readers-words.json"
WORDS_FOLDER = "search/words"
# The hidden element of a page's names and symptoms (healthsite/search/terms.py).
_READER_TERMS = re.compile(rf'data-pagefind-weight="{TERMS_WEIGHT}" hidden>([^<]*)</div>')
# A page's title as Pagefind reads it (its ``title`` meta): its first h1.
_FIRST_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
# Question and filler words decide nothing, and hid pages: Pagefind wants
# every word of a query on a page, and found none for "will my child grow out
# of it" (benchmarks/README.md, "Search in readers' words").
# Per language, as the search box's page says (<html lang>; the worker's ?lang=),
# normalized: "cómo" is "como".
# fmt: off
ENGLISH_STOP_WORDS = (
    "a", "about", "after", "all", "am", "an", "and", "any", "are", "as", "at", "be", "because",
    "been", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "for", "from",
    "cant", "dont",  # codespell:ignore
    "get", "gets", "getting", "go", "had", "has", "have", "having", "he", "her", "him", "his",
    "how", "i", "if", "im", "in", "into", "is", "it", "its", "ive", "just", "me", "might",
    "more", "most", "much", "my", "of", "on", "or", "our", "should", "so", "some", "still",
    "than", "that", "the", "their", "them", "then", "there", "they", "this", "to", "too", "up",
    "us", "very", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will",
    "with", "without", "wont", "would", "you", "your", "yours",  # codespell:ignore
    # Contractions as readers type them without the apostrophe, and fillers.
    "arent", "didnt", "doesnt", "hasnt", "havent", "isnt", "wasnt",  # codespell:ignore
    "couldnt", "shouldnt", "wouldnt", "also", "again", "really",  # codespell:ignore
    # "the other" (foot, one) names no topic: it put the surgery guide ("and
    # other procedures") before the CRPS page for "one foot colder than the other".
    "other",
)
SPANISH_STOP_WORDS = (
    "a", "al", "algo", "como", "con", "cual", "cuales", "cuando", "de", "del", "donde", "el",
    "ella", "ellos", "en", "es", "esa", "ese", "eso", "esta", "estan", "estar", "este", "esto",
    "estoy", "fue", "ha", "hay", "la", "las", "le", "les", "lo", "los", "mas", "me", "mi",
    "mis", "ser", "te",  # codespell:ignore
    "muy", "nos", "o", "para", "pero", "por", "porque", "puede", "pueden", "puedo", "que",
    "quien", "se", "sea", "si", "sin", "sobre", "son", "soy", "su", "sus", "tan",
    "tengo", "tiene", "tienen", "tu", "un", "una", "unas", "uno", "unos", "usted", "y", "ya",
    "yo",
)
# fmt: on
STOP_WORDS = {"en": ENGLISH_STOP_WORDS, "es": SPANISH_STOP_WORDS}
# The site's words given to the worker: at least this many letters (shorter
# words are searched as typed: CHECKED_LETTERS in search-readers.js).
MIN_WORD_LETTERS = 3
_TAG = re.compile(r"<[^>]*>")
# A possessive ("Sudeck's atrophy", "Raynaud's"): normalized, the apostrophe
# goes and Pagefind holds "sudecks". A reader misspelling the name writes it
# without the "s" ("sudek"), one edit from "sudeck" and two from "sudecks":  # codespell:ignore
# the vocabulary holds the name alone too, so the near match reaches it (and
# Pagefind, asked "sudeck", finds "sudecks" as the start of it).
# Each "'s" is found by str.find, then the word before it: a pattern of both
# tried every start of a word (at a load of 18, 20 ms on the CRPS page, where
# normalizing all of it took 7), and one of "'s" alone every character (2 ms).
_POSSESSIVE_MARKS = ("'s", "\u2019s")
_WORD_BEFORE = re.compile(r"\w+\Z")
# Longer words than this before an "'s" are not looked for whole.
_LONGEST_WORD = 40
# Every page's whole text is normalized (``SiteWords``), so each step below runs
# in C over the whole text: a character at a time in Python, a page's words took
# 1.4 ms, now under 0.4 (benchmarks/README.md, "Issue 21: where the project's own CPU goes").
# After the marks are gone and the text lowercased, every character but a-z and
# 0-9 separates words; a character that is still not ASCII became "?" first.
_SPACE_FOR_NOT_WORD = str.maketrans(
    {
        chr(code): " "
        for code in range(128)
        if chr(code) not in string.ascii_lowercase + string.digits
    }
)
# What the ASCII encoder puts for each run of characters that are not ASCII:
# nothing for a combining mark (an accent, once NFD has split it from its
# letter) or a curly apostrophe, "?" for any other. The encoder finds the runs
# in C; a regular expression looking for them went over every character.
_FOLD_TO_ASCII = "healthsite.readers_words.fold"


def _fold_to_ascii(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    run = error.object[error.start : error.end]
    return "".join(
        "" if char == "\u2019" or unicodedata.combining(char) else "?" for char in run
    ), error.end


codecs.register_error(_FOLD_TO_ASCII, _fold_to_ascii)


def normalize(text: str) -> str:
    """Lowercase words separated by single spaces, apostrophes dropped ("Sudeck's" -> "sudecks"),
    accents dropped ("simpática" -> "simpatica", "ñ" -> "n", as Pagefind compares words).

    search-readers.js normalizes what the reader types the same way (``normalize``).
    """
    # Lowercasing before the marks are dropped gives the same text: after NFD
    # no character lowercases to a mark, nor a mark to anything else
    # (tests/test_search_terms.py checks every code point).
    return " ".join(_normalized_words(text))


def _normalized_words(text: str) -> list[str]:
    """The words of ``normalize(text)``."""
    lower = unicodedata.normalize("NFD", text).lower().replace("'", "")
    ascii_only = lower.encode("ascii", _FOLD_TO_ASCII).decode("ascii")
    return ascii_only.translate(_SPACE_FOR_NOT_WORD).split()


@dataclass(frozen=True)
class ReaderTerm:
    """One line of the data file: a reader's words, and the pages' words for them."""

    readers: str
    pages: tuple[str, ...]
    line: int | None
    language: str = "en"
    # Made by the build from the glossary (full_name_terms), not a line of the data file.
    from_glossary: bool = False

    @property
    def source(self) -> str:
        return SEARCH_TERMS_FILES[self.language]


def page_language(dest_uri: str) -> str:
    """The language of the page written at ``dest_uri``: ``es/...`` is Spanish."""
    first = dest_uri.split("/", 1)[0]
    return first if first in SEARCH_TERMS_FILES else "en"


# Words no line may hold: each was once a reader's word that led a frightened
# reader's words to a calm page, with no 911 and 988 line (the safety reviews
# in benchmarks/README.md). A line is found for other forms of its words too,
# so the forms are named. Whole words of a line's reader's words; a phrase is
# its words in order.
NOT_READERS_WORDS: dict[str, dict[str, str]] = {
    "en": {
        **dict.fromkeys(
            ("overdo", "overdoes", "overdoing", "overdid", "overdone"),
            "its forms take an overdose ('i overdid my meds', 'overdoes', an overdose misspelled)",
        ),
        **dict.fromkeys(
            ("fake pill", "fake pills", "dummy pill"),
            "in the US a fake pill is a street pill that may hold fentanyl, not a placebo",
        ),
        "seized": "a seizure",
        "wind": "it takes 'winded', out of breath",
        "ashen": "a sign of shock or a heart attack",
        "clammy": "a sign of shock or a heart attack",
        "wake": "its forms take 'he won't wake up'",
        "sleeping": "it takes 'found him sleeping, can't wake him up'",
        "calf": "a blood clot's sign",
        "feeling down": "it takes 'numb feeling down my left arm'",
        "angry": "it takes 'angry red streak', an infection",
        "dressing": "a wound dressing",
        # A one-word line is also where a misspelling goes (termSpelling):
        # a word on no page one letter from it is taken for it.
        "aleve": (
            "one letter from 'alive': 'i don't want to be alive' would put the NSAIDs page first"
        ),
        "ultram": "one letter from 'ultra': 'ultra sensitive skin' would find opioids",
        "nevro": (
            "one letter from 'negro': 'dedo negro', a black toe, would find the stimulator page"
        ),
        **dict.fromkeys(
            ("horse tranquilizer", "horse tranquilizers", "horse tranquillizer"),
            "US news calls xylazine ('tranq', a street drug) this as well as ketamine: a "
            "street-drug question would find the ketamine infusion page",
        ),
    },
    "es": {
        "pastilla falsa": "a street pill that may hold fentanyl, not a placebo",
        "pastillas falsas": "a street pill that may hold fentanyl, not a placebo",
        "cortar": "it takes 'me quiero cortar el brazo', self-harm",
        "torcido": "it takes a twisted smile, a stroke",
        "torcida": "it takes a twisted smile, a stroke",
    },
}


def why_refused(readers: str, language: str) -> str | None:
    """Why ``readers`` (normalized) may not be a line's reader's words, or None."""
    spaced = f" {readers} "
    for words, why in NOT_READERS_WORDS.get(language, {}).items():
        if f" {words} " in spaced:
            return (
                f"'{words}' may not be a reader's word: {why}; expected no line for it "
                "(words of danger lead to the 911 and 988 line, CONTRIBUTING.md)"
            )
    return None


def _terms_from(
    data: object, lines: Mapping[tuple[object, ...], int], language: str
) -> tuple[list[ReaderTerm], list[Problem]]:
    source = SEARCH_TERMS_FILES[language]
    if not isinstance(data, dict):
        expected = "expected a mapping, a line per term: a reader's words: [pages' words]"
        return [], [Problem(source, 1, "(file)", expected)]
    terms, problems = [], []
    for key, value in data.items():
        line = lines.get((key,))
        field = field_path([key])
        written = [value] if isinstance(value, str) else value
        if not isinstance(key, str) or not normalize(key):
            problems.append(Problem(source, line, field, "expected a reader's words"))
            continue
        if (
            not isinstance(written, list)
            or not written
            or not all(isinstance(words, str) and normalize(words) for words in written)
        ):
            problems.append(
                Problem(
                    source,
                    line,
                    field,
                    "expected the words pages use for it, e.g. [injection, nerve block]",
                )
            )
            continue
        refused = why_refused(normalize(key), language)
        if refused:
            problems.append(Problem(source, line, field, refused))
            continue
        pages = tuple(normalize(words) for words in written)
        terms.append(ReaderTerm(normalize(key), pages, line, language))
    return terms, problems


def load_search_terms(
    project_dir: Path, files: YamlFiles | None = None
) -> tuple[list[ReaderTerm], list[Problem]]:
    """Every language's terms, and every mistake in their files (no file: no terms)."""
    terms: list[ReaderTerm] = []
    problems: list[Problem] = []
    files = files or YamlFiles()
    for language, source in SEARCH_TERMS_FILES.items():
        path = project_dir / source
        if not path.is_file():
            continue
        try:
            data, lines = files.parsed(path, source).read()
        except InvalidYamlError as error:
            problems.append(error.problem)
            continue
        found, wrong = _terms_from(data, lines, language)
        terms += found
        problems += wrong
    return terms, problems


def full_name_terms(language: str, full_names: Iterable[tuple[str, list[str]]]) -> list[ReaderTerm]:
    """Readers' terms for the full names of abbreviations (the glossary's
    "DMSO (dimethyl sulfoxide)", ``Glossary.full_names``): a reader who types
    "dimethyl sulfoxide" finds the page that says DMSO only. Not checked
    against the pages as the data file's lines are: the pages' words are the
    glossary's own matches, the words that show its tooltip."""
    terms = []
    for full, matches in full_names:
        readers = normalize(full)
        pages = tuple(words for words in map(normalize, matches) if words and words != readers)
        if readers and pages and why_refused(readers, language) is None:
            terms.append(ReaderTerm(readers, pages, None, language, from_glossary=True))
    return terms


def page_words(html: str) -> list[str]:
    """The normalized words of a page as Pagefind reads it (its tags dropped)."""
    return _normalized_words(_page_text(html))


def _page_text(html: str) -> str:
    return unescape(_TAG.sub(" ", html))


def possessed(text: str) -> frozenset[str]:
    """The normalized words ``text`` uses as possessives, without their "s"
    ("Sudeck's atrophy": "sudeck")."""
    found = set()
    for mark in _POSSESSIVE_MARKS:
        start = text.find(mark)
        while start != -1:
            after = start + len(mark)
            if after == len(text) or not text[after].isalnum():
                word = _WORD_BEFORE.search(text, max(0, start - _LONGEST_WORD), start)
                if word:
                    found.add(normalize(word.group()))
            start = text.find(mark, after)
    return frozenset(found)


class SiteWords:
    """The words of every page written in this process (per page, so that a
    rebuild under ``mkdocs serve --dirty`` replaces the saved page's words)."""

    def __init__(self) -> None:
        self._by_page: dict[str, frozenset[str]] = {}
        # Each page's possessives' own words, for the near match alone (vocabulary).
        self._possessed_by_page: dict[str, frozenset[str]] = {}
        self._phrases_by_page: dict[str, frozenset[str]] = {}
        self._names_by_page: dict[str, tuple[str, ...]] = {}
        self._titles_by_page: dict[str, str] = {}
        self._phrases: frozenset[str] = frozenset()
        # Each phrase with its words.
        self._phrase_words: tuple[tuple[str, list[str]], ...] = ()

    def start(self, terms: Iterable[ReaderTerm], keep_pages: bool) -> None:
        """Start a build that checks ``terms``' page words. ``keep_pages``: under
        ``mkdocs serve --dirty`` only saved pages are written again; the others'
        words are kept (a term changed meanwhile is checked on the saved pages)."""
        if not keep_pages:
            self._by_page.clear()
            self._possessed_by_page.clear()
            self._phrases_by_page.clear()
            self._names_by_page.clear()
            self._titles_by_page.clear()
        self._phrases = frozenset(words for term in terms for words in term.pages)
        self._phrase_words = tuple((phrase, phrase.split()) for phrase in self._phrases)

    def add(self, dest_uri: str, html: str) -> None:
        page_text = _page_text(html)
        in_order = _normalized_words(page_text)
        text = f" {' '.join(in_order)} "
        words = self._by_page[dest_uri] = frozenset(in_order)
        self._possessed_by_page[dest_uri] = possessed(page_text) - words
        # A one-word phrase is on the page if it is one of its words (a set
        # lookup). A phrase of several words can only be on it if each of its
        # words is (set lookups again): only those are looked for in the text.
        self._phrases_by_page[dest_uri] = frozenset(
            phrase
            for phrase, its_words in self._phrase_words
            if words.issuperset(its_words) and (len(its_words) == 1 or f" {phrase} " in text)
        )
        listed = _READER_TERMS.search(html)
        names = unescape(listed.group(1)).split(", ") if listed else []
        self._names_by_page[dest_uri] = tuple(filter(None, map(normalize, names)))
        title = _FIRST_H1.search(html)
        self._titles_by_page[dest_uri] = " ".join(page_words(title.group(1))) if title else ""

    def names(self) -> dict[str, list[str]]:
        """Each page's names and symptoms (front matter), normalized: the pages
        (URL paths) each one names. A page named by the reader's very words
        comes first among pages that match as well (search-readers.js)."""
        pages_by_name: dict[str, list[str]] = {}
        for dest_uri, names in sorted(self._names_by_page.items()):
            url = dest_uri.removesuffix("index.html")
            for name in names:
                pages_by_name.setdefault(name, []).append(url)
        return pages_by_name

    def known_by(self) -> dict[str, list[str]]:
        """Each page's (URL path's) words of its title and names, as Pagefind's
        ``title`` and ``names`` meta hold them (healthsite/search/known_by.py)."""
        titles, names = dict(self._titles_by_page), dict(self._names_by_page)
        return {
            dest_uri.removesuffix("index.html"): " ".join([title, *names.get(dest_uri, ())]).split()
            for dest_uri, title in titles.items()
        }

    def vocabulary(self) -> dict[str, list[str]]:
        """Each language's words (of its pages) of at least ``MIN_WORD_LETTERS``
        letters, those on the most pages first: of two words as near to a
        misspelling, the worker takes the first ("cprs": crps, on every page,
        before cars, on one). Per language: an English misspelling went to the
        Spanish word as near ("nortriptilyne": nortriptilina, not nortriptyline).
        A possessive's own word is one of them ("sudeck" of "Sudeck's": ``possessed``)."""
        pages_using: dict[str, Counter[str]] = {}
        for dest_uri, page in self._by_page.items():
            using = pages_using.setdefault(page_language(dest_uri), Counter())
            using.update(page | self._possessed_by_page.get(dest_uri, frozenset()))
        return {language: _most_used_first(using) for language, using in pages_using.items()}

    def unused(self, terms: Iterable[ReaderTerm]) -> list[Problem]:
        """A problem for each page word of ``terms`` that no page of the term's language uses.

        A language this build wrote no page in (the i18n plugin's
        ``build_only_locale``, as the English-only benchmark builds) is not checked.
        """
        used: dict[str, set[str]] = {}
        for dest_uri, phrases in self._phrases_by_page.items():
            used.setdefault(page_language(dest_uri), set()).update(phrases)
        return [
            Problem(
                term.source,
                term.line,
                field_path([term.readers]),
                f"{words!r} is on no page; expected words a page uses "
                "(as Pagefind reads it: the article and its hidden reader terms)",
            )
            for term in terms
            if term.language in used and not term.from_glossary
            for words in term.pages
            if words not in used[term.language]
        ]


def _most_used_first(pages_using: Counter[str]) -> list[str]:
    words = (word for word in pages_using if len(word) >= MIN_WORD_LETTERS and word.isalpha())
    return sorted(words, key=lambda word: (-pages_using[word], word))


def words_folder(language: str) -> str:
    """Where ``language``'s words are written: English under ``search/words/``,
    another language under ``search/words/<language>/`` (search-readers.js)."""
    return WORDS_FOLDER if language == "en" else f"{WORDS_FOLDER}/{language}"


def write_search_data(
    site_dir: Path,
    terms: Iterable[ReaderTerm],
    vocabulary: Mapping[str, Iterable[str]],
) -> None:
    """What the search worker reads: the terms and each language's stop words, and the site's
    words (in ``vocabulary``'s order) in one file per first letter."""
    terms_by_language: dict[str, dict[str, list[str]]] = {}
    for term in terms:
        terms_by_language.setdefault(term.language, {})[term.readers] = list(term.pages)
    readers_words = {"stop": STOP_WORDS, "terms": terms_by_language}
    target = site_dir / READERS_WORDS_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(readers_words, separators=(",", ":")), encoding="utf-8")
    for language, language_words in vocabulary.items():
        by_letter: dict[str, list[str]] = {}
        for word in language_words:
            by_letter.setdefault(word[0], []).append(word)
        folder = site_dir / words_folder(language)
        folder.mkdir(parents=True, exist_ok=True)
        for letter, words in by_letter.items():
            (folder / f"{letter}.txt").write_text(" ".join(words), encoding="utf-8")
