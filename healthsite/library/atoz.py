"""The A to Z: every condition, treatment and guide by title, and by each other name.

Written "A to Z", never "A-Z": screen readers read the dash as "minus" or
skip it. Entries come from front matter only, so a new page, or a new
alternative name, appears without an edit here or on the page.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from healthsite.i18n.collation import first_letter
from healthsite.i18n.collation import sort_key as language_sort_key
from healthsite.library.model import LibraryPage, sort_key
from healthsite.pages.language import SPANISH

OTHER = "0 to 9"
LETTERS = (*string.ascii_uppercase, OTHER)
# Spanish files Ñ after N (healthsite/i18n/collation.py).
SPANISH_LETTERS = (*"ABCDEFGHIJKLMN", "Ñ", *"OPQRSTUVWXYZ", OTHER)


def letters_of(language: str) -> tuple[str, ...]:
    return SPANISH_LETTERS if language == SPANISH else LETTERS


@dataclass(frozen=True)
class Entry:
    """One line of the A to Z: a page's title, or another name that leads to it."""

    label: str
    page: LibraryPage
    # True for an alternative name: "RSD: see Complex regional pain syndrome (CRPS)".
    see: bool
    language: str = "en"

    @property
    def letter(self) -> str:
        return letter_of(self.label, self.language)


def letter_of(label: str, language: str = "en") -> str:
    """The heading an entry is filed under: its first letter, accents removed
    (in Spanish, Ñ is a letter of its own)."""
    if language == SPANISH:
        return first_letter(label, language) or OTHER
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    first = next((char for char in plain if char.isalnum()), "")
    return first.upper() if first.isalpha() else OTHER


def letter_id(letter: str) -> str:
    return "letter-" + ("0-9" if letter == OTHER else letter.lower())


def entries(pages: Iterable[LibraryPage], language: str = "en") -> list[Entry]:
    """Every title and alternative name, sorted as readers of ``language`` look them up."""
    found: list[Entry] = []
    for page in pages:
        found.append(Entry(page.title, page, see=False, language=language))
        title_key = sort_key(page.title)
        found += [
            Entry(name, page, see=True, language=language)
            for name in page.alternative_names
            if sort_key(name) != title_key
        ]
    order = letters_of(language)
    return sorted(
        found,
        key=lambda entry: (
            order.index(entry.letter),
            language_sort_key(entry.label, language),
        ),
    )


def by_letter(found: list[Entry]) -> dict[str, list[Entry]]:
    """Entries under each letter that has any, in A to Z order."""
    groups: dict[str, list[Entry]] = {}
    for entry in found:
        groups.setdefault(entry.letter, []).append(entry)
    return groups
