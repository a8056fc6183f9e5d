"""The fingerprint of an English page: what a translation of it was made from.

The first 12 hex digits of a SHA-256 over the page's Markdown (line endings
made ``\\n``): its body, and the front matter fields a translation carries in
Spanish (title, description, other names, symptoms, each finding's wording
and who graded it), not those it takes from the English page as they are
(review dates, related pages, certainty and source of findings): a review
that changes no word leaves its translations current. And the English
wording of the data entries the page shows: statistics (``stat``,
``stat_value``, and those a finding lists under ``statistics:``, each shown
as its sentence), warning signs (``signs``), glossary terms (the tooltips of
words on the page, and every term on the page that lists them all) and
reviewers' names and roles (those ``reviewed_by`` names, in the review box,
and every reviewer on the page that lists them all). A change to any of
these changes what a reader of the English page reads, so the translation
may no longer match. So does naming another reviewer in ``reviewed_by``:
the review box then names someone else, in both languages.
Numbers, levels, sources and a reviewer's registration are not wording: the
build writes them into both languages from the same entry, so changing one
leaves a translation current.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from mkdocs.utils.meta import YAML_RE

from healthsite.content.datafiles import BY_NAME
from healthsite.content.macrocalls import literal_calls
from healthsite.content.reviewers import FIELD as REVIEWERS_FIELD
from healthsite.content.reviewers import LIST_MACRO, reviewer_keys
from healthsite.pages.frontmatter import MAX_FRONT_MATTER_VALUES
from healthsite.yamlfile import YamlFiles, expanded_size, load_quickly

FINGERPRINT_DIGITS = 12
FINGERPRINT = re.compile(rf"[0-9a-f]{{{FINGERPRINT_DIGITS}}}")

STATISTICS = BY_NAME["stats"].path
WARNING_SIGNS = BY_NAME["warning_signs"].path
GLOSSARY = BY_NAME["glossary"].path
REVIEWERS = BY_NAME["reviewers"].path
# Each data file a page reads through macros, and the fields of an entry that
# readers read (the `es:` map beside them holds their Spanish).
WORDING_FIELDS: dict[str, tuple[str, ...]] = {
    STATISTICS: ("claim", "unit", "population", "period", "attributed_to", "caveat"),
    WARNING_SIGNS: ("text", "for"),
    GLOSSARY: ("definition",),
    REVIEWERS: ("name", "role"),
}
DATA_FILES = tuple(WORDING_FIELDS)
# Each read as the build reads it (data/reviewers.yml keeps its dates as text).
LOADERS = {declared.path: declared.loader for declared in BY_NAME.values()}
MACROS_READING: dict[str, str] = {
    "stat": STATISTICS,
    "stat_value": STATISTICS,
    "signs": WARNING_SIGNS,
}
# The macros that list every entry of a data file: the glossary page's terms,
# the About page's reviewers.
MACROS_LISTING_ALL: dict[str, str] = {
    "glossary_list": GLOSSARY,
    LIST_MACRO.removesuffix("()"): REVIEWERS,
}
# The front matter fields whose Spanish a translation holds (its findings: the
# wording of each, ``finding``).
TRANSLATED_FIELDS = ("title", "description", "alternative_names", "signs_or_symptoms")

# Entry key -> field -> English text, for one data file.
Wording = dict[str, dict[str, Any]]


def _data(text: str | None, data_file: str, files: YamlFiles) -> dict[Any, Any]:
    """A data file's entries, parsed through ``files`` (the one data-file layer,
    which keeps each version's parse); none if it is missing or not valid YAML
    (the build's own data checks report that, with its line)."""
    if text is None:
        return {}
    data = files.parsed_text(text, data_file, LOADERS[data_file]).data
    return data if isinstance(data, dict) else {}


def english_wording(data: Mapping[Any, Any], data_file: str) -> Wording:
    """The English wording of each entry of a data file."""
    fields = WORDING_FIELDS[data_file]
    return {
        str(key): {name: entry[name] for name in fields if name in entry}
        for key, entry in data.items()
        if isinstance(entry, dict)
    }


@dataclass(frozen=True)
class Tooltips:
    """The glossary's terms and the words on a page that show each one."""

    term_of: Mapping[str, str]
    # Any of the words, whole; None if there are none.
    pattern: re.Pattern[str] | None

    @classmethod
    def of(cls, glossary: Mapping[Any, Any]) -> Tooltips:
        """From the glossary's entries (each term's ``matches``)."""
        term_of: dict[str, str] = {}
        for term, entry in glossary.items():
            words = entry.get("matches") if isinstance(entry, dict) else None
            for word in words if isinstance(words, list) else []:
                if str(word):
                    term_of.setdefault(str(word), str(term))
        # Longest first, so that a word inside a longer one is not found instead.
        alternatives = "|".join(re.escape(word) for word in sorted(term_of, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if term_of else None
        return cls(term_of, pattern)


@dataclass(frozen=True)
class DataVersion:
    """What one version of the data files gives a page's fingerprint."""

    wording: Mapping[str, Wording]
    tooltips: Tooltips

    @classmethod
    def from_texts(
        cls, texts: Mapping[str, str | None], files: YamlFiles | None = None
    ) -> DataVersion:
        """From each data file's text (None: the file does not exist), parsed
        through ``files``: the build's (``Session``), or one for this call."""
        parsed_by = files or YamlFiles()
        data = {name: _data(texts.get(name), name, parsed_by) for name in DATA_FILES}
        return cls(
            {name: english_wording(entries, name) for name, entries in data.items()},
            Tooltips.of(data[GLOSSARY]),
        )


def normalized(markdown: str) -> str:
    """The page's text with Windows and old Mac line endings made ``\\n``, no BOM."""
    return markdown.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _terms_on(markdown: str, tooltips: Tooltips) -> list[str]:
    """The glossary terms one of whose words (case-sensitive, whole) is on the page."""
    if tooltips.pattern is None:
        return []
    return sorted({tooltips.term_of[word] for word in tooltips.pattern.findall(markdown)})


def used_entries(
    markdown: str, data: DataVersion, named: Mapping[str, Iterable[str]] | None = None
) -> dict[str, list[str]]:
    """The keys of the entries the page shows, by data file: those its macros
    and words show, and those its front matter names (``named``)."""
    used: dict[str, set[str]] = {name: set((named or {}).get(name, ())) for name in DATA_FILES}
    for name, arguments in literal_calls(markdown):
        if name in MACROS_READING:
            used[MACROS_READING[name]].update(arguments)
        elif name in MACROS_LISTING_ALL:
            listed = MACROS_LISTING_ALL[name]
            used[listed].update(data.wording[listed])
    used[GLOSSARY].update(_terms_on(markdown, data.tooltips))
    return {name: sorted(keys) for name, keys in used.items()}


@dataclass(frozen=True)
class TranslatedPart:
    """What of an English page a translation carries over."""

    # The front matter fields a translation holds in Spanish.
    fields: dict[str, Any]
    # The data entries the front matter names, by data file: the statistics its
    # findings list (each shown as its sentence), its reviewers (in the review box).
    named: dict[str, tuple[str, ...]]
    body: str


def _finding_wording(item: object) -> object:
    """A finding's words, with who graded it where it says so."""
    if not isinstance(item, dict):
        return item
    if "graded_by" not in item:
        return item.get("finding")
    return {"finding": item.get("finding"), "graded_by": item["graded_by"]}


def _listed_statistics(findings: list[Any]) -> tuple[str, ...]:
    """The statistic keys the findings list under ``statistics:``."""
    keys: list[str] = []
    for item in findings:
        listed = item.get("statistics") if isinstance(item, dict) else None
        if isinstance(listed, list):
            keys.extend(str(key) for key in listed)
    return tuple(keys)


def translated_part(text: str) -> TranslatedPart:
    """The front matter fields a translation carries, the data entries the front
    matter names, and the body.

    Front matter that cannot be read counts whole, as text (the build reports it);
    so does front matter whose YAML aliases hold themselves or too many values,
    which could not be written out as JSON.
    """
    front = YAML_RE.match(text)
    if front is None:
        return TranslatedPart({}, {}, text)
    body = text[front.end() :]
    fields = load_quickly(front.group(1))
    too_big = expanded_size(fields, MAX_FRONT_MATTER_VALUES) > MAX_FRONT_MATTER_VALUES
    if not isinstance(fields, dict) or too_big:
        return TranslatedPart({"front matter": front.group(1)}, {}, body)
    carried = {name: fields[name] for name in TRANSLATED_FIELDS if name in fields}
    named = {REVIEWERS: tuple(reviewer_keys(fields.get(REVIEWERS_FIELD)))}
    findings = fields.get("findings")
    if isinstance(findings, list):
        carried["findings"] = [_finding_wording(item) for item in findings]
        named[STATISTICS] = _listed_statistics(findings)
    return TranslatedPart(carried, named, body)


def fingerprint(markdown: str, data: DataVersion) -> str:
    """The fingerprint of an English page's text with the data it uses.

    A key the data has no entry for is left out (the build reports it).
    """
    text = normalized(markdown)
    part = translated_part(text)
    shown = used_entries(text, data, part.named)
    used = {
        name: {key: data.wording[name][key] for key in keys if key in data.wording[name]}
        for name, keys in shown.items()
    }
    payload = json.dumps([part.fields, used], sort_keys=True, ensure_ascii=False, default=str)
    digest = hashlib.sha256(f"{part.body}\0{payload}".encode())
    return digest.hexdigest()[:FINGERPRINT_DIGITS]
