"""Flesch-Kincaid grade and SMOG, textstat's formulas, each word's syllables counted once.

textstat (0.7.13) computes each score from scratch: the Flesch-Kincaid grade
counts the syllables of every word of the text, SMOG counts them again word by
word to find the words of three or more, and each call splits the text into
words and sentences again. That was most of the readability check's time
(benchmarks/README.md). Here a page's text is split once, its sentences
counted once for both scores, and each distinct word's syllables counted once
per process (so ``mkdocs serve`` does not count them again), with textstat's
own public functions (``remove_punctuation``, ``sentence_count``) and rule:
the first pronunciation in the CMU dictionary, else Pyphen's hyphenation
points plus one. Only textstat's public API is used: its private modules
(``textstat.backend...``) may change in any release.

The scores are textstat's, to the last bit: the same words, the same counts
and the same arithmetic in the same order (tests/test_readability.py compares
them with textstat's public functions on awkward text).
textstat-rs, a Rust port, was measured and not chosen: it disagreed with
textstat on 4 of our 14 pages (SMOG by up to 0.14) and on single sentences by
up to 2.4 grades.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import textstat
from pyphen import Pyphen

# textstat's default language (Textstatistics.__lang).
LANG = "en_US"
# Words of this many syllables or more are SMOG's polysyllables.
POLYSYLLABLE = 3
# A bound on the words remembered, far above a library's vocabulary.
WORDS_KEPT = 200_000


# textstat's public object, as its formulas read words: apostrophes kept
# (the shared ``textstat.textstat`` drops them by default, and may be set by
# anyone; this one is ours).
_WORDS = type(textstat.textstat)()
_WORDS.set_rm_apostrophe(False)


def list_words(text: str, *, lowercase: bool = False) -> list[str]:
    """textstat's words: its punctuation removed, split at spaces."""
    words: str = _WORDS.remove_punctuation(text)
    return (words.lower() if lowercase else words).split()


def count_sentences(text: str) -> int:
    """textstat's sentences (one or two words are not a sentence)."""
    sentences: int = _WORDS.sentence_count(text)
    return sentences


@dataclass(frozen=True)
class TextCounts:
    """What both formulas need, counted once."""

    sentences: int
    words: int
    syllables: int
    polysyllables: int


class SyllableCounter:
    """Syllables of one word, counted once: textstat's ``count_syllables`` loop body."""

    def __init__(self, dictionary: Callable[[str], Mapping[str, list[list[str]]] | None]) -> None:
        self._dictionary = dictionary
        self._pyphen: Pyphen | None = None
        self._lower: dict[str, int] = {}
        self._word: dict[str, int] = {}

    def _count(self, word: str) -> int:
        """One lower-case word of ``list_words(text, lowercase=True)``."""
        try:
            phones = self._dictionary(LANG)[word][0]  # type: ignore[index]
            return sum(1 for phone in phones if phone[-1].isdigit())
        except (TypeError, IndexError, KeyError):
            if self._pyphen is None:
                self._pyphen = Pyphen(lang=LANG)
            return len(self._pyphen.positions(word)) + 1

    def lower_word(self, word: str) -> int:
        """Syllables of a word as the Flesch-Kincaid count sees it (lower case)."""
        count = self._lower.get(word)
        if count is None:
            if len(self._lower) >= WORDS_KEPT:
                self._lower.clear()
            count = self._lower[word] = self._count(word)
        return count

    def word(self, word: str) -> int:
        """textstat's ``count_syllables(word)``, as SMOG calls it on each word."""
        count = self._word.get(word)
        if count is None:
            if len(self._word) >= WORDS_KEPT:
                self._word.clear()
            count = self._word[word] = sum(
                self.lower_word(part) for part in list_words(word, lowercase=True)
            )
        return count

    def counts(self, text: str) -> TextCounts:
        # textstat's punctuation removed once: list_words(text, lowercase=True)
        # is the same text, lowercased, split.
        without_punctuation: str = _WORDS.remove_punctuation(text)
        words = without_punctuation.split()
        # Each distinct word looked up once per page, times how often it occurs:
        # the same whole-number sums, with a third of the calls.
        syllables = sum(
            self.lower_word(word) * times
            for word, times in Counter(without_punctuation.lower().split()).items()
        )
        polysyllables = sum(
            times for word, times in Counter(words).items() if self.word(word) >= POLYSYLLABLE
        )
        return TextCounts(count_sentences(text), len(words), syllables, polysyllables)


def flesch_kincaid_grade(counts: TextCounts) -> float:
    """textstat's ``flesch_kincaid_grade``, from the counts."""
    # textstat.backend.metrics: words_per_sentence, syllables_per_word, then the grade.
    try:
        sentence_length = counts.words / counts.sentences
    except ZeroDivisionError:
        sentence_length = 0.0
    try:
        syllables = counts.syllables / counts.words
    except ZeroDivisionError:
        syllables = 0.0
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return (0.39 * sentence_length) + (11.8 * syllables) - 15.59


def smog_index(counts: TextCounts) -> float:
    """textstat's ``smog_index``, from the counts."""
    try:
        root: float = (30 * (counts.polysyllables / counts.sentences)) ** 0.5
        return (1.043 * root) + 3.1291
    except ZeroDivisionError:
        return 0.0
