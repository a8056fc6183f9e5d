"""Flesch-Kincaid grade and SMOG, textstat's formulas, each word's syllables counted once.

textstat (0.7.13) computes each score from scratch: the Flesch-Kincaid grade
counts the syllables of every word of the text, SMOG counts them again word by
word to find the words of three or more, and each call splits the text into
words and sentences again. That was most of the readability check's time
(benchmarks/README.md). Here a page's text is split once, its sentences
counted once for both scores, and each distinct word's syllables counted once
per process (so ``mkdocs serve`` does not count them again), with textstat's
rule: the first pronunciation in the CMU dictionary, else Pyphen's
hyphenation points plus one.

Its punctuation removal and sentence count are textstat's too, written out
here (two regular expressions and a count, as textstat 0.7.13 has them)
rather than called. Issue 21 asked for textstat's public API if its cost at
1,000 pages stays within the build goals; it does not. The build was 1.29
times Material's by CPU for a goal of 1.25, and textstat's
``sentence_count`` (a cached call per sentence, and two regular expressions
compiled from strings on each) took 0.9 ms a page, against 0.4 ms here. And
``import textstat`` imports nltk, which the project never uses, in every
build (0.35 to 0.8 s, benchmarks/README.md). So the build does not import
textstat at all; the tests do, and compare these counts and both scores with
textstat's public functions on every built page (tests/test_readability.py),
so a textstat release that changes its rules fails there first.

The scores are textstat's, to the last bit: the same words, the same counts
and the same arithmetic in the same order.
textstat-rs, a Rust port, was measured and not chosen: it disagreed with
textstat on 4 of our 14 pages (SMOG by up to 0.14) and on single sentences by
up to 2.4 grades.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pyphen import Pyphen

# textstat's default language (Textstatistics.__lang).
LANG = "en_US"
# Words of this many syllables or more are SMOG's polysyllables.
POLYSYLLABLE = 3
# A bound on the words remembered, far above a library's vocabulary.
WORDS_KEPT = 200_000

# textstat's ``remove_punctuation`` with apostrophes kept (``set_rm_apostrophe
# (False)``, as its formulas read words): an apostrophe is dropped unless it
# starts an English contraction's ending, then everything but word characters,
# spaces and apostrophes (textstat.backend.transformations, 0.7.13).
NON_CONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
PUNCTUATION = re.compile(r"[^\w\s\']")
# textstat's sentences (textstat.backend.counts.count_sentences).
SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
# textstat does not count a "sentence" of one or two words.
SHORTEST_SENTENCE = 3
# A sentence of at least SHORTEST_SENTENCE of textstat's words, read from its
# start: ``len(list_words(sentence)) >= SHORTEST_SENTENCE`` without rewriting
# the sentence. A word of ``list_words`` is a space-separated part holding a
# word character (``remove_punctuation`` empties a part of punctuation alone:
# an apostrophe it keeps is followed by a letter). So: parts of punctuation
# alone (skipped), then a part with a word character, that many times.
_SKIPPED_PARTS = r"(?:[^\w\s]+\s+)*"
_WORD_PART = r"[^\w\s]*\w\S*"
LONG_ENOUGH = re.compile(r"\s*" + r"\s+".join([_SKIPPED_PARTS + _WORD_PART] * SHORTEST_SENTENCE))


def remove_punctuation(text: str) -> str:
    """textstat's ``remove_punctuation(text)``, apostrophes of contractions kept."""
    return PUNCTUATION.sub("", NON_CONTRACTION_APOSTROPHE.sub("", text))


def list_words(text: str, *, lowercase: bool = False) -> list[str]:
    """textstat's words: its punctuation removed, split at spaces."""
    words = remove_punctuation(text)
    return (words.lower() if lowercase else words).split()


def count_sentences(text: str) -> int:
    """textstat's ``sentence_count``: one or two words are not a sentence."""
    if not text:
        return 0
    sentences = SENTENCE.findall(text)
    counted = sum(1 for sentence in sentences if LONG_ENOUGH.match(sentence))
    return max(1, counted)


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

    def _known(self, known: dict[str, int], words: list[str], count: Callable[[str], int]) -> None:
        """Every one of ``words`` in ``known``, each new one counted once."""
        new = set(words).difference(known)
        if len(known) + len(new) > WORDS_KEPT:
            known.clear()
            new = set(words)
        for word in new:
            known[word] = count(word)

    def counts(self, text: str) -> TextCounts:
        # textstat's punctuation removed once: list_words(text, lowercase=True)
        # is the same text, lowercased, split.
        without_punctuation = remove_punctuation(text)
        words = without_punctuation.split()
        lower_words = without_punctuation.lower().split()
        # Each distinct word counted once (per process), then the page's
        # words summed by C loops (map, sum) over the known counts: the same
        # whole-number sums as textstat's word-by-word loops.
        self._known(self._lower, lower_words, self._count)
        syllables = sum(map(self._lower.__getitem__, lower_words))
        self._known(self._word, words, self.word)
        # POLYSYLLABLE <= count, word by word: True counts 1.
        polysyllables = sum(map(POLYSYLLABLE.__le__, map(self._word.__getitem__, words)))
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
