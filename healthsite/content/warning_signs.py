"""Warning signs: each written once, with its level and its source.

``data/warning_signs.yml`` holds every sign a "When to get help" care card
can list: the words readers see, the level (``non-urgent``, ``urgent`` or
``emergency``) and the source that gives that level. Care cards list signs by
key with the ``signs()`` macro; the build renders each as a bullet cited to
its source, and ``healthsite/checks/components.py`` checks that each card
lists only signs of its own level. A sign therefore has one level on every
page, and changing it is one edit in one file, reviewed once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from healthsite.content.citations import Citations
from healthsite.content.registry import Checked, DataFile, Source, validate_entries
from healthsite.problems import Problem, field_path, log
from healthsite.validation import PlainText
from healthsite.yamlfile import line_of


class Level(StrEnum):
    """The care card a sign belongs in, from the least to the most urgent."""

    non_urgent = "non-urgent"
    urgent = "urgent"
    emergency = "emergency"


class LevelFrom(StrEnum):
    """Who set a sign's level: its source, or the site's editors reading it."""

    source = "source"
    editors = "editors"


def _as_list(value: object) -> object:
    """One source may be written as a key alone, several as a list of keys."""
    return [value] if isinstance(value, str) else value


def _not_empty(keys: list[str]) -> list[str]:
    if not keys:
        raise ValueError("lists no source")
    return keys


SourceKeys = Annotated[list[PlainText], BeforeValidator(_as_list), AfterValidator(_not_empty)]

# What may close a sign after its last word or number (straight and curly quotes too).
CLOSING_MARKS = " .)\"'\u201d\u2019"


def _ends_in_a_word(text: str) -> str:
    """A sign's citation marks follow its last character: after "call 911" they
    read as more digits of the number ("call 9111617" in the page's plain text)."""
    if text.rstrip(CLOSING_MARKS)[-1:].isdigit():
        raise ValueError("ends in a number, which the citation marks after it would run into")
    return text


SignText = Annotated[PlainText, AfterValidator(_ends_in_a_word)]


class SignWording(BaseModel):
    """A warning sign's words in Spanish (``es:``); its level and source are shared."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    text: SignText | None = Field(
        None,
        description="the sign in Spanish, finishing the Spanish card heading and ending "
        "in a word, e.g. 'llame al 911 de todos modos'",
    )
    audience: PlainText | None = Field(None, alias="for", description="who it is for, in Spanish")


class WarningSign(BaseModel):
    """One warning sign, keyed by the name care cards list it by."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    text: SignText = Field(
        description="the sign in plain words that finish the card's heading, "
        "starting in lowercase and ending in a word, not a number, e.g. 'you have chest "
        "pain or trouble breathing' or 'call 911 anyway'"
    )
    level: Level = Field(description="'non-urgent', 'urgent' or 'emergency'")
    source: SourceKeys = Field(
        description="the key in data/sources.yml of the source that gives this level "
        "(or a list of keys, at least one checked: primary)"
    )
    level_from: LevelFrom = Field(
        LevelFrom.source,
        description="'source' (the default: a source named in `source` gives this level) "
        "or 'editors' (the sources describe the sign but set no level; a clinician "
        "reviewer checks these levels first)",
    )
    audience: PlainText | None = Field(
        None,
        alias="for",
        description="who the sign is for, e.g. 'people with a cast or splint'",
    )
    es: SignWording | None = Field(None, description="the Spanish of text (and for)")


@dataclass(frozen=True)
class WarningSigns:
    """Every warning sign of the site, and the file they are written in."""

    signs: dict[str, WarningSign]
    shown_as: str

    def level_of(self, key: str) -> Level | None:
        sign = self.signs.get(key)
        return sign.level if sign else None

    def levels_set_by_editors(self) -> list[str]:
        """Keys of the signs whose level no source sets: a clinical reviewer's first checks."""
        return [key for key, sign in self.signs.items() if sign.level_from == LevelFrom.editors]


def did_you_mean(key: str, known: Iterable[str]) -> str:
    """``; did you mean 'x'?`` for the closest known key, or nothing."""
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _source_problems(
    signs: Mapping[str, WarningSign],
    sources: Mapping[str, Source],
    data_file: DataFile,
    sources_file: str,
) -> list[Problem]:
    """Every source named must exist, and a level may not rest on [secondary] sources alone."""
    problems: list[Problem] = []
    for key, sign in signs.items():
        unknown = [source for source in sign.source if source not in sources]
        known = [sources[source] for source in sign.source if source in sources]
        messages = [
            f"'{source}' is not a source in {sources_file}{did_you_mean(source, sources)}; "
            f"expected a key of {sources_file} (add the source there first)"
            for source in unknown
        ]
        if not unknown and all(source.checked == Checked.secondary for source in known):
            messages.append(
                "every source given is marked 'checked: secondary', read only as reported "
                "by others; expected at least one source read first-hand (checked: primary) "
                "that gives this level"
            )
        if not messages:
            continue
        _, lines = data_file.read()
        line = line_of(lines, (key, "source"))
        problems.extend(
            Problem(data_file.shown_as, line, field_path((key, "source")), message)
            for message in messages
        )
    return problems


def _same_words_other_level(signs: Mapping[str, WarningSign], data_file: DataFile) -> list[Problem]:
    """Two keys with the same words at two levels would be one sign at two levels."""
    first: dict[str, str] = {}
    problems: list[Problem] = []
    for key, sign in signs.items():
        words = " ".join(sign.text.casefold().split())
        other = first.setdefault(words, key)
        if other == key or signs[other].level == sign.level:
            continue
        _, lines = data_file.read()
        problems.append(
            Problem(
                data_file.shown_as,
                line_of(lines, (key, "level")),
                field_path((key, "level")),
                f"'{key}' has the same words as '{other}' (line "
                f"{line_of(lines, (other,))}), which is {signs[other].level}, not "
                f"{sign.level}; expected one level for one sign: give both the level their "
                "sources give, or say how the signs differ",
            )
        )
    return problems


def load_warning_signs(
    data_file: DataFile, sources: Mapping[str, Source], sources_file: str
) -> tuple[WarningSigns, list[Problem]]:
    """Validate the warning signs file; return the usable signs and every problem."""
    signs, problems = validate_entries(WarningSign, data_file)
    problems += _source_problems(signs, sources, data_file, sources_file)
    problems += _same_words_other_level(signs, data_file)
    return WarningSigns(signs, data_file.shown_as), problems


def editors_levels_note(warning_signs: WarningSigns) -> str | None:
    """The build log's line naming the signs whose level the editors set, or None."""
    keys = warning_signs.levels_set_by_editors()
    if not keys:
        return None
    count = len(keys)
    signs = "warning sign has" if count == 1 else "warning signs have"
    return (
        f"{count} {signs} a level set by editors, not by a source "
        f"({warning_signs.shown_as}, level_from: editors; a clinician reviewer checks "
        f"these first): {', '.join(keys)}"
    )


def log_editors_levels(warning_signs: WarningSigns) -> None:
    """Say at INFO which levels rest on the editors' reading, so a reviewer sees them."""
    note = editors_levels_note(warning_signs)
    if note:
        log.info("%s", note)


# Care cards are top-level admonitions (STYLE.md): their body is indented 4 spaces.
CARD_BODY_INDENT = " " * 4


class SignsMacro:
    """The ``signs()`` macro: a care card's signs as cited Markdown bullets."""

    def __init__(self, warning_signs: WarningSigns, citations: Citations) -> None:
        self.warning_signs = warning_signs
        self.citations = citations

    def render(self, *keys: str) -> str:
        """Macro: ``signs('key', ...)``, one bullet a sign, each cited to its source.

        An unknown key is reported, with its line, by the care card check; it
        is written as it is here so the build can go on and find every mistake.
        """
        bullets = []
        for key in keys:
            sign = self.warning_signs.signs.get(key)
            if sign is None:
                bullets.append(f"- [unknown warning sign {key}]")
                continue
            self.citations.listed_sign(key)
            wording = self.citations.wording
            text = sign.text if wording is None else wording.of(sign, "text", "warning_signs", key)
            bullets.append(f"- {' '.join(text.split())}{self.citations.cite(*sign.source)}")
        return f"\n{CARD_BODY_INDENT}".join(bullets)
