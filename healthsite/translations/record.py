"""The translation record in a Spanish page's front matter, and its problems.

```yaml
translation:
  fingerprint: 0123456789ab   # the English page's, when the translation matched it
  translated: 2026-12-05
  translated_by: editorial-team
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mkdocs.utils.meta import YAML_RE

from healthsite.problems import Problem
from healthsite.translations.fingerprint import FINGERPRINT, FINGERPRINT_DIGITS
from healthsite.yamlfile import InvalidYamlError, line_of, parse_quickly_with_lines

BLOCK = "translation"
FIELD = f"{BLOCK}.fingerprint"
NOT_YET = "TODO"
FIRST_YAML_LINE = 2
# The value as written on its line, quoted or not: YAML would read
# 012345678901 as a number (and drop its leading 0).
WRITTEN_VALUE = re.compile(r"""^\s*fingerprint\s*:\s*(?:'([^']*)'|"([^"]*)"|([^\s#'"]*))""")


def is_not_yet(problem: Problem) -> bool:
    """Whether the problem is a fingerprint still written TODO."""
    return problem.field == FIELD and problem.message.startswith(f"is {NOT_YET};")


def stamp_command(shown_as: str) -> str:
    return f"make translations STAMP={shown_as}"


@dataclass(frozen=True)
class TranslationRecord:
    """What a Spanish page says it translates: a fingerprint, on a line."""

    fingerprint: str
    line: int


def _block_example(current: str) -> str:
    return (
        f"'{BLOCK}:' with 'fingerprint: {current}', 'translated: YYYY-MM-DD' and "
        "'translated_by: <a key of data/reviewers.yml>' (CONTRIBUTING.md, \"Translating a page\")"
    )


def _written(text: str, line: int) -> str | None:
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return None
    found = WRITTEN_VALUE.match(lines[line - 1])
    if found is None:
        return None
    return next(part for part in found.groups() if part is not None)


def read_record(
    text: str, shown_as: str, current: str, *, report_front_matter: bool = True
) -> tuple[TranslationRecord | None, list[Problem]]:
    """The page's record, or the problems that keep it from being one.

    ``current`` is the English page's fingerprint now, for the messages.
    Front matter that is missing or not YAML, and a record or fingerprint that
    is missing, are reported only with ``report_front_matter``: in the build,
    the translated pages' front matter check (healthsite/pages/translated.py)
    reports them, and one mistake gets one message.
    """
    block = YAML_RE.match(text.replace("\r\n", "\n"))
    if block is None:
        said = f"is missing; expected '---', the Spanish fields and {_block_example(current)}"
        missing = Problem(shown_as, 1, "front matter", f"{said}, then '---'")
        return None, [missing] if report_front_matter else []
    try:
        data, lines = parse_quickly_with_lines(block.group(1), shown_as, FIRST_YAML_LINE)
    except InvalidYamlError as error:
        return None, [error.problem] if report_front_matter else []
    record = data.get(BLOCK) if isinstance(data, dict) else None
    if not isinstance(record, dict):
        said = "is missing" if record is None else "must be a block of fields"
        if not report_front_matter:
            return None, []
        return None, [
            Problem(
                shown_as,
                line_of(lines, (BLOCK,)) or 1,
                BLOCK,
                f"{said}; expected {_block_example(current)}",
            )
        ]
    fingerprint_line = lines.get((BLOCK, "fingerprint"))
    if fingerprint_line is None:
        if not report_front_matter:
            return None, []
        return None, [
            Problem(
                shown_as,
                line_of(lines, (BLOCK,)),
                FIELD,
                f"is missing; expected 'fingerprint: {current}' once the translation matches "
                f"the English page (`{stamp_command(shown_as)}` writes it)",
            )
        ]
    line = fingerprint_line
    written = _written(block.group(1), line - FIRST_YAML_LINE + 1)
    value = written if written is not None else str(record["fingerprint"])
    if value == NOT_YET:
        return None, [
            Problem(
                shown_as,
                line,
                FIELD,
                f"is {NOT_YET}; once the translation matches the English page, run "
                f"`{stamp_command(shown_as)}` (it writes 'fingerprint: {current}' and the date)",
            )
        ]
    if not FINGERPRINT.fullmatch(value):
        return None, [
            Problem(
                shown_as,
                line,
                FIELD,
                f"'{value}' is not a fingerprint; expected {FINGERPRINT_DIGITS} hex digits "
                f"(0-9, a-f) as `make translations` prints them (the English page's: {current})",
            )
        ]
    return TranslationRecord(value, line), []
