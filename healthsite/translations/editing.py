"""Writing translation records: ``stamp`` an up-to-date translation, ``start`` a new one.

``stamp`` changes only the values of ``fingerprint:`` and ``translated:``
in the page's ``translation:`` block (adding what is missing), so the rest
of the file stays byte for byte as the editor wrote it, line endings too.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml
from markdown.extensions.toc import slugify
from mkdocs.utils.meta import YAML_RE

from healthsite.textlines import line_at
from healthsite.translations.record import BLOCK

# A started translation holds the English to translate below this line; the
# build fails a Spanish page that still holds it (status.py).
START_MARKER = "<!-- TRADUCIR:"
START_COMMENT = (
    f'{START_MARKER} translate the English below into Spanish (STYLE.md, "Spanish"), then '
    "delete this comment. Keep each heading's {#id}, every macro call as it is and "
    "links to the English file names; the fields above that are in English need Spanish too. -->"
)
DEFAULT_TRANSLATOR = "editorial-team"
# The English fields whose Spanish the Spanish page holds (the contract, "A Spanish page").
SPANISH_FIELDS = ("title", "description", "alternative_names", "signs_or_symptoms")
HEADING = re.compile(r"^(#{2,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
ID_ATTRIBUTE = re.compile(r"\{[^}]*#[^}]*\}\s*$")
RECORD_KEY = re.compile(rf"{BLOCK}[ \t]*:[ \t]*(#.*)?\r?\n?$")
FENCE = re.compile(r"^\s*(```|~~~)")


class StampError(ValueError):
    """The page cannot be stamped; the message says why."""


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _front_matter_end(lines: list[str]) -> int | None:
    """The index of the line that closes the front matter, if the page has one."""
    if not lines or lines[0].rstrip("\r\n") != "---":
        return None
    return next(
        (index for index, line in enumerate(lines[1:], 1) if line.rstrip("\r\n") in ("---", "...")),
        None,
    )


def _value(value: str) -> str:
    # Digits only would read as a number: quoted.
    return f"'{value}'" if value.isdigit() else value


def stamped(text: str, fingerprint: str, day: dt.date, shown_as: str) -> str:
    """The page with its record saying it matches ``fingerprint`` as of ``day``."""
    lines = text.splitlines(keepends=True)
    closing = _front_matter_end(lines)
    if closing is None:
        raise StampError(f"{shown_as}: has no front matter; expected '---' lines around it")
    newline = _newline(text)
    first, last = 1, closing
    block = next(
        (index for index in range(first, last) if RECORD_KEY.match(lines[index])),
        None,
    )
    wanted = {"fingerprint": _value(fingerprint), "translated": day.isoformat()}
    if block is None:
        added = [
            f"{BLOCK}:{newline}",
            *(f"  {key}: {value}{newline}" for key, value in wanted.items()),
            f"  translated_by: {DEFAULT_TRANSLATOR}{newline}",
        ]
        return "".join([*lines[:last], *added, *lines[last:]])
    end = block + 1
    while end < last and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
        end += 1
    indent = "  "
    for index in range(block + 1, end):
        field = re.match(
            r"^([ \t]+)([A-Za-z_]+)(\s*:[ \t]*)([^#\r\n]*?)([ \t]*(#.*)?)(\r?\n)?$", lines[index]
        )
        if field is None:
            continue
        indent = field.group(1)
        if field.group(2) in wanted:
            value = wanted.pop(field.group(2))
            before, after = field.group(1) + field.group(2) + field.group(3), field.group(5)
            lines[index] = f"{before}{value}{after}{field.group(7) or ''}"
    added = [f"{indent}{key}: {value}{newline}" for key, value in wanted.items()]
    insert_at = end
    while insert_at > block + 1 and not lines[insert_at - 1].strip():
        insert_at -= 1
    return "".join([*lines[:insert_at], *added, *lines[insert_at:]])


class _ListsIndentedDumper(yaml.SafeDumper):
    """Indents list items under their key, as the pages do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def heading_with_id(line: str) -> str:
    """``## Symptoms`` -> ``## Symptoms {#symptoms}``: the id MkDocs gives the
    English heading, which the Spanish heading keeps (links and anchors)."""
    found = HEADING.match(line)
    if found is None or ID_ATTRIBUTE.search(line):
        return line
    return f"{found.group(1)} {found.group(2)} {{#{slugify(found.group(2), '-')}}}"


def _body_with_ids(body: str) -> str:
    lines, fenced = [], False
    for line in body.split("\n"):
        if FENCE.match(line):
            fenced = not fenced
        lines.append(line if fenced else heading_with_id(line))
    return "\n".join(lines)


def started(english_text: str, fingerprint: str, day: dt.date) -> str:
    """A Spanish page to translate: the Spanish fields with the English in
    them, the record filled in, and the English body below START_COMMENT."""
    text = english_text.replace("\r\n", "\n")
    front = YAML_RE.match(text)
    english: dict[str, Any] = {}
    body = text
    if front is not None:
        loaded = yaml.safe_load(front.group(1))
        english = loaded if isinstance(loaded, dict) else {}
        body = text[front.end() :]
    fields: dict[str, Any] = {name: english[name] for name in SPANISH_FIELDS if name in english}
    findings = english.get("findings")
    if isinstance(findings, list):
        fields["findings"] = [
            {"finding": item.get("finding")} for item in findings if isinstance(item, dict)
        ]
    fields[BLOCK] = {
        "fingerprint": fingerprint,
        "translated": day,
        "translated_by": DEFAULT_TRANSLATOR,
    }
    dumped = yaml.dump(
        fields, Dumper=_ListsIndentedDumper, sort_keys=False, allow_unicode=True, width=88
    )
    return f"---\n{dumped}---\n\n{START_COMMENT}\n\n{_body_with_ids(body.lstrip(chr(10)))}"


def untranslated_line(text: str) -> int | None:
    """The line of START_COMMENT, if the page still holds it."""
    index = text.find(START_MARKER)
    return None if index < 0 else line_at(text, index)
