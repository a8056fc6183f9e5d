"""Alphabetical order as each language's readers expect it.

Spanish: accents are ignored for order (á with a), but ñ is a letter of its
own, after n (``ñandú`` after ``nuez``), as Spanish dictionaries and the
Real Academia Española's alphabet order them. Written here (a few lines)
rather than adding PyICU, which needs the ICU C library to build.
"""

from __future__ import annotations

import unicodedata

from healthsite.pages.language import SPANISH

# After every letter: "n" then this sorts after "nz".
_AFTER_N = "n\x7f"


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def sort_key(text: str, language: str = "en") -> str:
    """The key to sort a title or name by: case and spacing ignored."""
    key = " ".join(text.casefold().split())
    if language != SPANISH:
        return key
    return _without_accents(key.replace("ñ", _AFTER_N))


def first_letter(text: str, language: str = "en") -> str | None:
    """The letter a label is filed under (accents removed; Ñ kept in Spanish),
    or None when it starts with no letter."""
    first = next((char for char in text if char.isalnum()), "")
    if not first.isalpha():
        return None
    if language == SPANISH and first.casefold() == "ñ":
        return "Ñ"
    plain = _without_accents(first).upper()
    return plain if plain.isascii() else None
