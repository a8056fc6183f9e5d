"""Readability of Spanish text: Fernández Huerta, and Szigriszt-Pazos on the INFLESZ scale.

Both formulas are Flesch's, refitted to Spanish: they weigh syllables per word
and words per sentence. Words and sentences are counted as textstat counts them
(healthsite/checks/textscores.py), so both languages are measured alike.

Syllables are not textstat's. With ``set_lang("es")`` it counts Pyphen's
hyphenation points plus one, and Pyphen keeps two letters at each end of a
word, so "día", "río" and "agua" count one syllable and "alodinia" three:
Spanish scores come out too easy (brief, section 4). pylabeador splits a word
into syllables by the rules of Spanish spelling (the RAE's: diphthongs,
hiatus, written accents, "gue"/"qui", "y" as a vowel), and is typed and fast
(about 20 µs a word, each distinct word counted once per process). silabeador
was tried too: it reads its exception list from disk on every word (190 µs)
and follows verse rules (it splits "guion" and "huir" in two). A token
pylabeador refuses (a number, an acronym such as SDRC, an English name)
counts one syllable per group of vowels, at least one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pylabeador

from healthsite.checks.textscores import WORDS_KEPT, count_sentences, list_words

VOWEL_GROUP = re.compile(r"[aeiouáéíóúüy]+")
NOT_A_LETTER = re.compile(r"[^a-záéíóúüñ]")

# INFLESZ (Barrio-Cantalejo et al., 2008): bands of the Szigriszt-Pazos score.
INFLESZ_BANDS = (
    (80.0, "muy fácil"),
    (65.0, "bastante fácil"),
    (55.0, "normal"),
    (40.0, "algo difícil"),
)
HARDEST_BAND = "muy difícil"


@dataclass(frozen=True)
class SpanishCounts:
    sentences: int
    words: int
    syllables: int


class SpanishSyllables:
    """Syllables of Spanish words, each distinct word counted once."""

    def __init__(self) -> None:
        self._known: dict[str, int] = {}

    @staticmethod
    def _count(word: str) -> int:
        letters = NOT_A_LETTER.sub("", word)
        try:
            return len(pylabeador.syllabify(letters))
        except pylabeador.HyphenatorError:
            return max(1, len(VOWEL_GROUP.findall(word)))

    def word(self, word: str) -> int:
        """Syllables of one lower-case word."""
        count = self._known.get(word)
        if count is None:
            if len(self._known) >= WORDS_KEPT:
                self._known.clear()
            count = self._known[word] = self._count(word)
        return count

    def counts(self, text: str) -> SpanishCounts:
        words = Counter(list_words(text, lowercase=True))
        syllables = sum(self.word(word) * times for word, times in words.items())
        return SpanishCounts(count_sentences(text), sum(words.values()), syllables)


def _ratios(counts: SpanishCounts) -> tuple[float, float] | None:
    """Syllables per word and words per sentence; None for a text with no words."""
    if counts.words == 0 or counts.sentences == 0:
        return None
    return counts.syllables / counts.words, counts.words / counts.sentences


def fernandez_huerta(counts: SpanishCounts) -> float:
    """206.84 - 0.60 * syllables per 100 words - 1.02 * words per sentence
    (the corrected form legible.es gives; textstat computes the same)."""
    ratios = _ratios(counts)
    if ratios is None:
        return 0.0
    syllables_per_word, words_per_sentence = ratios
    return 206.84 - 60 * syllables_per_word - 1.02 * words_per_sentence


def szigriszt_pazos(counts: SpanishCounts) -> float:
    """Szigriszt's "perspicuidad": 206.835 - 62.3 * syllables per word - words per sentence."""
    ratios = _ratios(counts)
    if ratios is None:
        return 0.0
    syllables_per_word, words_per_sentence = ratios
    return 206.835 - 62.3 * syllables_per_word - words_per_sentence


def inflesz_band(score: float) -> str:
    """The INFLESZ band of a Szigriszt-Pazos score, in the scale's own words."""
    return next((band for floor, band in INFLESZ_BANDS if score >= floor), HARDEST_BAND)
